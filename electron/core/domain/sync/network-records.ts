import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { OFFICES } from '../../contract/offices';
import { DEVICE_ID_PATTERN } from '../../contract/schemas/network-schemas';
import { fingerprint } from '../../platform/sync/device-keys';

/**
 * The signed plaintext records of the network: the network record (founder), device cards and invitations. They
 * name devices, offices and public keys only; the share never sees who works with whom.
 */
export const NETWORK_RECORD = 'network';
export const CARD_RECORD = 'device-card';
export const INVITATION_RECORD = 'invitation';

const deviceId = z.string().regex(DEVICE_ID_PATTERN);
const key32 = z.string().refine((s) => Buffer.from(s, 'base64').length === 32 && Buffer.from(s, 'base64').toString('base64') === s);
const isoTime = z.string().datetime();

export const networkRecordSchema = z.looseObject({
  network: deviceId,
  founder: deviceId,
  founderSignKey: key32,
  createdAt: isoTime,
});
export type NetworkRecord = z.infer<typeof networkRecordSchema>;

/** How a device came into the network; later releases may add kinds, which older ones leave pending. */
const enrollmentSchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('founder') }),
  z.looseObject({ kind: z.literal('invitation'), invitation: deviceId, inviter: deviceId, proof: z.string().max(100) }),
  z.looseObject({ kind: z.literal('successor'), predecessor: deviceId, proof: z.string().max(200) }),
]);

export const cardSchema = z.looseObject({
  network: deviceId,
  device: deviceId,
  office: z.enum(OFFICES),
  signKey: key32,
  boxKey: key32,
  createdAt: isoTime,
  enrollment: enrollmentSchema,
});
export type DeviceCard = z.infer<typeof cardSchema>;

export const invitationSchema = z.looseObject({
  network: deviceId,
  networkFingerprint: z.string().max(40),
  founder: z.looseObject({ device: deviceId, office: z.enum(OFFICES), signKey: key32, boxKey: key32 }),
  inviter: deviceId,
  inviterSignKey: key32,
  id: deviceId,
  office: z.enum(OFFICES),
  expiresAt: isoTime,
  verifier: z.string().length(64),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** The network's fingerprint: its id and the founder's signing key, shown on every member and at joining. */
export function networkFingerprint(network: string, founderSignKey: Buffer): string {
  return fingerprint(Buffer.from(`kim-akte network ${network}`, 'utf8'), founderSignKey);
}

/** A device's fingerprint over its public keys, compared by IT when a workstation joins. */
export function deviceFingerprint(network: string, signKey: Buffer, boxKey: Buffer): string {
  return fingerprint(Buffer.from(`kim-akte device ${network}`, 'utf8'), signKey, boxKey);
}

/** What a joining device proves it knows the invitation code for: its identity, keys and the invitation. */
function joinStatement(card: Pick<DeviceCard, 'network' | 'device' | 'office' | 'signKey' | 'boxKey'>, invitation: string): string {
  return `kim-akte join v1\n${card.network}\n${card.device}\n${card.office}\n${card.signKey}\n${card.boxKey}\n${invitation}`;
}

export function joinProof(code: Buffer, card: Pick<DeviceCard, 'network' | 'device' | 'office' | 'signKey' | 'boxKey'>, invitation: string): string {
  return createHmac('sha256', code).update(joinStatement(card, invitation)).digest('base64');
}

export function joinProofValid(code: Buffer, card: DeviceCard): boolean {
  if (card.enrollment.kind !== 'invitation') return false;
  const expected = Buffer.from(joinProof(code, card, card.enrollment.invitation), 'base64');
  const given = Buffer.from(card.enrollment.proof, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Published in the invitation so the joining side can check a typed code at once; the code has 80 random bits. */
export function codeVerifier(invitation: string, code: Buffer): string {
  return createHash('sha256').update(`kim-akte invitation v1\n${invitation}\n`).update(code).digest('hex');
}

/** What a predecessor signs to hand its membership to the identity that replaces it (restored from a backup). */
export function successorStatement(card: Pick<DeviceCard, 'network' | 'device' | 'office' | 'signKey' | 'boxKey'>, predecessor: string): Buffer {
  return Buffer.from(`kim-akte successor v1\n${card.network}\n${predecessor}\n${card.device}\n${card.office}\n${card.signKey}\n${card.boxKey}`, 'utf8');
}
