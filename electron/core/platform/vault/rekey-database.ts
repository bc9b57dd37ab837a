import { copyFileSync, rmSync } from 'node:fs';
import { replaceFileAtomic } from '../files/atomic-file';
import { openRawEncrypted } from './sqlcipher';

/** The re-encrypted copy while it is made; a leftover one (crash) is never opened and is removed. */
const suffix = '.rekeying';

/**
 * Removes what an interrupted re-keying may have left beside the database (never the database itself). A leftover
 * that cannot be removed is left: it is never opened, and it must not keep the vault from unlocking.
 */
export function removeRekeyLeftovers(path: string): void {
  for (const f of [`${path}${suffix}`, `${path}${suffix}-journal`]) {
    try {
      rmSync(f, { force: true });
    } catch {
      // Left for the next attempt; see above.
    }
  }
}

/**
 * Re-encrypts the database file under a new key, crash-safely. SQLite3 Multiple Ciphers re-keys in place, and a
 * process killed in the middle can leave a file that neither key opens (measured here: tests/integration
 * /rekey.test.ts); it also cannot re-key in WAL mode. So: fold the WAL into the file and leave WAL mode, copy the
 * file, re-key the copy, prove the copy reads with the new key, and rename it over the original. Until the
 * rename the original opens with the old key; after it, with the new one. The connection must be closed before.
 */
export function rekeyDatabaseFile(path: string, currentKey: Buffer, nextKey: Buffer, nativeBinding?: string): void {
  removeRekeyLeftovers(path);
  const db = openRawEncrypted(path, currentKey, nativeBinding);
  try {
    const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint[0]?.busy) throw new Error('database busy: WAL could not be checkpointed');
    // The copy must be the whole database: no WAL beside it (reopening the vault switches WAL on again).
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const copy = `${path}${suffix}`;
  copyFileSync(path, copy);
  try {
    const target = openRawEncrypted(copy, currentKey, nativeBinding);
    try {
      target.pragma(`rekey = "x'${nextKey.toString('hex')}'"`);
    } finally {
      target.close();
    }
    const check = openRawEncrypted(copy, nextKey, nativeBinding);
    try {
      if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('re-keyed copy failed its check');
    } finally {
      check.close();
    }
    replaceFileAtomic(copy, path);
  } finally {
    removeRekeyLeftovers(path);
  }
}
