import { z } from 'zod';
import { HANDOVER_OFFICES, HANDOVER_REASONS } from '../handover-domain';
import { passphraseSchema } from './common-schemas';

/** Input schemas of file hand-overs between our offices (pure zod, shared with the renderer's forms). */

/** What a hand-over of this file would need: the offices that can receive it and the consents that allow it. */
export const handoverPrepareInput = z.strictObject({ clientId: z.uuid() });

/** Hands the file over; irreversible from this office's side, so confirmed with the passphrase. */
export const handoverSendInput = z.strictObject({
  clientId: z.uuid(),
  toOffice: z.enum(HANDOVER_OFFICES),
  consentId: z.uuid(),
  reason: z.enum(HANDOVER_REASONS),
  passphrase: passphraseSchema,
});

/** The receiving office takes the file over: its open cases and Wiedervorlagen go to the chosen case manager. */
export const handoverAcceptInput = z.strictObject({ id: z.uuid(), caseManagerId: z.uuid() });
