/** The values of the conference dialog (kept apart so the draft code needs no React). */

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
