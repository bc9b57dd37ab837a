import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applySqlcipherKey, loadSqliteDriver } from '../../electron/core/platform/vault/sqlcipher';
import { tempDir } from '../helpers/temp-vault';
import { decryptedDatabaseBytes, rekeyedPlainCopyBytes, tracesIn } from '../helpers/vault-scan';

/**
 * The control for the deletion tests' scan: deleted rows do stay in the pages of a SQLCipher file without
 * secure_delete, and the scan (every page and WAL frame decrypted with the raw key, free pages included) finds
 * them there; with secure_delete, as every vault connection has it, they are gone after a checkpoint. So "no trace"
 * in the deletion tests means the bytes are gone, not that the scan cannot see free pages.
 */
describe('the scan of decrypted pages', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  const DELETED = ['Quastenhuber Zitronella', 'Vertrauensgespräch am Zitronenbaum', 'Gelöschte Notiz 17'];

  function deletedRowsLeft(secureDelete: boolean, scan: (path: string, key: Buffer) => Buffer = decryptedDatabaseBytes): string[] {
    const path = join(tmp.dir, `control-${String(secureDelete)}-${randomBytes(4).toString('hex')}.db`);
    const key = randomBytes(32);
    const Database = loadSqliteDriver();
    const db = new Database(path);
    applySqlcipherKey(db, key);
    db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO person (name, note) VALUES (?, ?)');
    // Enough rows for several pages, so that deleting some frees whole pages and leaves cells on others.
    for (let i = 0; i < 400; i++) insert.run(`Keep-${i}`, 'x'.repeat(200));
    insert.run('Quastenhuber Zitronella', 'Vertrauensgespräch am Zitronenbaum');
    for (let i = 0; i < 400; i++) insert.run(`Gone-${i}`, `Gelöschte Notiz ${i} ${'y'.repeat(200)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec(`DELETE FROM person WHERE name LIKE 'Gone-%' OR name = 'Quastenhuber Zitronella'`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = scan(path, key);
    expect(tracesIn(bytes, ['Keep-399'])).toEqual(['Keep-399']);
    return tracesIn(bytes, DELETED);
  }

  it('finds deleted rows without secure_delete, and none with it', () => {
    expect(deletedRowsLeft(false).length).toBeGreaterThan(0);
    expect(deletedRowsLeft(true)).toEqual([]);
  });

  it('needs the page-by-page decryption: a re-keyed plain copy made by SQLite leaves free pages out', () => {
    expect(deletedRowsLeft(false, rekeyedPlainCopyBytes).length).toBeLessThan(deletedRowsLeft(false).length);
  });
});
