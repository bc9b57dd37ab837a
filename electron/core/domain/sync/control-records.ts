import { z } from 'zod';
import { OFFICES } from '../../contract/offices';
import { DEVICE_ID_PATTERN } from '../../contract/schemas/network-schemas';

/**
 * Control records travel in the plaintext, signed header of a log file: membership and the audit anchor, read by
 * every member (also those the file's content is not addressed to). They name devices and hashes, never people.
 * A type this release does not know is skipped, so a later release can add kinds.
 */
const deviceId = z.string().regex(DEVICE_ID_PATTERN);
const key32 = z.string().refine((s) => Buffer.from(s, 'base64').length === 32);

export const enrollRecord = z.looseObject({
  type: z.literal('enroll'),
  device: deviceId,
  office: z.enum(OFFICES),
  signKey: key32,
  boxKey: key32,
  invitation: deviceId,
});
export const revokeRecord = z.looseObject({
  type: z.literal('revoke'),
  device: deviceId,
  /** The revoked device's office, so a member that has not seen its card yet can still list it as revoked. */
  office: z.enum(OFFICES),
  /** The revoked device's files up to this number stay applied (the revoker had read them); later ones never are. */
  afterSeq: z.number().int().min(0),
});
/** A signed checkpoint of this device's audit chain head: a later local rewrite no longer reaches it. */
export const auditCheckpointRecord = z.looseObject({
  type: z.literal('audit-checkpoint'),
  entryId: z.number().int().min(1),
  hash: z.string().min(1).max(200),
});

export type EnrollRecord = z.infer<typeof enrollRecord>;
export type RevokeRecord = z.infer<typeof revokeRecord>;
export type AuditCheckpointRecord = z.infer<typeof auditCheckpointRecord>;
export type ControlRecord = EnrollRecord | RevokeRecord | AuditCheckpointRecord;

/** The records of a file that this release understands; malformed known types count as a bad file. */
export function parseControl(items: unknown[]): ControlRecord[] | null {
  const out: ControlRecord[] = [];
  for (const item of items) {
    const type = (item as { type?: unknown } | null)?.type;
    const schema = type === 'enroll' ? enrollRecord : type === 'revoke' ? revokeRecord : type === 'audit-checkpoint' ? auditCheckpointRecord : null;
    if (!schema) continue;
    const parsed = schema.safeParse(item);
    if (!parsed.success) return null;
    out.push(parsed.data as ControlRecord);
  }
  return out;
}
