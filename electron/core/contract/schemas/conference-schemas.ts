import { z } from 'zod';
import { LIFE_AREAS } from '../case-domain';

/** Input schemas of case conferences (pure zod, shared with the renderer's dialog). */

const id = z.uuid();
const text = (max: number) => z.string().trim().max(max);
/** Optional free text: missing, null or blank all mean "none" (stored as null). */
const optionalText = (max: number) => text(max).nullable().optional().transform((v) => (v ? v : null));
const isoDate = z.iso.date();

export const conferenceParticipantInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('partner'), partnerId: id, contactId: id.nullable().default(null), role: optionalText(160) }),
  z.strictObject({ kind: z.literal('staff'), accountId: id, role: optionalText(160) }),
]);

/** Who does it: one of our staff, or a partner taking part in the conference. */
export const conferenceActionWho = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff'), accountId: id }),
  z.strictObject({ kind: z.literal('partner'), partnerId: id }),
]);

/** A new agreed action; it becomes a measure under `goalId`, or a Wiedervorlage without one. */
export const conferenceActionInput = z.strictObject({
  who: conferenceActionWho,
  what: text(300).min(1),
  dueDate: isoDate,
  goalId: id.nullable().default(null),
});

export const conferenceSaveInput = z
  .strictObject({
    /** Absent for a new conference. */
    id: id.optional(),
    /** The version the editor started from (for an existing conference). */
    version: z.int().min(1).optional(),
    caseId: id,
    heldOn: isoDate,
    heldAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().default(null),
    participants: z.array(conferenceParticipantInput).max(30).default([]),
    clientPresent: z.boolean(),
    interpreter: z.strictObject({ language: z.string().regex(/^[a-z]{2,3}$/), name: optionalText(120) }).nullable().default(null),
    consentId: id.nullable().default(null),
    /** The situation per life area; on an edit, areas the caller may not see stay as they are. */
    situations: z.array(z.strictObject({ area: z.enum(LIFE_AREAS), text: text(4000).min(1) })).max(LIFE_AREAS.length).default([]),
    results: optionalText(20_000),
    /** New actions only: actions already agreed are tracked through conferenceActions.setDone. */
    actions: z.array(conferenceActionInput).max(50).default([]),
    nextOn: isoDate.nullable().default(null),
    /** The title of the Wiedervorlage for the next date, in the user's language (the dialog sends it). */
    nextTitle: text(300).min(1).default('Fallkonferenz'),
    /** The user saw the warning that the case already has a conference that day and wants this one as well. */
    confirmSameDay: z.boolean().default(false),
  })
  .refine((c) => !c.id || c.version !== undefined, { path: ['version'], message: 'required' })
  .refine((c) => new Set(c.situations.map((s) => s.area)).size === c.situations.length, { path: ['situations'], message: 'duplicate_area' })
  .refine((c) => !c.nextOn || c.nextOn >= c.heldOn, { path: ['nextOn'], message: 'before_conference' });

export const conferenceListInput = z.strictObject({ caseId: id });

/** Prints the minutes for one partner that took part, or (partnerId null) the full minutes for our own file. */
export const conferencePrintInput = z.strictObject({ conferenceId: id, partnerId: id.nullable().default(null) });

export const conferenceActionDoneInput = z.strictObject({ id, done: z.boolean() });
