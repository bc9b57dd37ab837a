import type { LifeArea } from '../case-domain';

/** Who took part in a case conference: a partner of the directory (optionally one of its contacts) or our staff. */
export interface ConferenceParticipantView {
  id: string;
  kind: 'partner' | 'staff';
  partnerId: string | null;
  contactId: string | null;
  accountId: string | null;
  /** The partner's or the staff member's name. */
  name: string;
  contactName: string | null;
  /** Their role in this conference (e.g. "Fallverantwortung Jobcenter"). */
  role: string | null;
}

/**
 * An agreed action (who, what, by when). It lives on as a measure of the case (when a goal was chosen) or as a
 * Wiedervorlage; that measure or follow-up is the source of truth for `done`.
 */
export interface ConferenceActionView {
  id: string;
  whoKind: 'staff' | 'partner';
  accountId: string | null;
  partnerId: string | null;
  whoName: string;
  what: string;
  dueDate: string;
  /** The life area of the chosen goal; null for an action that became a Wiedervorlage. */
  area: LifeArea | null;
  goalId: string | null;
  measureId: string | null;
  followUpId: string | null;
  /** Our staff member who sees the action in "Meine Arbeit". */
  responsibleId: string;
  responsibleName: string;
  done: boolean;
}

export interface ConferenceView {
  id: string;
  caseId: string;
  clientId: string;
  heldOn: string;
  /** HH:MM, or null when only the day was recorded. */
  heldAt: string | null;
  clientPresent: boolean;
  /** Absent outside the keeping office (see response-fields.ts). */
  participants?: ConferenceParticipantView[];
  interpreter?: { language: string; name: string | null } | null;
  consentId?: string | null;
  /** Only the life areas whose category the caller sees. */
  situations: { area: LifeArea; text: string }[];
  /** Needs the keeping office and "conversation-notes". */
  results?: string | null;
  actions?: ConferenceActionView[];
  nextOn?: string | null;
  nextFollowUpId?: string | null;
  createdByName?: string;
  createdAt: string;
  version: number;
}

/** An agreed action due for the user (work overview). */
export interface ConferenceActionDue {
  id: string;
  conferenceId: string;
  caseId: string;
  clientId: string;
  clientName: string;
  heldOn: string;
  what: string;
  dueDate: string;
  area: LifeArea | null;
}
