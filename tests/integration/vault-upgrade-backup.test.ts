import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { VAULT_ENTITIES } from '../../electron/core/api/session/entity-list';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy } from '../../electron/core/contract/machine-policy';
import { AppError } from '../../electron/core/contract/errors';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { openVaultDatabase } from '../../electron/core/platform/vault/vault-database';
import { hasPlaintextHeader } from '../../electron/core/platform/vault/sqlcipher';
import { PRE_MIGRATION_DIR } from '../../electron/core/platform/vault/pre-migration-copy';
import { restoreVault } from '../../electron/core/api/session/vault-restore';
import { CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

/** A migration of a future version that succeeds, and one that fails half-way (after a change of its own). */
class FutureTable1799000000001 implements MigrationInterface {
  name = 'FutureTable1799000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE future_table (id TEXT PRIMARY KEY)');
    await q.query(`UPDATE setting SET value = 'changed by a future migration' WHERE key = 'office'`);
  }
  async down(): Promise<void> {}
}
class BrokenUpgrade1799000000002 implements MigrationInterface {
  name = 'BrokenUpgrade1799000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE broken_table (id TEXT)');
    throw new Error('simulated failure in the middle of a migration');
  }
  async down(): Promise<void> {}
}

describe('upgrades: a copy before migrations, put back when one fails (issue 13, item 5)', () => {
  const tmp = tempDir('kim-akte-upgrade-');
  afterAll(() => tmp.cleanup());

  it('copies the vault before migrating; a failing migration restores the copy, says so, and the vault opens as before', async () => {
    const dir = join(tmp.dir, 'vault');
    const { core, recoveryKey } = await setupVault(dir);
    await enrolAccount(core, ADMIN, CASE_MANAGER);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    await call(core, 'clients.create', clientInput('Vorhanden', 'Vera'));
    await core.close();

    const key = databaseKeyForRecoveryKey({ dataDir: dir }, recoveryKey);
    let failure: unknown;
    try {
      await openVaultDatabase({ path: join(dir, 'vault.db'), key, create: false, entities: VAULT_ENTITIES, migrations: [...MIGRATIONS, FutureTable1799000000001, BrokenUpgrade1799000000002] });
    } catch (error) {
      failure = error;
    }
    key.fill(0);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('vault.migrationFailed');
    expect((failure as AppError).params).toEqual({ migration: 'BrokenUpgrade1799000000002' });
    expect((failure as AppError).message).toContain('was put back');

    // The copy lies beside the vault, encrypted like it.
    const copies = readdirSync(join(dir, PRE_MIGRATION_DIR));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(new RegExp(`^pre-migration-schema${SCHEMA_VERSION}-.*\\.db$`));
    expect(hasPlaintextHeader(join(dir, PRE_MIGRATION_DIR, copies[0]!))).toBe(false);

    // Even the migration that succeeded before the failing one is undone: the vault is exactly the old version's.
    const raw = openRawVault(dir, recoveryKey);
    const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).not.toContain('future_table');
    expect(tables).not.toContain('broken_table');
    expect((raw.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number }).n).toBe(SCHEMA_VERSION);
    expect((raw.prepare(`SELECT value FROM setting WHERE key = 'office'`).get() as { value: string }).value).toBe('lunen');
    raw.close();

    const reopened = openCore({ dataDir: dir });
    await call(reopened, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    const page = await call(reopened, 'clients.list', { offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.familyName)).toEqual(['Vorhanden']);
    await call(reopened, 'session.lock');
    await call(reopened, 'session.unlock', ADMIN);
    expect((await call(reopened, 'audit.verify', {})).firstBreak).toBeNull();
    await reopened.close();
  }, 60_000);

  it('takes no copy when nothing is to migrate, and keeps at most three', async () => {
    const dir = join(tmp.dir, 'rotation');
    const { core, recoveryKey } = await setupVault(dir);
    await core.close();
    expect(existsSync(join(dir, PRE_MIGRATION_DIR))).toBe(false);
    mkdirSync(join(dir, PRE_MIGRATION_DIR));
    for (const old of ['2026-01-01', '2026-02-01', '2026-03-01']) writeFileSync(join(dir, PRE_MIGRATION_DIR, `pre-migration-schema1-${old}.db`), 'old');
    const key = databaseKeyForRecoveryKey({ dataDir: dir }, recoveryKey);
    const opened = await openVaultDatabase({ path: join(dir, 'vault.db'), key, create: false, entities: VAULT_ENTITIES, migrations: [...MIGRATIONS, FutureTable1799000000001] });
    key.fill(0);
    expect(opened.schemaVersion).toBe(SCHEMA_VERSION + 1);
    await opened.dataSource.destroy();
    const copies = readdirSync(join(dir, PRE_MIGRATION_DIR)).sort();
    expect(copies).toHaveLength(3);
    expect(copies).not.toContain('pre-migration-schema1-2026-01-01.db');

    // The vault now has a schema this app does not know: refused with a clear message, restore refuses its backups.
    const core2 = openCore({ dataDir: dir });
    const refused = await core2.dispatch('session.unlock', ADMIN);
    expect(refused).toEqual({ ok: false, error: { code: 'vault.schemaTooNew', params: { found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION } } });
    await core2.close();
  }, 60_000);
});

describe('scheduled backup while someone is signed in (issue 13)', () => {
  const tmp = tempDir('kim-akte-schedule-');
  afterAll(() => tmp.cleanup());

  it('writes to the policy folder when due, rotates to `keep`, records backup.last, and backup.status reports it to IT only', async () => {
    const dir = join(tmp.dir, 'vault');
    const folder = join(tmp.dir, 'backups');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes-of-it.txt'), 'left alone');
    const policy: MachinePolicy = { ...DEFAULT_MACHINE_POLICY, backup: { folder, intervalHours: 24, keep: 2 } };
    let now = new Date('2026-12-01T08:00:00Z');
    const clock = () => now;
    const { core } = await setupVault(dir, clock);
    await core.close();
    const app = openCore({ dataDir: dir, policy, now: clock, scheduledBackup: true, backupCheckMs: 3_600_000 });
    await call(app, 'session.unlock', ADMIN);
    const before = await call(app, 'backup.status', {});
    expect(before).toMatchObject({ folder, intervalHours: 24, keep: 2, last: null, overdue: true });

    for (const at of ['2026-12-01T08:00:00Z', '2026-12-01T20:00:00Z', '2026-12-02T09:00:00Z', '2026-12-03T10:00:00Z']) {
      now = new Date(at);
      await app.runScheduledBackup();
    }
    const files = readdirSync(folder).sort();
    // 08:00 and (not due at 20:00) then 09:00 next day and 10:00 the day after: three written, the oldest rotated out.
    expect(files.filter((f) => f.endsWith('.kimbackup'))).toEqual([
      'kim-akte-lunen-2026-12-02T09-00-00-000Z.kimbackup',
      'kim-akte-lunen-2026-12-03T10-00-00-000Z.kimbackup',
    ]);
    expect(files).toContain('notes-of-it.txt');
    const status = await call(app, 'backup.status', {});
    expect(status.last).toMatchObject({ at: '2026-12-03T10:00:00.000Z', file: 'kim-akte-lunen-2026-12-03T10-00-00-000Z.kimbackup' });
    expect(status.last!.bytes).toBeGreaterThan(0);
    expect(status.overdue).toBe(false);
    expect(status.ageHours).toBe(0);
    const actions = (await call(app, 'audit.list', { limit: 50, offset: 0 })).rows.filter((r) => r.action === 'vault.backup');
    expect(actions).toHaveLength(3);

    // The newest scheduled backup restores.
    const restored = await restoreVault({
      from: join(folder, status.last!.file),
      dataDir: join(tmp.dir, 'restored'),
      force: false,
      credential: { kind: 'account', ...ADMIN },
      now: new Date(),
    });
    expect(restored.auditEntries).toBeGreaterThan(0);

    // A folder that vanished: recorded as a failure with its code, shown to IT, nothing else changes.
    now = new Date('2026-12-05T10:00:00Z');
    const gone = { ...DEFAULT_MACHINE_POLICY, backup: { folder: join(tmp.dir, 'unplugged'), intervalHours: 24, keep: 2 } };
    await call(app, 'session.lock');
    await app.close();
    const app2 = openCore({ dataDir: dir, policy: gone, now: clock });
    await call(app2, 'session.unlock', ADMIN);
    await app2.runScheduledBackup();
    const failed = await call(app2, 'backup.status', {});
    expect(failed.lastFailure).toEqual({ at: '2026-12-05T10:00:00.000Z', code: 'backup.folderUnavailable' });
    expect(failed.overdue).toBe(true);

    await enrolAccount(app2, ADMIN, CASE_MANAGER);
    await call(app2, 'session.lock');
    await call(app2, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    const denied = await app2.dispatch('backup.status', {});
    expect(!denied.ok && denied.error.code).toBe('permission.denied');
    await app2.close();
  }, 120_000);
});
