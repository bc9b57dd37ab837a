import type { GoalStatus, LifeArea, NeedLevel } from '../case-domain';
import type { DataCategory } from '../data-categories';
import type { Office } from '../offices';
import type { DeclinedBy, ReferralFailureReason, ReferralResult, ReferralState, ReferralUrgency } from '../referral-domain';

/** One step of a referral's history (sent, accepted, declined, done, reopened), with the note a reopening needs. */
export interface ReferralEventView {
  state: ReferralState | 'reopened';
  on: string;
  byName: string;
  note: string | null;
}

/**
 * A referral of a case as the caller may see it (response-fields.ts): that it exists, to whom, in which state and
 * with which categories is visible to whoever sees every one of its categories; what was asked, why it was declined
 * or ended, and its history are the keeping office's working record.
 */
export interface ReferralView {
  id: string;
  version: number;
  caseId: string;
  clientId: string;
  partnerId: string;
  partnerName: string;
  contactId: string | null;
  contactName: string | null;
  urgency: ReferralUrgency;
  categories: DataCategory[];
  state: ReferralState;
  feedbackDue: string | null;
  /** Awaiting the answer past the deadline. */
  overdue: boolean;
  sentOn: string | null;
  /** The consents the sending relied on (those in force that name the partner for a sent category). */
  consentIds: string[];
  createdAt: string;
  details: {
    request: string;
    declinedBy: DeclinedBy | null;
    declineReason: string | null;
    result: ReferralResult | null;
    failureReason: ReferralFailureReason | null;
    outcomeNote: string | null;
    followUpId: string | null;
    createdByName: string;
    history: ReferralEventView[];
  };
}

/** An overdue feedback of a referral the caller waits for ("Meine Arbeit"). */
export interface OverdueReferralView {
  id: string;
  caseId: string;
  clientId: string;
  clientName: string;
  partnerName: string;
  sentOn: string | null;
  feedbackDue: string;
}

/** Which partner holds (or may receive) which data of the person, and why: consents naming it, referrals sent to it. */
export interface DataHolderView {
  partnerId: string;
  partnerName: string;
  categories: DataCategory[];
  /** `minutes`: conference minutes printed for the partner (id: the conference). */
  sources: { kind: 'consent' | 'referral' | 'minutes'; id: string; on: string; categories: DataCategory[]; active: boolean }[];
}

/** What the Überleitungsbogen of a referral may print: only the categories sent, each with the file's data of it. */
/** One category's content on the Überleitungsbogen: fields of the file (codes, worded by the sheet) and case work. */
export interface ReferralPrintSection {
  /** Field key (labelled by the sheet's template) → value worded in German; null: not recorded. */
  fields: Record<string, string | null>;
  assessment: { area: LifeArea; need: NeedLevel; note: string | null }[];
  goals: { area: LifeArea; title: string; status: GoalStatus }[];
  /** Only with "conversation-notes": the notes the office shares ("intern" ones never leave it). */
  notes: { occurredOn: string; text: string }[];
}

export interface ReferralPrintData {
  referralId: string;
  state: ReferralState;
  office: Office;
  partner: { name: string; street: string | null; postalCode: string | null; city: string | null };
  contact: { name: string; role: string | null; phone: string | null; email: string | null } | null;
  /** Kept for the seam's first callers: the partner's and the contact person's names. */
  partnerName: string;
  contactName: string | null;
  request: string;
  urgency: ReferralUrgency;
  sentOn: string | null;
  feedbackDue: string | null;
  /** The consents in force this print relies on (those naming the partner for a printed category). */
  consents: { id: string; validFrom: string; validUntil: string | null }[];
  categories: DataCategory[];
  /** Null unless "master" is printed: without it the sheet does not name the person. */
  client: { familyName: string; givenNames: string; birthDate: string | null } | null;
  /** Per printed category its content; categories not printed are absent. */
  sections: Partial<Record<DataCategory, ReferralPrintSection>>;
}
