import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFormat1Keyring } from '../helpers/format1-keyring';
import { newDatabaseKey } from '../../electron/core/platform/vault/key-crypto';
import { CaseConferences1764000000014 } from '../../electron/core/platform/vault/migrations/0014-case-conferences';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { CLIENT_LIST_INDEXES, ClientListPagingIndexes1764000000006 } from '../../electron/core/platform/vault/migrations/0006-client-list-paging-indexes';
import { clientListInput } from '../../electron/core/contract/schemas/client-schemas';
import { listClients } from '../../electron/core/domain/clients/client-service';
import { withServiceCall } from '../bench/service-context';
import { loadSqliteDriver, openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { VAULT_ENTITIES } from '../../electron/core/api/session/entity-list';
import { openVaultDatabase } from '../../electron/core/platform/vault/vault-database';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, setupVault, tempDir } from '../helpers/temp-vault';
import type { SessionUser } from '../../electron/core/contract/types/workstation-types';

/** Builds a vault as version 1 of the app wrote it: schema 1, one account, one setting. */
async function buildSchemaV1Vault(dir: string): Promise<Buffer> {
  const key = newDatabaseKey();
  const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES,
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
  await writeFormat1Keyring(join(dir, 'keyring.json'), 'selm', [{ login: 'admin', passphrase: ADMIN_PASSPHRASE }], key, new Date());
  return key;
}

describe('schema migrations', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('upgrades a vault from an older schema and keyring format on unlock, keeping its data and audit trail', async () => {
    const dir = join(tmp.dir, 'v1');
    const key = await buildSchemaV1Vault(dir);
    const core = openCore({ dataDir: dir });
    const user = await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(user).toMatchObject({ login: 'admin', displayName: 'Jana Wolters', office: 'selm' });
    expect((await call(core, 'home.summary')).schemaVersion).toBe(SCHEMA_VERSION);
    await call(core, 'drafts.save', { formId: 'note', data: { text: 'nach der Migration' } });
    await call(core, 'session.lock');
    // The account now has its own key pair; the recovery key of format 1 (the database key) still opens the vault.
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { version: number; accounts: { wrap?: unknown; publicKey?: string }[] };
    expect(keyring.version).toBe(2);
    expect(keyring.accounts).toEqual([expect.objectContaining({ publicKey: expect.any(String) })]);
    expect(keyring.accounts[0]).not.toHaveProperty('wrap');
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(await call(core, 'audit.verify')).toMatchObject({ ok: true, firstBreak: null });
    await call(core, 'session.lock');
    await core.close();
    const viaRecovery = openCore({ dataDir: dir });
    const recoveryKey = key.toString('hex').toUpperCase().match(/.{8}/g)!.join('-');
    const reset = await viaRecovery.dispatch('session.recoveryReset', { recoveryKey, login: 'admin', newPassphrase: 'Werne Lippeaue im Novembernebel 7' });
    expect(reset).toEqual({ ok: true, value: null });
    await call(viaRecovery, 'session.unlock', { login: 'admin', passphrase: 'Werne Lippeaue im Novembernebel 7' });
    await viaRecovery.close();
    const db = openRawEncrypted(join(dir, 'vault.db'), key);
    expect(db.prepare('SELECT last_login_at IS NOT NULL AS seen FROM account').get()).toEqual({ seen: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM draft').get()).toEqual({ n: 1 });
    db.close();
  });

  it('runs every migration down and up again cleanly', async () => {
    const dir = join(tmp.dir, 'roundtrip');
    const key = newDatabaseKey();
    const { dataSource } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true });
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('migrations','sqlite_sequence')`)) as unknown[];
    expect(tables).toEqual([]);
    await dataSource.runMigrations();
    expect(await dataSource.query(`SELECT count(*) AS n FROM migrations`)).toEqual([{ n: MIGRATIONS.length }]);
    await dataSource.destroy();
  });

  it('0006: replaces the client list indexes of an existing vault, and every filter and sort then reads its page from one index in order', async () => {
    const dir = join(tmp.dir, 'v5');
    const key = newDatabaseKey();
    const upTo0005 = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClientListPagingIndexes1764000000006));
    const v5 = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: upTo0005 });
    expect(v5.schemaVersion).toBe(5);
    for (let i = 0; i < 30; i++) {
      await v5.dataSource.query(
        `INSERT INTO client (id, office, family_name, given_names, alternative_names, birth_date, gender, nationalities, languages, sort_name,
                             current_status_until, case_phase, case_manager_id, created_at, updated_at, version)
         VALUES (?, ?, 'Haddad', ?, '[]', ?, 'female', '[]', '[]', ?, ?, ?, ?, '2026-01-05T09:00:00.000Z', ?, 1)`,
        [
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          i % 3 ? 'lunen' : 'werne',
          `Amina ${i}`,
          i % 4 ? `19${50 + i}-01-01` : null,
          `haddad amina ${String(i).padStart(2, '0')}`,
          i % 5 ? `2026-0${1 + (i % 9)}-15` : null,
          i % 2 ? 'planning' : 'intake',
          `manager-${i % 2}`,
          `2026-02-${String(1 + i).padStart(2, '0')}T08:00:00.000Z`,
        ],
      );
    }
    await v5.dataSource.destroy();

    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false });
    try {
      expect(schemaVersion).toBe(SCHEMA_VERSION);
      const indexes = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'client' AND sql IS NOT NULL`)) as { name: string }[];
      expect(indexes.map((r) => r.name).sort()).toEqual(CLIENT_LIST_INDEXES.map(([name]) => name).sort());
      expect(await dataSource.query('SELECT count(*) AS n FROM client')).toEqual([{ n: 30 }]);
      expect(await dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

      // The statements listClients runs, recorded and explained (the plans do not depend on the number of rows).
      const statements: [sql: string, params: unknown[]][] = [];
      const user = { id: 'u', login: 'fm', displayName: 'FM', role: 'fallmanagement', office: 'lunen' } as SessionUser;
      await withServiceCall(dataSource, new Date('2026-03-11T09:30:00Z'), user, async (callCtx) => {
        const recording = new Proxy(callCtx.tx, {
          get: (target, prop) =>
            prop === 'query'
              ? (sql: string, params: unknown[]) => {
                  if (/^SELECT (c\.id|count\(\*\) AS n FROM client)/.test(sql)) statements.push([sql, params]);
                  return target.query(sql, params);
                }
              : Reflect.get(target, prop),
      });
      const ctx = { ...callCtx, tx: recording };
      const filters = [{}, { office: 'werne' }, { phase: 'planning' }, { caseManagerId: '00000000-0000-4000-8000-000000000001' }, { expiringOnly: true }];
      for (const filter of filters) {
        for (const sort of ['name', 'updated', 'birthDate', 'statusExpiry'] as const) {
          for (const direction of ['asc', 'desc'] as const) {
            for (const offset of [0, 25]) {
              statements.length = 0;
              await listClients(ctx, clientListInput.parse({ ...filter, sort, direction, offset, limit: 10 }));
              expect(statements.length).toBeGreaterThan(0);
              for (const [sql, params] of statements) {
                const plan = ((await callCtx.tx.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail);
                const label = `${JSON.stringify({ ...filter, sort, direction, offset })}: ${sql} → ${plan.join(' | ')}`;
                // One index of the client table, holding every column the statement needs (the access scope too).
                expect(plan.filter((p) => / c /.test(p)), label).toEqual([expect.stringMatching(/^(SEARCH|SCAN) c USING COVERING INDEX ix_client_\w+( \(.*\))?$/)]);
                // Only the expiring filter (a range over few clients) sorts; every other page is read in order.
                if (!('expiringOnly' in filter) || sql.startsWith('SELECT count')) expect(plan, label).not.toContain('USE TEMP B-TREE FOR ORDER BY');
              }
            }
          }
        }
      }
      });
    } finally {
      await dataSource.destroy();
    }
  });

  it('0012: adds the partner directory to a vault of schema 11, searchable by the codes in its lists, and removes it again', async () => {
    const dir = join(tmp.dir, 'v11');
    const key = newDatabaseKey();
    const v11 = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, 11) });
    expect(v11.schemaVersion).toBe(11);
    expect(await v11.dataSource.query(`SELECT name FROM sqlite_master WHERE name LIKE 'partner%'`)).toEqual([]);
    await v11.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, 12) });
    try {
      expect(schemaVersion).toBe(12);
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'partner%' ORDER BY name`)) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(['partner', 'partner_contact', 'partner_proposal']);
      await dataSource.query(
        `INSERT INTO partner (id, name, kind, services, languages, offices, created_at, updated_at, version)
         VALUES ('00000000-0000-4000-8000-000000000012', 'VHS Lünen', 'sprachkurstraeger', '["childcare-during-course","integration-course"]', '["ar","de"]', '["lunen"]', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z', 1)`,
      );
      const found = await dataSource.query(`SELECT name FROM partner p WHERE EXISTS (SELECT 1 FROM json_each(p.services) WHERE value = 'integration-course') AND rechtskreise = '[]'`);
      expect(found).toEqual([{ name: 'VHS Lünen' }]);
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[11]!().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name LIKE 'partner%'`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('0013: adds referrals and the partner link of consents to a vault of schema 12 (old consents name no partner), and removes them again', async () => {
    const dir = join(tmp.dir, 'v12');
    const key = newDatabaseKey();
    const v12 = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, 12) });
    expect(v12.schemaVersion).toBe(12);
    // A consent row as schema 12 stored it; its client and account do not matter here.
    await v12.dataSource.query('PRAGMA foreign_keys = OFF');
    await v12.dataSource.query(
      `INSERT INTO consent (id, client_id, office, parties, agencies, categories, purpose, valid_from, form, recorded_by, created_at, updated_at, version)
       VALUES ('00000000-0000-4000-8000-000000000013', 'c1', 'lunen', '[]', '["Jobcenter Kreis Unna"]', '["master"]', 'Antrag', '2026-01-01', 'oral', 'a1', '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z', 1)`,
    );
    await v12.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, 13) });
    try {
      expect(schemaVersion).toBe(13);
      expect(await dataSource.query(`SELECT agencies, partner_ids FROM consent`)).toEqual([{ agencies: '["Jobcenter Kreis Unna"]', partner_ids: '[]' }]);
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'referral%' ORDER BY name`)) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(['referral', 'referral_event']);
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[12]!().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name LIKE 'referral%'`)).toEqual([]);
      expect(await dataSource.query(`SELECT agencies FROM consent`)).toEqual([{ agencies: '["Jobcenter Kreis Unna"]' }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('0014: adds case conferences to a vault of the schema before it, and removes them again', async () => {
    // Found by name, not position: 0013 (another feature) sits before it once both are merged.
    const at = MIGRATIONS.indexOf(CaseConferences1764000000014);
    expect(at).toBeGreaterThanOrEqual(12);
    const dir = join(tmp.dir, 'v-before-0014');
    const key = newDatabaseKey();
    const before = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, at) });
    expect(before.schemaVersion).toBe(at);
    expect(await before.dataSource.query(`SELECT name FROM sqlite_master WHERE name LIKE 'case_conference%'`)).toEqual([]);
    await before.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(schemaVersion).toBe(at + 1);
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'case_conference%' ORDER BY name`)) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(['case_conference', 'case_conference_action', 'case_conference_participant', 'case_conference_situation']);
      const runner = dataSource.createQueryRunner();
      try {
        await new CaseConferences1764000000014().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name LIKE 'case_conference%'`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('0015: adds structural findings to a vault of schema 14, and removes them again', async () => {
    const dir = join(tmp.dir, 'v14');
    const key = newDatabaseKey();
    const at = MIGRATIONS.findIndex((m) => m.name === 'StructuralFindings1764000000015');
    const before = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, at) });
    expect(await before.dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'structural_finding'`)).toEqual([]);
    await before.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(schemaVersion).toBe(at + 1);
      await dataSource.query(
        `INSERT INTO structural_finding (id, office, area, barrier, description, observed_in, recorded_by, created_at, updated_at, version)
         VALUES ('00000000-0000-4000-8000-000000000015', 'selm', 'language', 'no-place', 'Kein Kursplatz', '2026-11', 'x', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z', 1)`,
      );
      expect(await dataSource.query(`SELECT partner_id, withdrawn_at FROM structural_finding`)).toEqual([{ partner_id: null, withdrawn_at: null }]);
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[at]!().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'structural_finding'`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('0016: adds file hand-overs to a vault of schema 15, and removes them again', async () => {
    const dir = join(tmp.dir, 'v15');
    const key = newDatabaseKey();
    const at = MIGRATIONS.findIndex((m) => m.name === 'FileHandovers1764000000016');
    const before = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, at) });
    expect(await before.dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'file_handover'`)).toEqual([]);
    await before.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(schemaVersion).toBe(at + 1);
      // No foreign key to the client: the row outlives the old office's copy of the file.
      await dataSource.query(
        `INSERT INTO file_handover (id, client_id, from_office, to_office, consent_id, reason, handed_on, handed_by, created_at)
         VALUES ('00000000-0000-4000-8000-000000000016', 'gone', 'lunen', 'werne', 'k', 'moved', '2026-12-01', 'x', '2026-12-01T08:00:00.000Z')`,
      );
      expect(await dataSource.query(`SELECT accepted_at, accepted_by FROM file_handover`)).toEqual([{ accepted_at: null, accepted_by: null }]);
      const blobColumns = async () => ((await dataSource.query(`PRAGMA table_info(sync_blob)`)) as { name: string }[]).map((c) => c.name);
      expect(await blobColumns()).toContain('kept_until');
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[at]!().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'file_handover'`)).toEqual([]);
      expect(await blobColumns()).not.toContain('kept_until');
    } finally {
      await dataSource.destroy();
    }
  });

  it('0017: adds deletion requests and restriction marks to a vault of the schema before, and removes them again', async () => {
    const dir = join(tmp.dir, 'v17');
    const key = newDatabaseKey();
    const at = MIGRATIONS.findIndex((m) => m.name === 'RetentionAndDeletion1764000000017');
    const before = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, at) });
    expect(await before.dataSource.query(`SELECT name FROM sqlite_master WHERE name IN ('deletion_request', 'client_restriction')`)).toEqual([]);
    await before.dataSource.query(
      `INSERT INTO client (id, office, family_name, given_names, alternative_names, gender, nationalities, languages, sort_name, created_at, updated_at, version)
       VALUES ('00000000-0000-4000-8000-000000000017', 'werne', 'Beispiel', 'Berta', '[]', 'female', '[]', '[]', 'beispiel berta', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z', 1)`,
    );
    await before.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false, migrations: MIGRATIONS.slice(0, at + 1) });
    try {
      expect(schemaVersion).toBe(at + 1);
      await dataSource.query(
        `INSERT INTO deletion_request (id, client_id, office, ground, status, requested_by, requested_at, version)
         VALUES ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000017', 'werne', 'retention', 'pending', 'x', '2026-11-01T08:00:00.000Z', 1)`,
      );
      await dataSource.query(
        `INSERT INTO client_restriction (id, client_id, reason, restricted_by, restricted_at)
         VALUES ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000017', 'Richtigkeit bestritten', 'x', '2026-11-01T08:00:00.000Z')`,
      );
      // One mark per file; the mark goes with the file, the request outlives it.
      await expect(
        dataSource.query(
          `INSERT INTO client_restriction (id, client_id, reason, restricted_by, restricted_at)
           VALUES ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-000000000017', 'zweimal', 'x', '2026-11-01T08:00:00.000Z')`,
        ),
      ).rejects.toThrow(/UNIQUE/);
      await dataSource.query(`DELETE FROM client WHERE id = '00000000-0000-4000-8000-000000000017'`);
      expect(await dataSource.query(`SELECT COUNT(*) AS n FROM client_restriction`)).toEqual([{ n: 0 }]);
      expect(await dataSource.query(`SELECT archive, reason, status FROM deletion_request`)).toEqual([{ archive: null, reason: null, status: 'pending' }]);
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[at]!().down(runner);
      } finally {
        await runner.release();
      }
      expect(await dataSource.query(`SELECT name FROM sqlite_master WHERE name IN ('deletion_request', 'client_restriction')`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('0018: widens the indexes the statistics read, keeping every lookup by client or case on an index, and narrows them again', async () => {
    const dir = join(tmp.dir, 'v18');
    const key = newDatabaseKey();
    const at = MIGRATIONS.findIndex((m) => m.name === 'StatisticsIndexes1764000000018');
    const { dataSource } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.slice(0, at + 1) });
    const names = async () => ((await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name`)) as { name: string }[]).map((r) => r.name);
    const plan = async (sql: string) => ((await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const lookups = [
      `SELECT * FROM kim_case WHERE client_id = 'x'`,
      `SELECT * FROM residence_status WHERE client_id = 'x'`,
      `SELECT * FROM goal WHERE case_id = 'x'`,
      `SELECT * FROM follow_up WHERE case_id = 'x'`,
    ];
    try {
      expect(await names()).toEqual(expect.arrayContaining(['ix_case_client_dates', 'ix_residence_client_from', 'ix_goal_case_status', 'ix_follow_up_case_due', 'ix_assessment_case_need']));
      expect(await names()).not.toEqual(expect.arrayContaining(['ix_case_client']));
      for (const sql of lookups) expect(await plan(sql), sql).toMatch(/SEARCH \w+ USING INDEX ix_\w+ \((client|case)_id=\?\)/);
      expect(await plan(`SELECT need FROM assessment WHERE case_id = 'x' AND need = 'urgent'`)).toContain('COVERING INDEX ix_assessment_case_need');
      const runner = dataSource.createQueryRunner();
      try {
        await new MIGRATIONS[at]!().down(runner);
      } finally {
        await runner.release();
      }
      const after = await names();
      expect(after).toEqual(expect.arrayContaining(['ix_case_client', 'ix_residence_client', 'ix_goal_case', 'ix_follow_up_case']));
      expect(after.filter((n) => ['ix_case_client_dates', 'ix_residence_client_from', 'ix_goal_case_status', 'ix_follow_up_case_due', 'ix_assessment_case_need'].includes(n))).toEqual([]);
      for (const sql of lookups) expect(await plan(sql), sql).toMatch(/SEARCH \w+ USING INDEX ix_\w+ \((client|case)_id=\?\)/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('applies a migration that a vault skipped (two branches merged out of number order) on the next open', async () => {
    // The one before 0014 (0012 in its own branch, 0013 once merged) left out, as a vault of the other branch had it.
    const at = MIGRATIONS.indexOf(CaseConferences1764000000014);
    const skipped = MIGRATIONS[at - 1]!;
    const dir = join(tmp.dir, 'v-skipped');
    const key = newDatabaseKey();
    const partial = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: true, migrations: MIGRATIONS.filter((m) => m !== skipped) });
    expect(partial.schemaVersion).toBe(MIGRATIONS.length - 1);
    await partial.dataSource.destroy();
    const { dataSource, schemaVersion } = await openVaultDatabase({ entities: VAULT_ENTITIES, path: join(dir, 'vault.db'), key, create: false });
    try {
      expect(schemaVersion).toBe(SCHEMA_VERSION);
      const names = (await dataSource.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[];
      expect(names.at(-1)!.name).toBe(skipped.name);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a database written by a newer app version and leaves it untouched', async () => {
    const dir = join(tmp.dir, 'future');
    const { recoveryKey, core } = await setupVault(dir);
    await call(core, 'session.lock');
    const raw = openRawVault(dir, recoveryKey);
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
