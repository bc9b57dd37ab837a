import { berlinDate } from '../../contract/dates';
import { DATA_CATEGORIES, LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../../contract/data-categories';
import type { ReferralUrgency } from '../../contract/referral-domain';
import type { ReferralPrintData } from '../../contract/types/referral-types';
import type { CaseDetail, ClientDetail } from '../../contract/types/client-types';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { readCase } from '../cases/case-service';
import { loadClientDetail } from '../client-file/client-detail';
import { checkConsentGate, consentsNamingPartners } from './consent-gate';
import { categoriesOf, requireReferral, seesReferral } from './referral-queries';
import { AccessDenied } from '../access/access-denied';

type Section = Record<string, string | null>;

const list = (values: readonly string[] | undefined) => (values?.length ? values.join(', ') : null);

/** The file's data of one category, as the Überleitungsbogen prints it (keys are i18n label keys of the print). */
function section(category: DataCategory, client: ClientDetail, k: CaseDetail): Section {
  const areas = (c: DataCategory): Section => {
    const out: Section = {};
    for (const a of k.assessment.filter((x) => LIFE_AREA_DATA_CATEGORY[x.area] === c)) out[`assessment.${a.area}`] = [a.need, a.note].filter(Boolean).join(': ');
    for (const g of k.goals.filter((x) => LIFE_AREA_DATA_CATEGORY[x.area] === c)) out[`goal.${g.id}`] = g.title;
    return out;
  };
  switch (category) {
    case 'master':
      return {
        street: client.street ?? null,
        postalCode: client.postalCode ?? null,
        city: client.city ?? null,
        phone: client.phone ?? null,
        email: client.email ?? null,
        nationalities: list(client.nationalities),
        languages: list(client.languages?.map((l) => (l.interpreterNeeded ? `${l.code} (interpreter)` : l.code))),
        ...areas('master'),
      };
    case 'residence':
      return {
        residenceType: client.currentResidence?.type ?? null,
        legalBasis: client.currentResidence?.legalBasis ?? null,
        validUntil: client.currentResidence?.validUntil ?? null,
        ...areas('residence'),
      };
    case 'family':
      return { household: list(client.household?.map((h) => `${h.name} (${h.relation}${h.birthYear ? `, ${h.birthYear}` : ''})`)), ...areas('family') };
    case 'conversation-notes':
      // Only notes the office shares ("intern" ones never leave it), newest first as the case shows them.
      return Object.fromEntries((k.notes ?? []).filter((n) => !n.internal).map((n) => [`note.${n.id}`, `${n.occurredOn}: ${n.text}`]));
    default:
      return areas(category);
  }
}

/**
 * What the Überleitungsbogen of a referral may contain: exactly the categories the referral carries that consents
 * in force today name for its partner (a category whose consent was revoked since sending is left out), each with
 * the file's data of it. Reading it is a read of the client file and the case (audited by the calling method);
 * the caller must see every category of the referral. The print pipeline turns this into the PDF.
 */
export async function referralPrintData(ctx: ClientDataContext, referralId: string): Promise<ReferralPrintData> {
  const r = await requireReferral(ctx.tx, referralId);
  const access = await accessTo(ctx, r.clientId);
  const sent = categoriesOf(r);
  if (!access.owner || !seesReferral(access, sent)) throw new AccessDenied(access.owner ? 'roleCategory' : 'scope', { entity: 'client', entityId: r.clientId, fields: [`referral:${r.id}`] });
  const today = berlinDate(ctx.now);
  const consents = await consentsNamingPartners(ctx.tx, r.clientId);
  const consented = sent.filter((c) => checkConsentGate(consents, r.partnerId, [c], today).ok);
  const client = await loadClientDetail(ctx, r.clientId);
  const k = await readCase(ctx, r.caseId);
  const [partner] = (await ctx.tx.query(
    'SELECT p.name AS partner_name, c.name AS contact_name FROM partner p LEFT JOIN partner_contact c ON c.id = ? WHERE p.id = ?',
    [r.contactId, r.partnerId],
  )) as { partner_name: string; contact_name: string | null }[];
  ctx.audit.fields.push(...consented.map((c) => `category:${c}`));
  return {
    referralId: r.id,
    partnerName: partner?.partner_name ?? '',
    contactName: partner?.contact_name ?? null,
    request: r.request,
    urgency: r.urgency as ReferralUrgency,
    sentOn: r.sentOn,
    feedbackDue: r.feedbackDue,
    categories: DATA_CATEGORIES.filter((c) => consented.includes(c)),
    client: { familyName: client.familyName, givenNames: client.givenNames, birthDate: client.birthDate },
    sections: Object.fromEntries(DATA_CATEGORIES.filter((c) => consented.includes(c)).map((c) => [c, section(c, client, k)])),
  };
}
