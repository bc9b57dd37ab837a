import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deriveWrappingKey, OWASP_SCRYPT, type KdfParams } from '../../platform/vault/key-crypto';

/**
 * The archive package's envelope: the archive receives the package and, by a separate way (a letter, a phone
 * call), its passphrase. The key is derived from the passphrase with scrypt (OWASP parameters, the vault's own KDF)
 * and the content is sealed with AES-256-GCM; the header (format, KDF parameters, IV) is the GCM's associated data,
 * so an altered header fails like altered content. Layout: "KIMARCH1", header length (uint32 BE), header JSON,
 * GCM tag (16 bytes), ciphertext.
 */
const MAGIC = Buffer.from('KIMARCH1', 'ascii');

interface EnvelopeHeader {
  format: 'kim-akte-archive';
  version: 1;
  kdf: KdfParams;
  iv: string;
}

export async function sealArchive(content: Buffer, passphrase: string, kdf: Pick<KdfParams, 'N' | 'r' | 'p'> = OWASP_SCRYPT): Promise<Buffer> {
  const header: EnvelopeHeader = {
    format: 'kim-akte-archive',
    version: 1,
    kdf: { alg: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: randomBytes(16).toString('base64') },
    iv: randomBytes(12).toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const key = await deriveWrappingKey(passphrase, header.kdf);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    cipher.setAAD(headerBytes);
    const ct = Buffer.concat([cipher.update(content), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    return Buffer.concat([MAGIC, length, headerBytes, cipher.getAuthTag(), ct]);
  } finally {
    key.fill(0);
  }
}

/**
 * KDF parameters a package may name: scrypt with a power-of-two N up to 2^20 and modest r and p. The header is
 * authenticated only after the key is derived, so an altered header must not make the derivation fail loudly or
 * run for minutes.
 */
function plausibleKdf(kdf: KdfParams | undefined): kdf is KdfParams {
  if (!kdf || kdf.alg !== 'scrypt' || typeof kdf.salt !== 'string') return false;
  const { N, r, p } = kdf;
  const powerOfTwo = Number.isInteger(N) && N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

/** Opens a package; null when it is not one, the passphrase is wrong or the package was altered. */
export async function openArchive(pkg: Buffer, passphrase: string): Promise<Buffer | null> {
  if (pkg.length < MAGIC.length + 4 + 16 || !pkg.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const length = pkg.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (length > 4096 || pkg.length < start + length + 16) return null;
  const headerBytes = pkg.subarray(start, start + length);
  let header: EnvelopeHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as EnvelopeHeader;
  } catch {
    return null;
  }
  if (header?.format !== 'kim-akte-archive' || header.version !== 1 || !plausibleKdf(header.kdf) || typeof header.iv !== 'string') return null;
  let key: Buffer;
  try {
    key = await deriveWrappingKey(passphrase, header.kdf);
  } catch {
    return null;
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    decipher.setAAD(headerBytes);
    decipher.setAuthTag(pkg.subarray(start + length, start + length + 16));
    return Buffer.concat([decipher.update(pkg.subarray(start + length + 16)), decipher.final()]);
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}
