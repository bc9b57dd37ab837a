import { OFFICE_POSTAL, type Office } from '../../contract/offices';
import type { Consent } from './consent-entities';

/**
 * Who a consent names as recipients, each by name, as printed on forms: our offices (incl. the ABH) with their
 * municipality and unit, then external agencies as recorded. The one place that turns a consent's parties into
 * names, so partners from the directory can join the list here.
 */
export interface ConsentRecipient {
  kind: 'office' | 'agency';
  name: string;
  /** Office code for our own offices. */
  office?: Office;
}

export function consentRecipients(consent: Pick<Consent, 'office' | 'parties' | 'agencies'>): ConsentRecipient[] {
  const offices = (JSON.parse(consent.parties) as Office[])
    // The releasing office is not its own recipient.
    .filter((o) => o !== consent.office && o in OFFICE_POSTAL)
    .map((o): ConsentRecipient => ({ kind: 'office', office: o, name: `${OFFICE_POSTAL[o].name}, ${OFFICE_POSTAL[o].unit}` }));
  const agencies = (JSON.parse(consent.agencies) as string[]).map((name): ConsentRecipient => ({ kind: 'agency', name }));
  return [...offices, ...agencies];
}
