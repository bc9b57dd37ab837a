import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/**
 * SQLCipher 4's page layout as the vault writes it (`cipher = 'sqlcipher'`, `legacy = 4`): every page ends in a
 * reserve of a 16-byte IV and a 64-byte HMAC-SHA512 over the page's ciphertext, its IV and its page number
 * (little-endian). The first 16 bytes of page 1 are the file's salt.
 */
const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE_BYTES = 80;
/** SQLCipher derives the HMAC key from the encryption key with the salt XOR 0x3a and 2 PBKDF2 rounds. */
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;
/** Pages read per system call: a 50,000-client vault is checked in bounded memory. */
const PAGES_PER_READ = 256;

export interface PageCheck {
  pages: number;
  /** Page numbers (1-based) whose HMAC does not match: changed on disk, torn, or overwritten. */
  damaged: number[];
}

/**
 * The check SQLCipher's `PRAGMA cipher_integrity_check` performs: the HMAC of every page of the database file.
 * SQLite3 Multiple Ciphers (our driver) implements the SQLCipher format but not that pragma (it is silently
 * ignored), so the vault checks the pages itself with the raw database key. Pages only in the WAL are not in the
 * file yet; the caller checkpoints first where that matters.
 */
export function checkCipherPages(path: string, rawKey: Buffer, pageSize: number): PageCheck {
  const fd = openSync(path, 'r');
  let hmacKey: Buffer | null = null;
  try {
    const size = fstatSync(fd).size;
    const pages = Math.floor(size / pageSize);
    const damaged: number[] = [];
    // A torn last page (size not a multiple of the page size) is damage too.
    if (size % pageSize !== 0) damaged.push(pages + 1);
    if (pages === 0) return { pages, damaged };
    const buffer = Buffer.alloc(pageSize * PAGES_PER_READ);
    const pgno = Buffer.alloc(4);
    for (let first = 1; first <= pages; first += PAGES_PER_READ) {
      const count = Math.min(PAGES_PER_READ, pages - first + 1);
      const read = readSync(fd, buffer, 0, count * pageSize, (first - 1) * pageSize);
      if (read < count * pageSize) throw new Error('vault file shrank while being checked');
      if (!hmacKey) hmacKey = pbkdf2Sync(rawKey, Buffer.from(buffer.subarray(0, SALT_BYTES).map((b) => b ^ HMAC_SALT_MASK)), FAST_KDF_ITER, 32, 'sha512');
      for (let i = 0; i < count; i++) {
        const number = first + i;
        const page = buffer.subarray(i * pageSize, (i + 1) * pageSize);
        const macAt = pageSize - RESERVE_BYTES + IV_BYTES;
        pgno.writeUInt32LE(number);
        const mac = createHmac('sha512', hmacKey)
          .update(page.subarray(number === 1 ? SALT_BYTES : 0, macAt))
          .update(pgno)
          .digest();
        if (!timingSafeEqual(mac, page.subarray(macAt, macAt + HMAC_BYTES))) damaged.push(number);
      }
    }
    return { pages, damaged };
  } finally {
    hmacKey?.fill(0);
    closeSync(fd);
  }
}
