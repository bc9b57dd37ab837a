import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * Sealed boxes: a secret encrypted to an X25519 public key, so that anyone may give a key to an account (or to the
 * recovery key) while only the holder of the private key opens it. The construction is ECIES as HPKE's base mode
 * does it: an ephemeral X25519 key, HKDF-SHA256 over the shared secret bound to both public keys, AES-256-GCM with
 * associated data naming what the box is for. Node's OpenSSL has every primitive, so the core worker needs no
 * extra (WASM) library for this.
 */

export const X25519_KEY_BYTES = 32;
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = 'kim-akte sealed box v1';

export interface RawKeyPair {
  /** 32 raw bytes; the caller zeroes it when done. */
  privateKey: Buffer;
  publicKey: Buffer;
}

function privateKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== X25519_KEY_BYTES) throw new Error('X25519 private key must be 32 bytes');
  const der = Buffer.concat([PKCS8_X25519_PREFIX, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function publicKeyObject(raw: Buffer): KeyObject {
  if (raw.length !== X25519_KEY_BYTES) throw new Error('X25519 public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function rawPublic(key: KeyObject): Buffer {
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_X25519_PREFIX.length);
}

/** Any 32 random bytes are a valid X25519 private key (the function clamps them), e.g. a printed recovery key. */
export function publicKeyOf(privateKey: Buffer): Buffer {
  return rawPublic(createPublicKey(privateKeyObject(privateKey)));
}

export function newKeyPair(): RawKeyPair {
  const privateKey = randomBytes(X25519_KEY_BYTES);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

function boxKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), INFO, 32));
}

/** Encrypts `secret` to `recipientPublic`; `purpose` must be given again to open it (binds vault, account, name). */
export function seal(secret: Buffer, recipientPublic: Buffer, purpose: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientPublic) });
  const key = boxKey(shared, ephemeralPublic, recipientPublic);
  shared.fill(0);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ct = Buffer.concat([cipher.update(secret), cipher.final()]);
  key.fill(0);
  return Buffer.concat([ephemeralPublic, iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** Opens a sealed box, or returns null when the key, the purpose or the box does not match (altered or foreign). */
export function open(box: string, privateKey: Buffer, purpose: string): Buffer | null {
  const raw = Buffer.from(box, 'base64');
  if (raw.length < X25519_KEY_BYTES + IV_BYTES + TAG_BYTES) return null;
  const ephemeralPublic = raw.subarray(0, X25519_KEY_BYTES);
  const iv = raw.subarray(X25519_KEY_BYTES, X25519_KEY_BYTES + IV_BYTES);
  const tag = raw.subarray(X25519_KEY_BYTES + IV_BYTES, X25519_KEY_BYTES + IV_BYTES + TAG_BYTES);
  const ct = raw.subarray(X25519_KEY_BYTES + IV_BYTES + TAG_BYTES);
  let key: Buffer | null = null;
  try {
    const me = privateKeyObject(privateKey);
    const shared = diffieHellman({ privateKey: me, publicKey: publicKeyObject(Buffer.from(ephemeralPublic)) });
    key = boxKey(shared, ephemeralPublic, publicKeyOf(privateKey));
    shared.fill(0);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    return null;
  } finally {
    key?.fill(0);
  }
}
