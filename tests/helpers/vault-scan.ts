import { createDecipheriv } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { hasPlaintextHeader, openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';

/** SQLCipher 4 defaults, as the vault uses them: 4096-byte pages, 80 reserved bytes (16 IV + 64 HMAC), AES-256-CBC. */
const PAGE = 4096;
const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** One page decrypted with the raw key; page 1 starts after the file's 16-byte salt. */
function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const d = createDecipheriv('aes-256-cbc', key, page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(first ? 16 : 0, PAGE - RESERVE)), d.final()]);
}

/**
 * Every page of a vault file and of its WAL, decrypted one by one with the raw key, as a tool with the recovery key
 * could read them: pages in use, free pages and every frame still in the WAL (old page versions included). Nothing
 * goes through SQLite, so nothing is skipped.
 */
export function decryptedDatabaseBytes(path: string, key: Buffer): Buffer {
  const out: Buffer[] = [];
  const file = readFileSync(path);
  for (let at = 0; at + PAGE <= file.length; at += PAGE) out.push(decryptPage(file.subarray(at, at + PAGE), key, at === 0));
  const walPath = `${path}-wal`;
  if (existsSync(walPath)) {
    const wal = readFileSync(walPath);
    for (let at = WAL_HEADER; at + FRAME_HEADER + PAGE <= wal.length; at += FRAME_HEADER + PAGE) {
      const pageNo = wal.readUInt32BE(at);
      out.push(decryptPage(wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + PAGE), key, pageNo === 1));
    }
  }
  return Buffer.concat(out);
}

/** Every page of the vault in `dataDir` (and its WAL) decrypted with the key the recovery key yields. */
export function decryptedVaultBytes(dataDir: string, recoveryKey: string): Buffer {
  const key = databaseKeyForRecoveryKey({ dataDir }, recoveryKey);
  try {
    return decryptedDatabaseBytes(join(dataDir, 'vault.db'), key);
  } finally {
    key.fill(0);
  }
}

/**
 * The rekey route, for comparison: a copy opened with the key, WAL folded in, re-keyed to no key. SQLite writes
 * back only the pages it keeps, so free pages come out blank here: it shows what SQLite still holds, not what the
 * file holds (the control test shows the difference).
 */
export function rekeyedPlainCopyBytes(path: string, key: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kim-akte-scan-'));
  try {
    const target = join(dir, 'vault.db');
    copyFileSync(path, target);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${target}-wal`);
    const db = openRawEncrypted(target, key);
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
    db.close();
    if (!hasPlaintextHeader(target)) throw new Error('the scan copy is still encrypted');
    return readFileSync(target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Which of `needles` occur in `haystack` (UTF-8, and UTF-16 LE for good measure). */
export function tracesIn(haystack: Buffer, needles: readonly string[]): string[] {
  return needles.filter((n) => haystack.includes(Buffer.from(n, 'utf8')) || haystack.includes(Buffer.from(n, 'utf16le')));
}

/** Every file below `dir` (the documents folder), read whole. */
export function filesBelow(dir: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesBelow(path));
    else out.push({ path, bytes: readFileSync(path) });
  }
  return out;
}
