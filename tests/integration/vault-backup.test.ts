import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { restoreVault, type RestoreRequest } from '../../electron/core/api/session/vault-restore';
import { backupAsAdministrator } from '../../electron/core/api/session/vault-backup';
import { AppError } from '../../electron/core/contract/errors';
import { BACKUP_MAGIC, readBackupEntries, readBackupHeader } from '../../electron/core/platform/vault/backup-format';
import { hasPlaintextHeader, loadSqliteDriver, openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { kimAkte, kimAkteChild } from '../helpers/cli';
import { CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, openCore, setupVault, tempDir } from '../helpers/temp-vault';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR Bescheid')]).toString('base64');
const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const account = (passphrase = ADMIN_PASSPHRASE): RestoreRequest['credential'] => ({ kind: 'account', login: 'admin', passphrase });

/** Every file of a folder with its digest: "nothing lost" means this is unchanged after a refused restore. */
function folderDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${f}/`);
      else out[`${prefix}${f}`] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

async function restoreError(req: RestoreRequest): Promise<string> {
  try {
    await restoreVault(req);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

async function clientNames(dir: string): Promise<string[]> {
  const core = openCore({ dataDir: dir });
  await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
  const names: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await call(core, 'clients.list', { offset, limit: 200 });
    names.push(...page.rows.map((r) => r.familyName));
    if (page.rows.length < 200) break;
  }
  await core.close();
  return names.sort();
}

describe('backup and restore of a vault (issue 13)', () => {
  const tmp = tempDir('kim-akte-backup-');
  let dir: string;
  let core: CoreDispatcher;
  let recoveryKey: string;
  const written: string[] = [];
  let beforeBackup = 0;
  let backupFile: string;

  beforeAll(async () => {
    dir = join(tmp.dir, 'vault');
    ({ core, recoveryKey } = await setupVault(dir));
    await enrolAccount(core, ADMIN, CASE_MANAGER);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
    const client = await call(core, 'clients.create', clientInput('Dokument', 'Dora'));
    await call(core, 'documents.upload', { clientId: client.id, fileName: 'bescheid.png', mimeType: 'image/png', category: 'notice', contentBase64: PNG });
    written.push('Dokument');
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('takes a consistent copy while another process keeps writing: the restored vault verifies and holds a prefix of the writes, every one committed before the backup began', async () => {
    for (let i = 0; i < 20; i++) {
      await call(core, 'clients.create', clientInput(`Vorher${String(i).padStart(4, '0')}`, 'Anna'));
      written.push(`Vorher${String(i).padStart(4, '0')}`);
    }
    beforeBackup = written.length;
    backupFile = join(tmp.dir, 'during-writes.kimbackup');
    const child = kimAkteChild(['backup', '--data-dir', dir, '--user', 'admin', '--to', backupFile], ADMIN_PASSPHRASE);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    // Interleaved writes of the app (this process) for as long as the backup runs in the other process.
    let i = 0;
    while (running) {
      const name = `Waehrend${String(i++).padStart(4, '0')}`;
      await call(core, 'clients.create', clientInput(name, 'Berta'));
      written.push(name);
      // Calls settle in microtasks: give the child's exit event its turn.
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited, stderr).toBe(0);
    expect(stdout).toContain('Backup written and verified');
    expect(i).toBeGreaterThan(0);

    const target = join(tmp.dir, 'restored-during');
    const result = await restoreVault({ from: backupFile, dataDir: target, force: false, credential: account(), now: new Date() });
    expect(result.replaced).toBe('none');
    const restored = await clientNames(target);
    // A consistent snapshot of sequential writes is a prefix of them; everything committed before the backup is in it.
    expect(restored.length).toBeGreaterThanOrEqual(beforeBackup);
    expect(restored).toEqual(written.slice(0, restored.length).sort());
    const restoredCore = openCore({ dataDir: target });
    await call(restoredCore, 'session.unlock', ADMIN);
    const audit = await call(restoredCore, 'audit.verify', {});
    expect(audit.firstBreak).toBeNull();
    const actions = (await call(restoredCore, 'audit.list', { limit: 50, offset: 0 })).rows.map((r) => r.action);
    expect(actions).toContain('vault.restore');
    await restoredCore.close();
  }, 120_000);

  it('stays encrypted: the file holds no clear text, the database inside is SQLCipher under the vault key, and SQLite’s backup API refuses an unkeyed copy', async () => {
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 8).equals(BACKUP_MAGIC)).toBe(true);
    for (const clear of ['Vorher0001', 'SQLite format 3', CASE_MANAGER.displayName, 'Anna']) expect(bytes.includes(Buffer.from(clear))).toBe(false);
    const { header } = readBackupHeader(backupFile);
    expect(header.version).toBe(1);
    expect(JSON.stringify(header)).not.toContain('Vorher');

    const key = databaseKeyForRecoveryKey({ dataDir: dir }, recoveryKey);
    const out = join(tmp.dir, 'inspect');
    mkdirSync(out);
    const names: string[] = [];
    let db = Buffer.alloc(0);
    readBackupEntries(backupFile, key, {
      begin: (name) => names.push(name),
      data: (p) => {
        if (names.at(-1) === 'vault.db') db = Buffer.concat([db, p]);
      },
      end: () => undefined,
    });
    expect(names).toEqual(expect.arrayContaining(['vault.db', 'keyring.json', 'audit-head.json']));
    writeFileSync(join(out, 'vault.db'), db);
    expect(hasPlaintextHeader(join(out, 'vault.db'))).toBe(false);
    expect(db.includes(Buffer.from('Vorher0001'))).toBe(false);
    const Database = loadSqliteDriver();
    const unkeyed = new Database(join(out, 'vault.db'));
    expect(() => unkeyed.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    unkeyed.close();
    const keyed = openRawEncrypted(join(out, 'vault.db'), key);
    expect(keyed.pragma('integrity_check', { simple: true })).toBe('ok');
    // Why the copy is taken with VACUUM INTO: better-sqlite3's db.backup() opens the target without a key, and the
    // cipher refuses to copy an encrypted database into it (rather than writing it out in clear).
    await expect(keyed.backup(join(out, 'plain-copy.db'))).rejects.toThrow(/incompatible/);
    keyed.close();
    key.fill(0);
  });

  it('refuses to restore over a newer vault without --force, and with --force keeps the replaced vault aside', async () => {
    await call(core, 'clients.create', clientInput('Nachher0001', 'Carla'));
    await call(core, 'session.lock');
    const before = folderDigest(dir);
    expect(await restoreError({ from: backupFile, dataDir: dir, force: false, credential: account(), now: new Date() })).toBe('backup.targetNewer');
    expect(folderDigest(dir)).toEqual(before);

    const cli = kimAkte(['restore', '--from', backupFile, '--data-dir', dir, '--user', 'admin'], ADMIN_PASSPHRASE);
    expect(cli.code).toBe(13);
    expect(cli.stderr).toContain('newer than the backup');
    expect(folderDigest(dir)).toEqual(before);

    const forced = kimAkte(['restore', '--from', backupFile, '--data-dir', dir, '--user', 'admin', '--force'], ADMIN_PASSPHRASE);
    expect(forced.code, forced.stderr).toBe(0);
    const aside = /kept in (\S+);/.exec(forced.stdout)?.[1];
    expect(aside && existsSync(join(aside, 'vault.db'))).toBe(true);
    expect(await clientNames(dir)).not.toContain('Nachher0001');
    expect(await clientNames(aside!)).toContain('Nachher0001');
    core = openCore({ dataDir: dir });
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
  }, 120_000);

  it('restores over a vault that is behind the backup (an older copy put back) without --force', async () => {
    const target = join(tmp.dir, 'behind');
    await restoreVault({ from: backupFile, dataDir: target, force: false, credential: account(), now: new Date() });
    const later = join(tmp.dir, 'later.kimbackup');
    await backupAsAdministrator({ dataDir: dir }, ADMIN, later, '0.1.0', new Date());
    const again = await restoreVault({ from: later, dataDir: target, force: false, credential: account(), now: new Date() });
    expect(again.replaced).toBe('not-newer');
    expect(again.keptAside).toBeNull();
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('behind.replaced-'))).toEqual([]);
    expect(await clientNames(target)).toEqual(await clientNames(dir));
  }, 60_000);

  it('refuses tampered, truncated, foreign and wrongly unlocked backups with clear errors, changing nothing', async () => {
    await call(core, 'session.lock');
    const target = join(tmp.dir, 'tamper-target');
    await restoreVault({ from: backupFile, dataDir: target, force: false, credential: account(), now: new Date() });
    const before = folderDigest(target);
    const original = readFileSync(backupFile);
    const variant = (name: string, bytes: Buffer) => {
      const p = join(tmp.dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const { dataStart } = readBackupHeader(backupFile);
    const flipped = Buffer.from(original);
    flipped.writeUInt8(flipped.readUInt8(dataStart + 1004) ^ 0x01, dataStart + 1004);
    const headerChanged = Buffer.from(original.toString('latin1').replace('"appVersion":"', '"appVersion":"9'), 'latin1');
    const cases: [string, Buffer, RestoreRequest['credential'], string][] = [
      ['flipped.kimbackup', flipped, account(), 'backup.altered'],
      ['header.kimbackup', headerChanged, account(), 'backup.altered'],
      ['cut-in-chunk.kimbackup', original.subarray(0, original.length - 100), account(), 'backup.truncated'],
      ['not-a-backup.kimbackup', Buffer.from('PK\u0003\u0004 some zip file'), account(), 'backup.notBackup'],
      ['future.kimbackup', Buffer.concat([Buffer.from('KIMBKUP9'), original.subarray(8)]), account(), 'backup.unsupportedVersion'],
      ['empty.kimbackup', Buffer.alloc(0), account(), 'backup.truncated'],
      ['wrong-passphrase.kimbackup', original, account('Falsche Passphrase am Kanal 2026'), 'unlock.failed'],
      ['wrong-recovery.kimbackup', original, { kind: 'recovery', recoveryKey: recoveryKey.replace(/^[0-9A-F]/, (c) => (c === 'A' ? 'B' : 'A')) }, 'recoveryKey.invalid'],
    ];
    for (const [name, bytes, credential, code] of cases) {
      expect(await restoreError({ from: variant(name, bytes), dataDir: target, force: true, credential, now: new Date() }), name).toBe(code);
      expect(folderDigest(target), name).toEqual(before);
    }
    // A chunk cut off at a chunk boundary is a truncation too: make a multi-chunk backup and drop its last chunk.
    const cli = kimAkte(['restore', '--from', variant('flipped-cli.kimbackup', flipped), '--data-dir', target, '--user', 'admin', '--force'], ADMIN_PASSPHRASE);
    expect(cli.code).toBe(6);
    expect(cli.stderr).toContain('altered or damaged');
    expect(folderDigest(target)).toEqual(before);
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
  }, 120_000);

  it('lets only an IT administrator back up and restore; the recovery key restores too', async () => {
    const denied = kimAkte(['backup', '--data-dir', dir, '--user', CASE_MANAGER.login, '--to', join(tmp.dir, 'fm.kimbackup')], CASE_MANAGER.passphrase);
    expect(denied.code).toBe(1);
    expect(existsSync(join(tmp.dir, 'fm.kimbackup'))).toBe(false);
    await call(core, 'session.lock');
    const asCaseManager = { kind: 'account' as const, login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase };
    expect(await restoreError({ from: backupFile, dataDir: join(tmp.dir, 'fm-target'), force: false, credential: asCaseManager, now: new Date() })).toBe('backup.notAdmin');
    expect(existsSync(join(tmp.dir, 'fm-target'))).toBe(false);
    const viaRecovery = await restoreVault({ from: backupFile, dataDir: join(tmp.dir, 'recovery-target'), force: false, credential: { kind: 'recovery', recoveryKey }, now: new Date() });
    expect(viaRecovery.auditEntries).toBeGreaterThan(0);
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
  }, 120_000);

  it('never overwrites an existing backup file and refuses a relative path', async () => {
    const admin = openCore({ dataDir: dir });
    await call(admin, 'session.unlock', ADMIN);
    const exists = await admin.dispatch('vault.backup', { to: backupFile });
    expect(!exists.ok && exists.error.code).toBe('backup.targetExists');
    const relative = await admin.dispatch('vault.backup', { to: 'relative.kimbackup' });
    expect(!relative.ok && relative.error.code).toBe('validation.invalid');
    await admin.close();
  }, 60_000);

  it('gives the CLI’s usual exit codes: no vault 4, wrong passphrase 3, no credential for restore 2', () => {
    const none = kimAkte(['backup', '--data-dir', join(tmp.dir, 'nothing-here'), '--user', 'admin', '--to', join(tmp.dir, 'x.kimbackup')], ADMIN_PASSPHRASE);
    expect(none.code).toBe(4);
    const wrong = kimAkte(['backup', '--data-dir', dir, '--user', 'admin', '--to', join(tmp.dir, 'y.kimbackup')], 'Falsche Passphrase am Kanal 2026');
    expect(wrong.code).toBe(3);
    expect(existsSync(join(tmp.dir, 'y.kimbackup'))).toBe(false);
    const noCredential = kimAkte(['restore', '--from', backupFile, '--data-dir', join(tmp.dir, 'z')]);
    expect(noCredential.code).toBe(2);
    expect(noCredential.stderr).toContain('--recovery-key');
  }, 60_000);

  it('detects a backup cut at a chunk boundary', async () => {
    const { dataStart } = readBackupHeader(backupFile);
    const original = readFileSync(backupFile);
    // The first chunk's length prefix tells where the second begins; keep exactly the first chunk.
    const firstLength = original.readUInt32BE(dataStart);
    if (dataStart + 4 + firstLength + 16 >= original.length) return; // a single-chunk backup has no inner boundary
    const cut = join(tmp.dir, 'cut-at-boundary.kimbackup');
    writeFileSync(cut, original.subarray(0, dataStart + 4 + firstLength + 16));
    expect(await restoreError({ from: cut, dataDir: join(tmp.dir, 'cut-target'), force: false, credential: account(), now: new Date() })).toBe('backup.truncated');
    truncateSync(cut, 0);
  });
});
