import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { call, setupVault, tempDir } from '../helpers/temp-vault';

const requireCjs = createRequire(__filename);

/** Official SQLCipher (Zetetic community edition via @journeyapps/sqlcipher), independent of our SQLite3MC build. */
interface OfficialDb {
  serialize(fn: () => void): void;
  run(sql: string): void;
  all(sql: string, cb: (err: Error | null, rows: Row[]) => void): void;
  close(): void;
}
interface OfficialSqlcipher {
  OPEN_READONLY: number;
  Database: new (path: string, mode: number) => OfficialDb;
}
function loadOfficialSqlcipher(): OfficialSqlcipher | null {
  try {
    return requireCjs('@journeyapps/sqlcipher') as OfficialSqlcipher;
  } catch {
    return null;
  }
}

type Row = Record<string, unknown>;
function queryOfficial(path: string, keyPragma: string | null, sql: string): Promise<Row[]> {
  const sqlcipher = loadOfficialSqlcipher()!;
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(path, sqlcipher.OPEN_READONLY);
    db.serialize(() => {
      if (keyPragma) db.run(keyPragma);
      db.all(sql, (err, rows) => {
        db.close();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  });
}

describe('vault file at rest', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('has no plain SQLite header and no readable personal data in any file of the data directory', async () => {
    const { core } = await setupVault(tmp.dir);
    await call(core, 'drafts.save', { formId: 'note', data: { text: 'Familie Haddad braucht Dolmetscher' } });
    await call(core, 'session.lock');
    const files = readdirSync(tmp.dir);
    expect(files).toContain('vault.db');
    const db = readFileSync(join(tmp.dir, 'vault.db'));
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    for (const f of files) {
      const bytes = readFileSync(join(tmp.dir, f)).toString('latin1');
      for (const secret of ['Petra Schulte', 'Haddad', 'Dolmetscher', '"admin"', 'it-admin']) {
        expect(bytes.includes(secret), `${secret} readable in ${f}`).toBe(false);
      }
    }
  });

  it('opens in official SQLCipher 4 with the database key the recovery key yields, and not without it', async (ctx) => {
    if (!loadOfficialSqlcipher()) {
      // CI installs it (dev dependency built from source); refuse to pass silently there.
      if (process.env.CI) throw new Error('@journeyapps/sqlcipher is not installed; CI must build it');
      ctx.skip();
    }
    const dir = tempDir();
    const { core, recoveryKey } = await setupVault(dir.dir);
    await call(core, 'session.lock');
    const path = join(dir.dir, 'vault.db');
    const hex = databaseKeyForRecoveryKey({ dataDir: dir.dir }, recoveryKey).toString('hex');
    const version = await queryOfficial(path, `PRAGMA key = "x'${hex}'"`, 'PRAGMA cipher_version');
    expect(String(version[0]?.cipher_version)).toMatch(/^4\./);
    const rows = await queryOfficial(path, `PRAGMA key = "x'${hex}'"`, 'SELECT login, display_name FROM account');
    expect(rows).toEqual([{ login: 'admin', display_name: 'Petra Schulte' }]);
    // Exactly SQLCipher's answer to a missing or wrong key, not any error that happens to mention encryption.
    const notADatabase = /^SQLITE_NOTADB: file is not a database$/;
    await expect(queryOfficial(path, null, 'SELECT count(*) FROM account')).rejects.toThrow(notADatabase);
    const wrong = 'ab'.repeat(32);
    await expect(queryOfficial(path, `PRAGMA key = "x'${wrong}'"`, 'SELECT count(*) FROM account')).rejects.toThrow(notADatabase);
    dir.cleanup();
  });
});
