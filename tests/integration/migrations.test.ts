import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { Keyring } from '../../electron/core/vault/keyring';
import { newDatabaseKey } from '../../electron/core/vault/key-crypto';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/vault/migrations';
import { loadSqliteDriver, openRawEncrypted } from '../../electron/core/vault/sqlcipher';
import { openVaultDatabase } from '../../electron/core/vault/vault-database';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';

/** Builds a vault as version 1 of the app wrote it: schema 1, one account, one setting. */
async function buildSchemaV1Vault(dir: string): Promise<Buffer> {
  const key = newDatabaseKey();
  const keyring = await Keyring.create(join(dir, 'keyring.json'), 'selm', 'admin', ADMIN_PASSPHRASE, key, new Date());
  const { dataSource, schemaVersion } = await openVaultDatabase({
    path: join(dir, 'vault.db'),
    key,
    create: true,
    migrations: MIGRATIONS.slice(0, 1),
  });
  expect(schemaVersion).toBe(1);
  await dataSource.query(
    `INSERT INTO account (id, login, display_name, role, office, active, created_at, updated_at, version)
     VALUES ('00000000-0000-4000-8000-000000000001', 'admin', 'Jana Wolters', 'it-admin', 'selm', 1, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z', 1)`,
  );
  await dataSource.query(`INSERT INTO setting (key, value) VALUES ('device.id', 'device-v1'), ('office', 'selm')`);
  await dataSource.destroy();
  keyring.save();
  return key;
}

describe('schema migrations', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('upgrades a vault from an older schema on unlock, keeping its data', async () => {
    const dir = join(tmp.dir, 'v1');
    const key = await buildSchemaV1Vault(dir);
    const core = new CoreDispatcher({ dataDir: dir });
    const user = await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(user).toMatchObject({ login: 'admin', displayName: 'Jana Wolters', office: 'selm' });
    expect((await call(core, 'home.summary')).schemaVersion).toBe(SCHEMA_VERSION);
    await call(core, 'drafts.save', { formId: 'note', data: { text: 'nach der Migration' } });
    await call(core, 'session.lock');
    const db = openRawEncrypted(join(dir, 'vault.db'), key);
    expect(db.prepare('SELECT last_login_at IS NOT NULL AS seen FROM account').get()).toEqual({ seen: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM draft').get()).toEqual({ n: 1 });
    db.close();
  });

  it('runs every migration down and up again cleanly', async () => {
    const dir = join(tmp.dir, 'roundtrip');
    const key = newDatabaseKey();
    const { dataSource } = await openVaultDatabase({ path: join(dir, 'vault.db'), key, create: true });
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('migrations','sqlite_sequence')`)) as unknown[];
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await dataSource.query(`SELECT count(*) AS n FROM migrations`)).toEqual([{ n: MIGRATIONS.length }]);
    await dataSource.destroy();
  });

  it('refuses a database written by a newer app version and leaves it untouched', async () => {
    const dir = join(tmp.dir, 'future');
    const { recoveryKey, core } = await setupVault(dir);
    await call(core, 'session.lock');
    const key = Buffer.from(recoveryKey.replace(/-/g, ''), 'hex');
    const raw = openRawEncrypted(join(dir, 'vault.db'), key);
    raw.prepare(`INSERT INTO migrations (timestamp, name) VALUES (1893456000000, 'CaseFiles1893456000000')`).run();
    raw.close();
    const before = readFileSync(join(dir, 'vault.db'));
    const r = await core.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(r).toEqual({ ok: false, error: { code: 'vault.schemaTooNew', params: { found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION } } });
    expect(readFileSync(join(dir, 'vault.db')).equals(before)).toBe(true);
    expect((await call(core, 'vault.status')).state).toBe('locked');
  });

  it('refuses a plain, unencrypted SQLite file in place of the vault', async () => {
    const dir = join(tmp.dir, 'plain');
    const { core } = await setupVault(dir);
    await call(core, 'session.lock');
    const plain = openRawPlain(join(tmp.dir, 'plain.db'));
    writeFileSync(join(dir, 'vault.db'), plain);
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'vault.databaseCorrupt', params: { reason: 'unencrypted' } },
    });
  });
});

function openRawPlain(path: string): Buffer {
  const Database = loadSqliteDriver();
  const db = new Database(path);
  db.exec(`CREATE TABLE account (login TEXT); INSERT INTO account VALUES ('admin')`);
  db.close();
  return readFileSync(path);
}
