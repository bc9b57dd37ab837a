import type { ConferenceView } from '../../api/conference-types';
import { todayIso } from '../../format/partial-date';
import { germanFromIso } from '../DateField';

/** One participant row of the dialog (partner with optional contact, or our staff). */
export interface ParticipantRow {
  key: string;
  kind: 'partner' | 'staff';
  /** Partner id or account id. */
  refId: string;
  name: string;
  contactId: string;
  role: string;
}

/** A new agreed action; `who` is "staff:<account id>" or "partner:<partner id>". */
export interface ActionRow {
  key: string;
  who: string;
  what: string;
  due: string;
  goalId: string;
}

export interface ConferenceFormValues {
  heldOn: string;
  heldAt: string;
  clientPresent: boolean;
  interpreter: boolean;
  interpreterLanguage: string;
  interpreterName: string;
  consentId: string;
  participants: ParticipantRow[];
  situations: Record<string, string>;
  results: string;
  actions: ActionRow[];
  nextOn: string;
}

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
