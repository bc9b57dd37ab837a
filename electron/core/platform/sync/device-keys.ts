import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { newKeyPair } from '../vault/sealed-box';

/**
 * The keys of one device in a sync network: Ed25519 to sign what it writes to the share, X25519 so that others can
 * seal bundle keys to it. Kept as raw 32-byte buffers (like sealed-box.ts) so they fit in the vault and on device
 * cards; Node's OpenSSL takes them through fixed DER prefixes.
 */
export interface DeviceKeys {
  /** 32-byte Ed25519 seed; the caller zeroes it when done. */
  signPrivate: Buffer;
  signPublic: Buffer;
  /** 32-byte X25519 private key; the caller zeroes it when done. */
  boxPrivate: Buffer;
  boxPublic: Buffer;
}

export const ED25519_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const FINGERPRINT_BYTES = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function signKeyObject(seed: Buffer): KeyObject {
  if (seed.length !== ED25519_KEY_BYTES) throw new Error('Ed25519 private key must be 32 bytes');
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function verifyKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== ED25519_KEY_BYTES) throw new Error('Ed25519 public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Fresh signing and box key pairs for a device joining (or founding) a sync network. */
export function newDeviceKeys(): DeviceKeys {
  const ed = generateKeyPairSync('ed25519');
  const pkcs8 = ed.privateKey.export({ format: 'der', type: 'pkcs8' });
  const signPrivate = Buffer.from(pkcs8.subarray(PKCS8_ED25519_PREFIX.length));
  pkcs8.fill(0);
  const signPublic = Buffer.from(ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length));
  const box = newKeyPair();
  return { signPrivate, signPublic, boxPrivate: box.privateKey, boxPublic: box.publicKey };
}

/** The raw Ed25519 public key belonging to a 32-byte seed. */
export function signPublicOf(signPrivate: Buffer): Buffer {
  const spki = createPublicKey(signKeyObject(signPrivate)).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(SPKI_ED25519_PREFIX.length));
}

/** A 64-byte Ed25519 signature over `data`. */
export function signBytes(signPrivate: Buffer, data: Buffer): Buffer {
  return sign(null, data, signKeyObject(signPrivate));
}

/** Checks an Ed25519 signature; false (never a throw) for a wrong, malformed or foreign key or signature. */
export function verifyBytes(signPublic: Buffer, data: Buffer, sig: Buffer): boolean {
  if (signPublic.length !== ED25519_KEY_BYTES || sig.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, data, verifyKeyObject(signPublic), sig);
  } catch {
    return false;
  }
}

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A short code two people read to each other to compare keys out of band: SHA-256 over length-prefixed parts (so
 * ('ab','c') and ('a','bc') differ), first 80 bits in base32, as XXXX-XXXX-XXXX-XXXX.
 */
export function fingerprint(...parts: Buffer[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(part.length);
    hash.update(length).update(part);
  }
  const code = base32(hash.digest().subarray(0, FINGERPRINT_BYTES));
  return code.match(/.{4}/g)!.join('-');
}
