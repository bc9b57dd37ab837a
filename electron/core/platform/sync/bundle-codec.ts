import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { open, seal } from '../vault/sealed-box';
import { ED25519_SIGNATURE_BYTES, signBytes, verifyBytes } from './device-keys';
import { decodeBase64, decodeUtf8 } from './wire-base64';
import { WireError } from './wire-error';

/**
 * Bundles: the numbered, append-only files one device writes to the shared folder, each carrying plaintext control
 * records and an encrypted payload for a set of recipient devices.
 *
 *   "KIMSYNC\0" | u32 BE header length | header JSON (UTF-8) | body | Ed25519 signature (64 bytes)
 *
 * Binding of header and body, in two independent layers:
 * - The body is deflate-raw(payload) under AES-256-GCM with a fresh random content key and the header's `iv`; the
 *   16-byte GCM tag is appended to the ciphertext (body = ciphertext || tag) so the header need not contain it, and
 *   the associated data is the whole prefix (magic, length and exact header bytes). Any change to the header —
 *   sequence, chain link, control records, another recipient's box — therefore fails decryption for every
 *   recipient, even before the signature is looked at, and a body cannot be moved under another header.
 * - The signature covers every byte before it, so it also authenticates the author and the plaintext control
 *   records, which non-recipients read. Readers verify it with the device key from the device's signed card.
 * The content key is sealed per recipient (sealed-box.ts) with a purpose naming network, author, sequence number
 * and recipient, so a box is only good for this one slot. A bundle without recipients has an empty body and
 * `iv: null` (control records only). Readers ignore header keys they do not know, so later releases may add some;
 * a different `v` means a format this release cannot read.
 */

export const BUNDLE_MAGIC = Buffer.from('KIMSYNC\0', 'latin1');
export const MAX_HEADER_BYTES = 1024 * 1024;
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const MAX_PLAIN_BYTES = 256 * 1024 * 1024;
export const MAX_RECIPIENTS = 512;
/** The largest file a reader needs to load (for readShareFile's limit). */
export const MAX_BUNDLE_BYTES = BUNDLE_MAGIC.length + 4 + MAX_HEADER_BYTES + MAX_BODY_BYTES + ED25519_SIGNATURE_BYTES;

export interface BundleLimits {
  headerBytes: number;
  bodyBytes: number;
  plainBytes: number;
  recipients: number;
}

export const BUNDLE_LIMITS: Readonly<BundleLimits> = {
  headerBytes: MAX_HEADER_BYTES,
  bodyBytes: MAX_BODY_BYTES,
  plainBytes: MAX_PLAIN_BYTES,
  recipients: MAX_RECIPIENTS,
};

export interface BundleHeader {
  v: 1;
  network: string;
  device: string;
  seq: number;
  /** Hex SHA-256 of the previous bundle's full bytes; null only for seq 1. */
  prev: string | null;
  hlc: string;
  /** Plaintext, caller-defined JSON: never personal data. */
  control: unknown[];
  recipients: { device: string; box: string }[];
  /** Base64 GCM nonce (12 bytes); null when there are no recipients and so no body. */
  iv: string | null;
  /** Payload length before deflate; 0 without recipients. */
  plainBytes: number;
}

export interface BundleInput {
  network: string;
  device: string;
  seq: number;
  prev: string | null;
  hlc: string;
  control: unknown[];
  recipients: { device: string; boxPublic: Buffer }[];
  payload: Buffer;
}

const LENGTH_BYTES = 4;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX_FIXED = BUNDLE_MAGIC.length + LENGTH_BYTES;

// Printable ASCII without spaces: ids appear in file names and in the space-separated box purpose.
const id = z.string().regex(/^[\x21-\x7e]{1,128}$/);

const headerSchema: z.ZodType<BundleHeader> = z.object({
  v: z.literal(1),
  network: id,
  device: id,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  prev: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  hlc: z.string().min(1).max(64),
  control: z.array(z.unknown()),
  recipients: z.array(z.object({ device: id, box: z.string() })),
  iv: z.string().nullable(),
  plainBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

interface ParsedBundle {
  header: BundleHeader;
  /** Magic, length and header: the GCM associated data. */
  prefix: Buffer;
  body: Buffer;
  signed: Buffer;
  signature: Buffer;
}

function boxPurpose(network: string, device: string, seq: number, recipient: string): string {
  return `kim-akte bundle v1 ${network} ${device} ${seq} -> ${recipient}`;
}

function parseBundle(bytes: Buffer, limits: BundleLimits): ParsedBundle {
  if (bytes.length < PREFIX_FIXED + ED25519_SIGNATURE_BYTES) throw new WireError('malformed', 'Bundle is truncated');
  if (!bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)) throw new WireError('malformed', 'Not a bundle');
  const headerLength = bytes.readUInt32BE(BUNDLE_MAGIC.length);
  if (headerLength > limits.headerBytes) throw new WireError('tooLarge', 'Bundle header exceeds its limit');
  const prefixLength = PREFIX_FIXED + headerLength;
  const signedLength = bytes.length - ED25519_SIGNATURE_BYTES;
  if (prefixLength > signedLength) throw new WireError('malformed', 'Bundle is truncated');
  if (signedLength - prefixLength > limits.bodyBytes) throw new WireError('tooLarge', 'Bundle body exceeds its limit');

  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes.subarray(PREFIX_FIXED, prefixLength), 'Bundle header'));
  } catch (error) {
    if (error instanceof WireError) throw error;
    throw new WireError('malformed', 'Bundle header is not JSON');
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== 1) {
    throw new WireError('unsupportedVersion', 'Bundle format version is not supported');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new WireError('malformed', 'Bundle header is malformed');
  const header = parsed.data;
  const body = bytes.subarray(prefixLength, signedLength);

  if (header.recipients.length > limits.recipients) throw new WireError('tooLarge', 'Bundle has too many recipients');
  if (header.plainBytes > limits.plainBytes) throw new WireError('tooLarge', 'Bundle payload exceeds its limit');
  if ((header.seq === 1) !== (header.prev === null)) {
    throw new WireError('malformed', 'Bundle chain link must be null exactly for sequence number 1');
  }
  if (new Set(header.recipients.map((r) => r.device)).size !== header.recipients.length) {
    throw new WireError('malformed', 'Bundle names a recipient twice');
  }
  for (const r of header.recipients) decodeBase64(r.box, 'Recipient box');
  if (header.recipients.length === 0) {
    if (header.iv !== null || header.plainBytes !== 0 || body.length !== 0) {
      throw new WireError('malformed', 'Bundle without recipients must have no body');
    }
  } else {
    if (header.iv === null) throw new WireError('malformed', 'Bundle with recipients needs an iv');
    decodeBase64(header.iv, 'Bundle iv', IV_BYTES);
    if (body.length < TAG_BYTES) throw new WireError('malformed', 'Bundle body is truncated');
  }
  return {
    header,
    prefix: bytes.subarray(0, prefixLength),
    body,
    signed: bytes.subarray(0, signedLength),
    signature: bytes.subarray(signedLength),
  };
}

/**
 * Builds and signs a bundle; the payload is readable only by `recipients`. Runs the reader's checks on the result,
 * so a device never publishes a bundle the others would refuse (throws WireError instead).
 */
export function encodeBundle(input: BundleInput, signPrivate: Buffer): Buffer {
  const { network, device, seq, recipients, payload } = input;
  if (recipients.length === 0 && payload.length > 0) {
    throw new Error('A bundle without recipients cannot carry a payload');
  }
  if (recipients.length > MAX_RECIPIENTS) throw new WireError('tooLarge', 'Bundle has too many recipients');
  if (payload.length > MAX_PLAIN_BYTES) throw new WireError('tooLarge', 'Bundle payload exceeds its limit');
  const encrypted = recipients.length > 0;
  const key = randomBytes(KEY_BYTES);
  try {
    const iv = encrypted ? randomBytes(IV_BYTES) : null;
    const header: BundleHeader = {
      v: 1,
      network,
      device,
      seq,
      prev: input.prev,
      hlc: input.hlc,
      control: input.control,
      recipients: recipients.map((r) => ({ device: r.device, box: seal(key, r.boxPublic, boxPurpose(network, device, seq, r.device)) })),
      iv: iv?.toString('base64') ?? null,
      plainBytes: encrypted ? payload.length : 0,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    if (headerBytes.length > MAX_HEADER_BYTES) throw new WireError('tooLarge', 'Bundle header exceeds its limit');
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(headerBytes.length);
    const prefix = Buffer.concat([BUNDLE_MAGIC, length, headerBytes]);
    let body = Buffer.alloc(0);
    if (iv) {
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(prefix);
      body = Buffer.concat([cipher.update(deflateRawSync(payload)), cipher.final(), cipher.getAuthTag()]);
    }
    if (body.length > MAX_BODY_BYTES) throw new WireError('tooLarge', 'Bundle body exceeds its limit');
    const signed = Buffer.concat([prefix, body]);
    const bundle = Buffer.concat([signed, signBytes(signPrivate, signed)]);
    parseBundle(bundle, BUNDLE_LIMITS);
    return bundle;
  } finally {
    key.fill(0);
  }
}

/** Parses a bundle's structure and header without verifying or decrypting; throws WireError when malformed. */
export function readBundleHeader(
  bytes: Buffer,
  limits: BundleLimits = BUNDLE_LIMITS,
): { header: BundleHeader; signed: Buffer; signature: Buffer } {
  const { header, signed, signature } = parseBundle(bytes, limits);
  return { header, signed, signature };
}

/** True when the bundle is well-formed and signed by the holder of `signPublic`; never throws. */
export function verifyBundle(bytes: Buffer, signPublic: Buffer, limits: BundleLimits = BUNDLE_LIMITS): boolean {
  let parsed: ParsedBundle;
  try {
    parsed = parseBundle(bytes, limits);
  } catch (error) {
    if (error instanceof WireError) return false;
    throw error;
  }
  return verifyBytes(signPublic, parsed.signed, parsed.signature);
}

/**
 * The payload for device `me`, or null when the bundle is not addressed to it. Does not check the signature (call
 * verifyBundle first); throws WireError 'tampered' when the key box or the body fails authentication.
 */
export function openBundle(
  bytes: Buffer,
  me: { device: string; boxPrivate: Buffer },
  limits: BundleLimits = BUNDLE_LIMITS,
): Buffer | null {
  const { header, prefix, body } = parseBundle(bytes, limits);
  const entry = header.recipients.find((r) => r.device === me.device);
  if (!entry || header.iv === null) return null;
  const key = open(entry.box, me.boxPrivate, boxPurpose(header.network, header.device, header.seq, me.device));
  if (!key || key.length !== KEY_BYTES) {
    key?.fill(0);
    throw new WireError('tampered', 'Bundle key box does not open');
  }
  let compressed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(prefix);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    compressed = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new WireError('tampered', 'Bundle body fails authentication');
  } finally {
    key.fill(0);
  }
  let plain: Buffer;
  try {
    // The declared size caps inflation, so a small body cannot expand into memory exhaustion.
    plain = inflateRawSync(compressed, { maxOutputLength: Math.max(1, header.plainBytes) });
  } catch {
    throw new WireError('malformed', 'Bundle payload does not inflate to its declared size');
  }
  if (plain.length !== header.plainBytes) throw new WireError('malformed', 'Bundle payload does not inflate to its declared size');
  return plain;
}

/** Hex SHA-256 of a bundle's full bytes: the `prev` link of the next bundle. */
export function bundleHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
