import type { EntityManager } from 'typeorm';
import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { Consent } from './consent-entities';

/**
 * Who a consent names as recipients, each by name, as printed on forms: our offices (incl. the ABH) with their
 * municipality and unit, the partners of the directory it names with their address, then external agencies as
 * recorded on older consents. The one place that turns a consent's parties into names.
 */
export interface ConsentRecipient {
  kind: 'office' | 'partner' | 'agency';
  name: string;
  /** Office code for our own offices. */
  office?: Office;
}

/** A directory partner a consent names, as the form prints it. */
export interface NamedPartner {
  id: string;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

/**
 * The directory partners a consent names, in the order it names them. Read by SQL: the directory's area sits
 * above consents. A partner missing here (not yet synced) is left out rather than printed without a name.
 */
export async function namedPartners(m: EntityManager, consent: Pick<Consent, 'partnerIds'>): Promise<NamedPartner[]> {
  const ids = JSON.parse(consent.partnerIds) as string[];
  if (!ids.length) return [];
  const rows = (await m.query(`SELECT id, name, street, postal_code AS postalCode, city FROM partner WHERE id IN (${ids.map(() => '?').join(',')})`, ids)) as NamedPartner[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((p): p is NamedPartner => p !== undefined);
}

export function consentRecipients(consent: Pick<Consent, 'office' | 'parties' | 'agencies'>, partners: readonly NamedPartner[] = []): ConsentRecipient[] {
  const offices = (JSON.parse(consent.parties) as Office[])
    // The releasing office is not its own recipient.
    .filter((o) => o !== consent.office && o in OFFICE_POSTAL)
    .map((o): ConsentRecipient => ({ kind: 'office', office: o, name: `${OFFICE_POSTAL[o].name}, ${OFFICE_POSTAL[o].unit}` }));
  const agencies = (JSON.parse(consent.agencies) as string[]).map((name): ConsentRecipient => ({ kind: 'agency', name }));
  const named = partners.map((p): ConsentRecipient => {
    const place = [p.street, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return { kind: 'partner', name: place ? `${p.name}, ${place}` : p.name };
  });
  return [...offices, ...named, ...agencies];
}
