import { z } from 'zod';
import { ED25519_SIGNATURE_BYTES, signBytes, verifyBytes } from './device-keys';
import { decodeBase64, decodeUtf8 } from './wire-base64';
import { WireError } from './wire-error';

/**
 * Small signed plaintext records on the share (device cards, the network genesis). The body travels as base64 of
 * the exact JSON bytes that were signed, so readers verify bytes, never a re-serialisation: no canonical JSON
 * needed. The signature also covers a fixed label and the kind, so a record of one kind never passes as another.
 */
export const RECORD_FORMAT = 'kim-akte-signed-record';
export const RECORD_MAX_BYTES = 64 * 1024;

export interface SignedRecord {
  body: Buffer;
  payload: unknown;
  sig: Buffer;
}

const envelopeSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  v: z.literal(1),
  kind: z.string(),
  body: z.string(),
  sig: z.string(),
});

function signedMessage(kind: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`kim-akte record v1\n${kind}\n`, 'utf8'), body]);
}

/** Serialises `payload` as a record of `kind`, signed with the device's Ed25519 seed. */
export function signRecord(kind: string, payload: object, signPrivate: Buffer): string {
  if (kind.includes('\n')) throw new Error('A record kind must not contain a newline');
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const sig = signBytes(signPrivate, signedMessage(kind, body));
  return JSON.stringify({ format: RECORD_FORMAT, v: 1, kind, body: body.toString('base64'), sig: sig.toString('base64') });
}

/** Parses a record of `kind` without verifying it (the payload names the key); throws WireError when malformed. */
export function readRecord(text: string, kind: string, maxBytes = RECORD_MAX_BYTES): SignedRecord {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new WireError('tooLarge', `Record exceeds ${maxBytes} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WireError('malformed', 'Record is not JSON');
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== 1) {
    throw new WireError('unsupportedVersion', 'Record version is not supported');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw new WireError('malformed', 'Record envelope is malformed');
  if (parsed.data.kind !== kind) throw new WireError('malformed', `Record is not of kind ${kind}`);
  const body = decodeBase64(parsed.data.body, 'Record body');
  const sig = decodeBase64(parsed.data.sig, 'Record signature', ED25519_SIGNATURE_BYTES);
  let payload: unknown;
  try {
    payload = JSON.parse(decodeUtf8(body, 'Record body'));
  } catch (error) {
    if (error instanceof WireError) throw error;
    throw new WireError('malformed', 'Record body is not JSON');
  }
  return { body, payload, sig };
}

/** True when `rec` was signed as a record of `kind` by the holder of `signPublic`. */
export function verifyRecord(rec: SignedRecord, kind: string, signPublic: Buffer): boolean {
  return verifyBytes(signPublic, signedMessage(kind, rec.body), rec.sig);
}
