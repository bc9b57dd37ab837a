import type { DataCategory } from './data-categories';

/** Referrals (Vermittlung / Überleitung) from a case to a partner of the directory: vocabularies and the state machine. */

export const REFERRAL_STATES = ['draft', 'sent', 'accepted', 'declined', 'done'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_URGENCIES = ['normal', 'soon', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** Who declined a referral: the client, or the partner (provider). */
export const DECLINED_BY = ['client', 'provider'] as const;
export type DeclinedBy = (typeof DECLINED_BY)[number];

export const REFERRAL_RESULTS = ['successful', 'unsuccessful'] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];

/** Why a referral ended without success. */
export const REFERRAL_FAILURE_REASONS = [
  'client-refused',
  'no-capacity',
  'no-longer-needed',
  'client-unreachable',
  'partner-unreachable',
  'other',
] as const;
export type ReferralFailureReason = (typeof REFERRAL_FAILURE_REASONS)[number];

/** The feedback a partner (or the client) gives on a sent referral. */
export type ReferralFeedbackState = 'accepted' | 'declined' | 'done';

/**
 * Where each state may go by feedback: sent → accepted | declined | done (ended before an answer, e.g. no longer
 * needed), accepted → done. Declined and done end the referral until it is reopened (reopenTarget).
 */
const FEEDBACK_TRANSITIONS: Record<ReferralState, readonly ReferralFeedbackState[]> = {
  draft: [],
  sent: ['accepted', 'declined', 'done'],
  accepted: ['done'],
  declined: [],
  done: [],
};

export function feedbackAllowed(from: ReferralState, to: ReferralFeedbackState): boolean {
  return FEEDBACK_TRANSITIONS[from].includes(to);
}

/**
 * Where a reopened referral goes back to: a declined one waits for an answer again (sent); a done one continues
 * where it was (accepted if the partner had accepted it, else sent). Null: the state cannot be reopened.
 */
export function reopenTarget(from: ReferralState, wasAccepted: boolean): ReferralState | null {
  if (from === 'declined') return 'sent';
  if (from === 'done') return wasAccepted ? 'accepted' : 'sent';
  return null;
}

/** States in which the partner's answer is still awaited (the feedback deadline runs). */
export const AWAITING_FEEDBACK: readonly ReferralState[] = ['sent'];

/**
 * The consent check of a send, as the UI shows it: `noConsent` no active consent names the partner at all
 * (`inactive` lists the states of those that name it but are not in force: revoked, expired, pending);
 * `categories` active consents name the partner, but not for the `missing` categories.
 */
export interface ConsentGap {
  reason: 'noConsent' | 'categories';
  missing: DataCategory[];
  inactive: ('revoked' | 'expired' | 'pending')[];
}
