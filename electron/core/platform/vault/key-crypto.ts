import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual, createHmac } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt parameters; the default is OWASP's first recommendation (N=2^17, r=8, p=1, ~128 MiB). */
export interface KdfParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/** A 256-bit key encrypted with AES-256-GCM; AAD binds it to its vault and account. */
export interface WrappedKey {
  alg: 'aes-256-gcm';
  iv: string;
  ct: string;
  tag: string;
}

export const DATABASE_KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

export function newKdfParams(): KdfParams {
  return { alg: 'scrypt', ...OWASP_SCRYPT, salt: randomBytes(16).toString('base64') };
}

/** Derives the wrapping key from a passphrase (NFC-normalised so the same typed text always matches). */
export async function deriveWrappingKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  if (params.alg !== 'scrypt') throw new Error(`Unsupported KDF ${String(params.alg)}`);
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem,
  });
}

export function wrapKey(key: Buffer, wrappingKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the key, or null when the wrapping key (passphrase) is wrong or the wrap was altered. */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
    return key.length === DATABASE_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** HMAC-SHA256 keyed by a key derived from the database key: authenticates the keyring's fixed parts. */
export function keyringMac(databaseKey: Buffer, canonical: string): string {
  const macKey = createHmac('sha256', databaseKey).update('kim-akte keyring mac v1').digest();
  return createHmac('sha256', macKey).update(canonical).digest('base64');
}

export function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
}
