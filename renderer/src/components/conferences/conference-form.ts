import type { ConferenceView } from '../../api/conference-types';
import { todayIso } from '../../format/partial-date';
import { germanFromIso } from '../DateField';
import type { ConferenceFormValues } from './conference-values';

let counter = 0;
/** Keys for rows the user adds (React lists need stable keys before anything is saved). */
export const rowKey = () => `row-${++counter}`;

/** The dialog's starting values: empty for a new conference, the conference's own for an edit. */
export function initialValues(c: ConferenceView | null): ConferenceFormValues {
  return {
    heldOn: germanFromIso(c?.heldOn ?? todayIso()),
    heldAt: c?.heldAt ?? '',
    clientPresent: c?.clientPresent ?? true,
    interpreter: Boolean(c?.interpreter),
    interpreterLanguage: c?.interpreter?.language ?? '',
    interpreterName: c?.interpreter?.name ?? '',
    consentId: c?.consentId ?? '',
    participants: (c?.participants ?? []).map((p) => ({
      key: p.id,
      kind: p.kind,
      refId: (p.kind === 'partner' ? p.partnerId : p.accountId) ?? '',
      name: p.name,
      contactId: p.contactId ?? '',
      role: p.role ?? '',
    })),
    situations: Object.fromEntries((c?.situations ?? []).map((s) => [s.area, s.text])),
    results: c?.results ?? '',
    actions: [],
    nextOn: c?.nextOn ? germanFromIso(c.nextOn) : '',
  };
}
