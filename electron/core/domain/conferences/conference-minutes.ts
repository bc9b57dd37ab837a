import type { LifeArea } from '../../contract/case-domain';
import { LIFE_AREA_DATA_CATEGORY, type DataCategory } from '../../contract/data-categories';
import { DATA_CATEGORIES } from '../../contract/data-categories';
import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import { berlinDate } from '../../contract/dates';
import { AccessDenied } from '../access/access-denied';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { ConsentEntity, type Consent } from '../consent/consent-entities';
import { PartnerEntity, type Partner } from '../partners/partner-entities';
import { loadConferences } from './conference-queries';

/** What the minutes of one conference may tell one partner who took part: the input of the print pipeline. */
export interface MinutesContent {
  conferenceId: string;
  heldOn: string;
  heldAt: string | null;
  /** Null: the full minutes for the keeping office's own file. */
  recipient: { partnerId: string; name: string } | null;
  /** The keeping office (fallführende Stelle). */
  office: Office;
  /** The categories the conference's consent releases to the recipient (and the printing user may read). */
  categories: DataCategory[];
  /** Null unless "master" is released: without it the minutes do not name the person. */
  clientName: string | null;
  clientPresent: boolean;
  interpreterLanguage: string | null;
  participants: { name: string; contactName: string | null; role: string | null }[];
  situations: { area: LifeArea; text: string }[];
  /** Null unless "conversation-notes" is released. */
  results: string | null;
  /** Agreed actions: those under a goal only when its life area's category is released. */
  actions: { whoName: string; what: string; dueDate: string; area: LifeArea | null; done: boolean }[];
  nextOn: string | null;
}

const normalise = (s: string) => s.normalize('NFC').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();

/**
 * Whether a consent names this partner: by its directory id (consents since the partner link), or, on an older
 * consent that named agencies by free text, by a name equal to the partner's directory name, ignoring case and
 * spacing. Equality, not "contains": "Caritas" must not release data to "Caritas Suchtberatung".
 */
export function consentNamesPartner(consent: Pick<Consent, 'agencies' | 'partnerIds'>, partner: Pick<Partner, 'id' | 'name'>): boolean {
  if ((JSON.parse(consent.partnerIds) as string[]).includes(partner.id)) return true;
  const agencies = JSON.parse(consent.agencies) as string[];
  return agencies.some((a) => normalise(a) === normalise(partner.name));
}

/** Whether the consent is in force today: given, not ended, not revoked (as access-policy.ts decides it). */
function inForce(c: Consent, today: string): boolean {
  return !c.revokedOn && c.validFrom <= today && (c.validUntil === null || c.validUntil >= today);
}

/**
 * Gathers the minutes of a conference for one recipient, a partner that took part: exactly what the consent the
 * conference relies on releases to that partner, and nothing the printing user may not read. Without a partner:
 * the keeping office's own file copy, everything the printing user may read. Only the keeping
 * office prints minutes. No consent, or one not naming the partner: no category, so no personal content.
 */
export async function gatherMinutesContent(ctx: ClientDataContext, conferenceId: string, partnerId: string | null): Promise<MinutesContent> {
  const { tx } = ctx;
  const [conference] = await loadConferences(tx, ctx.fields, { id: conferenceId });
  if (!conference) throw new AppError('record.notFound', { entity: 'conference' });
  const access = await accessTo(ctx, conference.clientId);
  if (!access.owner) throw new AccessDenied('scope', { entity: 'client', entityId: conference.clientId, fields: [`case-conference:${conferenceId}`] });
  const participants = conference.participants ?? [];
  const partner = partnerId === null ? null : await tx.findOneBy(PartnerEntity, { id: partnerId });
  if (partnerId !== null && (!partner || !participants.some((p) => p.partnerId === partnerId))) {
    throw new AppError('validation.invalid', { issues: [{ path: 'partnerId', code: 'not_participant' }] });
  }
  const consent = partner && conference.consentId ? await tx.findOneBy(ConsentEntity, { id: conference.consentId }) : null;
  // The file copy stays in the keeping office: everything the printing user may read. A partner: what the consent releases.
  const released = !partner
    ? new Set<DataCategory>(DATA_CATEGORIES)
    : consent && consent.clientId === conference.clientId && inForce(consent, berlinDate(ctx.now)) && consentNamesPartner(consent, partner)
      ? new Set(JSON.parse(consent.categories) as DataCategory[])
      : new Set<DataCategory>();
  const categories = DATA_CATEGORIES.filter((c) => released.has(c) && access.categories.has(c));
  const allowed = (area: LifeArea | null) => area === null || categories.includes(LIFE_AREA_DATA_CATEGORY[area]);
  const [client] = (await tx.query('SELECT given_names, family_name, office FROM client WHERE id = ?', [conference.clientId])) as {
    given_names: string;
    family_name: string;
    office: Office;
  }[];
  return {
    conferenceId,
    heldOn: conference.heldOn,
    heldAt: conference.heldAt,
    recipient: partner ? { partnerId: partner.id, name: partner.name } : null,
    office: client!.office,
    categories,
    clientName: categories.includes('master') && client ? `${client.given_names} ${client.family_name}` : null,
    clientPresent: conference.clientPresent,
    interpreterLanguage: conference.interpreter?.language ?? null,
    participants: participants.map((p) => ({ name: p.name, contactName: p.contactName, role: p.role })),
    situations: conference.situations.filter((s) => allowed(s.area)),
    results: categories.includes('conversation-notes') ? (conference.results ?? null) : null,
    actions: categories.length
      ? (conference.actions ?? []).filter((a) => allowed(a.area)).map((a) => ({ whoName: a.whoName, what: a.what, dueDate: a.dueDate, area: a.area, done: a.done }))
      : [],
    nextOn: conference.nextOn ?? null,
  };
}
