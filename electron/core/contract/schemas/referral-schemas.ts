import { z } from 'zod';
import { DATA_CATEGORIES } from '../data-categories';
import { DECLINED_BY, REFERRAL_FAILURE_REASONS, REFERRAL_RESULTS, REFERRAL_URGENCIES } from '../referral-domain';
import { isoDateSchema } from './client-schemas';
import { passphraseSchema } from './common-schemas';

/** Input schemas of referrals (pure zod, shared with the renderer's forms). */

const text = (max: number) => z.string().trim().max(max);
const version = z.int().min(1);
/** The title of the Wiedervorlage a feedback deadline creates; the UI words it (German) and sends it along. */
const followUpTitle = text(200).min(3).nullable().default(null);

const draftFields = {
  partnerId: z.uuid(),
  contactId: z.uuid().nullable().default(null),
  /** What is asked of the partner (free text of the keeping office). */
  request: text(2000).min(3),
  urgency: z.enum(REFERRAL_URGENCIES).default('normal'),
  categories: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
  feedbackDue: isoDateSchema.nullable().default(null),
};

export const referralCreateInput = z.strictObject({ caseId: z.uuid(), ...draftFields });

/** Changes a draft (only drafts are edited; a sent referral changes only by feedback). */
export const referralUpdateInput = z.strictObject({ id: z.uuid(), version, ...draftFields });

export const referralListInput = z.strictObject({ caseId: z.uuid() });

/** Prints the Überleitungsbogen of a sent (or later) referral. */
export const referralPrintInput = z.strictObject({ id: z.uuid() });

export const referralSendInput = z.strictObject({
  id: z.uuid(),
  version,
  /** The day it left (printed or sent); today when omitted. */
  sentOn: isoDateSchema.nullable().default(null),
  followUpTitle,
});

const feedbackBase = { id: z.uuid(), version, on: isoDateSchema.nullable().default(null) };

/** The answer that came back: accepted, declined (why, and by whom), or done with its result. */
export const referralFeedbackInput = z.discriminatedUnion('state', [
  z.strictObject({ ...feedbackBase, state: z.literal('accepted') }),
  z.strictObject({ ...feedbackBase, state: z.literal('declined'), declinedBy: z.enum(DECLINED_BY), reason: text(1000).min(3) }),
  z
    .strictObject({
      ...feedbackBase,
      state: z.literal('done'),
      result: z.enum(REFERRAL_RESULTS),
      failureReason: z.enum(REFERRAL_FAILURE_REASONS).nullable().default(null),
      note: text(1000).nullable().default(null),
    })
    .refine((d) => d.result === 'successful' || d.failureReason !== null, { path: ['failureReason'], message: 'required' })
    .refine((d) => d.failureReason !== 'other' || (d.note ?? '').length >= 3, { path: ['note'], message: 'required' }),
]);

/** Reopens a declined or done referral with a note; a new deadline makes a new Wiedervorlage. */
export const referralReopenInput = z
  .strictObject({ id: z.uuid(), version, note: text(1000).min(3), feedbackDue: isoDateSchema.nullable().default(null), followUpTitle })
  .refine((r) => !r.feedbackDue || r.followUpTitle !== null, { path: ['followUpTitle'], message: 'required' });

/** Deleting needs a reason and the caller's passphrase (re-authentication). */
export const referralDeleteInput = z.strictObject({ id: z.uuid(), reason: text(500).min(3), passphrase: passphraseSchema });

export const referralHoldersInput = z.strictObject({ clientId: z.uuid() });
