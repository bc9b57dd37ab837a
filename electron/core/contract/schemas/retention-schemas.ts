import { z } from 'zod';
import { DELETION_GROUNDS } from '../retention-domain';
import { passphraseSchema } from './common-schemas';

/** Input schemas of retention, deletion and restriction (pure zod, shared with the renderer's forms). */

export const retentionFilesInput = z.strictObject({
  /** Part of a name; empty lists the files due. */
  query: z.string().trim().max(100).default(''),
  dueOnly: z.boolean().default(true),
});

export const deletionRequestInput = z
  .strictObject({
    clientId: z.uuid(),
    ground: z.enum(DELETION_GROUNDS),
    /** Required when the person asked (what they asked and when); optional for an ended retention period. */
    reason: z.string().trim().max(1000).default(''),
  })
  .refine((i) => i.ground !== 'subject' || i.reason.length >= 5, { path: ['reason'], message: 'reason required' });

export const deletionIdInput = z.strictObject({ id: z.uuid() });

/** The second person's approval: their own passphrase, checked by the core (never stored). */
export const deletionApproveInput = z.strictObject({ id: z.uuid(), passphrase: passphraseSchema });

/**
 * The archive package: encrypted under a passphrase the archivist receives by a separate way (scrypt, AES-256-GCM).
 * At least 16 characters: the package leaves the vault.
 */
export const archiveExportInput = z.strictObject({ id: z.uuid(), packagePassphrase: z.string().min(16).max(200) });

export const restrictionSetInput = z.strictObject({ clientId: z.uuid(), reason: z.string().trim().min(5).max(500) });
export const restrictionLiftInput = z.strictObject({ clientId: z.uuid() });
