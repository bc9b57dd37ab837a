import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { hasPlaintextHeader, openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';

/**
 * Every page of a vault file decrypted, as IT's tool would see it with the recovery key: a copy of the database (and
 * its WAL, if one is there) is opened with the key, the WAL folded in and the copy re-keyed to no key, which
 * rewrites every page of the file in plain text, free pages included. The copy is removed again.
 */
export function decryptedVaultBytes(dataDir: string, recoveryKey: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kim-akte-scan-'));
  const key = databaseKeyForRecoveryKey({ dataDir }, recoveryKey);
  try {
    const target = join(dir, 'vault.db');
    copyFileSync(join(dataDir, 'vault.db'), target);
    if (existsSync(join(dataDir, 'vault.db-wal'))) copyFileSync(join(dataDir, 'vault.db-wal'), `${target}-wal`);
    const db = openRawEncrypted(target, key);
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
    db.close();
    if (!hasPlaintextHeader(target)) throw new Error('the scan copy is still encrypted');
    return readFileSync(target);
  } finally {
    key.fill(0);
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
