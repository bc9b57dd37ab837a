import { z } from 'zod';
import { officeSchema } from './common-schemas';

/** Inputs of the network of trusted workstations and of sync (issue 9). Pure zod, shared with the renderer. */

/** A folder path as IT types it: a mapped drive, a UNC path (\\server\share\kim) or a Linux mount point. */
export const sharePathSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0'));

/** The invitation code IT reads out or hands over: 16 base32 characters, dashes and spaces ignored. */
export const invitationCodeSchema = z
  .string()
  .max(64)
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{16}$/));

export const DEVICE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN);

/** The largest invitation file accepted (it holds a few public keys and ids). */
export const INVITATION_MAX_CHARS = 16_384;

export const networkCreateInput = z.strictObject({ share: sharePathSchema });
export const networkInviteInput = z.strictObject({ office: officeSchema });
export const networkJoinInput = z.strictObject({
  share: sharePathSchema,
  invitation: z.string().min(1).max(INVITATION_MAX_CHARS),
  code: invitationCodeSchema,
});
export const networkRevokeInput = z.strictObject({ deviceId: deviceIdSchema });

/** The open sync conflicts of one client file, or of every file the caller keeps. */
export const conflictsListInput = z.strictObject({ clientId: z.uuid().optional() });

/** Settles a conflict by keeping one of the two values: the value in force (confirm) or the other one (correct). */
export const conflictResolveInput = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  keep: z.enum(['winner', 'other']),
});
