import type { EntityManager } from 'typeorm';
import type { DocumentView } from '../../contract/types/client-types';
import type { CaseDetail } from '../../contract/types/client-types';
import type { ConferenceView } from '../../contract/types/conference-types';
import { loadCaseDetail } from '../cases/case-queries';
import { HouseholdMemberEntity, ResidenceStatusEntity, type Client, type HouseholdMember, type ResidenceStatus } from '../clients/client-entities';
import { foldName } from '../clients/name-normalisation';
import { ConsentEntity, type Consent } from '../consent/consent-entities';
import { consentRecipients, namedPartners, type ConsentRecipient } from '../consent/consent-recipients';
import { listDocuments } from '../documents/document-service';
import { loadConferences } from '../conferences/conference-queries';
import type { ProtectedFields } from '../service-context';

/**
 * Everything the vault stores about one person, gathered for the Art. 15 report: the client file, its residence
 * history and household, household entries of other files that name the person, every case with its assessment,
 * Hilfeplan, notes and closure, documents (name and date, never content), consents, referrals and case conferences.
 * Category-protected values are decrypted with the session's keys; without a key they are blank and
 * `withheld` lists the category (the report then says so instead of printing an empty text).
 */
export interface SubjectRecords {
  client: Client;
  residence: ResidenceStatus[];
  household: HouseholdMember[];
  /** Household entries in other persons' files naming this person; the other file is not named (Art. 15(4)). */
  mentions: HouseholdMention[];
  cases: Omit<CaseDetail, 'access'>[];
  documents: DocumentView[];
  consents: { consent: Consent; recipients: ConsentRecipient[] }[];
  referrals: ReferralRecord[];
  conferences: ConferenceView[];
}

export interface HouseholdMention {
  id: string;
  relation: string;
  birthYear: number | null;
  /** The office keeping the other file. */
  office: string;
  createdAt: string;
}

export interface ReferralRecord {
  id: string;
  caseId: string;
  partnerId: string;
  partnerName: string;
  state: string;
  request: string;
  categories: string[];
  createdAt: string;
  sentOn: string | null;
  acceptedOn: string | null;
  declinedBy: string | null;
  result: string | null;
}

/**
 * Whether a household entry's free-text name (and birth year) names the person: every token of the family name and,
 * in another word of the entry, at least one given name, spelled in any case, order, with or without umlauts or diacritics (foldName); the birth
 * year must agree when both are known. Pure, for the property test.
 */
export function householdEntryNames(entry: { name: string; birthYear: number | null }, person: Pick<Client, 'familyName' | 'givenNames' | 'birthDate' | 'birthDatePlaceholder'>): boolean {
  const family = foldName(person.familyName).split(' ').filter(Boolean);
  const given = foldName(person.givenNames).split(' ').filter(Boolean);
  if (!family.length || !given.length) return false;
  // Each word of the entry names one part: the family name's words are taken first, a given name must be among the
  // rest (an entry "X Caller" does not name "Caller Caller", whose family and given name are the same word).
  const left = foldName(entry.name).split(' ').filter(Boolean);
  for (const t of family) {
    const at = left.indexOf(t);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  if (!given.some((t) => left.includes(t))) return false;
  const birthYear = person.birthDate && !person.birthDatePlaceholder ? Number(person.birthDate.slice(0, 4)) : null;
  return birthYear === null || entry.birthYear === null || entry.birthYear === birthYear;
}

/** Household entries in other files that name the person (householdEntryNames). */
export async function householdMentions(m: EntityManager, client: Client): Promise<HouseholdMention[]> {
  const family = foldName(client.familyName).split(' ').filter(Boolean);
  if (!family.length) return [];
  // A coarse filter in SQL: the longest folded family-name token in the lower-cased name, or any name with a
  // non-ASCII letter (lower() folds ASCII only); householdEntryNames decides.
  const probe = [...family].sort((a, b) => b.length - a.length)[0]!;
  const rows = (await m.query(
    `SELECT h.id, h.name, h.relation, h.birth_year, h.created_at, c.office FROM household_member h JOIN client c ON c.id = h.client_id
     WHERE h.client_id <> ? AND (instr(lower(h.name), ?) > 0 OR h.name GLOB '*[^ -~]*')`,
    [client.id, probe],
  )) as { id: string; name: string; relation: string; birth_year: number | null; created_at: string; office: string }[];
  return rows
    .filter((r) => householdEntryNames({ name: r.name, birthYear: r.birth_year }, client))
    .map((r) => ({ id: r.id, relation: r.relation, birthYear: r.birth_year, office: r.office, createdAt: r.created_at }));
}

async function referralRecords(m: EntityManager, clientId: string): Promise<ReferralRecord[]> {
  const rows = (await m.query(
    `SELECT r.id, r.case_id, r.partner_id, p.name AS partner_name, r.state, r.request, r.categories, r.created_at, r.sent_on, r.accepted_on,
            r.declined_by, r.result
     FROM referral r LEFT JOIN partner p ON p.id = r.partner_id WHERE r.client_id = ? AND r.deleted_at IS NULL ORDER BY r.created_at`,
    [clientId],
  )) as Record<string, string | null>[];
  return rows.map((r) => ({
    id: r.id!,
    caseId: r.case_id!,
    partnerId: r.partner_id!,
    partnerName: r.partner_name ?? '',
    state: r.state!,
    request: r.request ?? '',
    categories: JSON.parse(r.categories ?? '[]') as string[],
    createdAt: r.created_at!,
    sentOn: r.sent_on ?? null,
    acceptedOn: r.accepted_on ?? null,
    declinedBy: r.declined_by ?? null,
    result: r.result ?? null,
  }));
}

/** Gathers the person's records (the caller has checked access: subject-access.ts). */
export async function gatherSubjectRecords(m: EntityManager, fields: ProtectedFields, client: Client): Promise<SubjectRecords> {
  const id = client.id;
  const caseIds = (await m.query(`SELECT id FROM kim_case WHERE client_id = ? ORDER BY opened_on, id`, [id])) as { id: string }[];
  const cases: Omit<CaseDetail, 'access'>[] = [];
  const conferences: ConferenceView[] = [];
  for (const k of caseIds) {
    cases.push(await loadCaseDetail(m, fields, k.id));
    conferences.push(...(await loadConferences(m, fields, { caseId: k.id })));
  }
  const consentRows = await m.find(ConsentEntity, { where: { clientId: id }, order: { validFrom: 'ASC', createdAt: 'ASC' } });
  const consents = [];
  for (const consent of consentRows) consents.push({ consent, recipients: consentRecipients(consent, await namedPartners(m, consent)) });
  return {
    client,
    residence: await m.find(ResidenceStatusEntity, { where: { clientId: id }, order: { validFrom: 'ASC', createdAt: 'ASC' } }),
    household: await m.find(HouseholdMemberEntity, { where: { clientId: id }, order: { createdAt: 'ASC' } }),
    mentions: await householdMentions(m, client),
    cases,
    documents: await listDocuments(m, fields, { clientId: id }),
    consents,
    referrals: await referralRecords(m, id),
    conferences: conferences.sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.createdAt.localeCompare(b.createdAt)),
  };
}
