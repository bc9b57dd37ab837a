import { existsSync, mkdirSync, openSync, closeSync, writeSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { HealthFinding, HealthReport } from '../../electron/core/contract/types/health-types';
import { QUARANTINE_FOLDER } from '../../electron/core/contract/health-domain';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, switchUser, tempDir } from '../helpers/temp-vault';
import { caseWorkerVault, CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { kimAkte } from '../helpers/cli';

/**
 * The health check (issue 13 item 4): each injected fault on a real vault on disk is found, with its code, and the
 * repair moves orphaned document files into the quarantine folder without deleting anything.
 */
const PDF = Buffer.from('%PDF-1.4\n% Bescheid des Jobcenters\n%%EOF\n').toString('base64');
const HOUR = 3_600_000;

const codes = (r: HealthReport) => r.findings.map((f) => f.code).sort();
const finding = (r: HealthReport, code: string) => r.findings.find((f) => f.code === code);

async function asAdmin(core: CoreDispatcher): Promise<void> {
  await switchUser(core, 'admin', ADMIN_PASSPHRASE);
}

function setSetting(dir: string, recoveryKey: string, key: string, value: string): void {
  const db = openRawVault(dir, recoveryKey);
  try {
    db.prepare('INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)').run(key, value);
  } finally {
    db.close();
  }
}

function doctor(dir: string, extra: string[] = [], env: Record<string, string> = {}) {
  const r = kimAkte(['doctor', '--data-dir', dir, '--user', 'admin', '--json', ...extra], ADMIN_PASSPHRASE, env);
  const parsed = r.stdout ? (JSON.parse(r.stdout) as { report: Omit<HealthReport, 'findings'> & { findings: (HealthFinding & { message: string; fix: string })[] }; repair: { quarantined: number; folder: string | null } | null }) : null;
  return { ...r, parsed };
}

describe('health check (system.health, kim-akte doctor)', () => {
  const tmp = tempDir('kim-akte-health-');
  const dir = join(tmp.dir, 'vault');
  let core: CoreDispatcher;
  let recoveryKey: string;
  let fileIds: string[];
  afterAll(() => tmp.cleanup());

  beforeAll(async () => {
    mkdirSync(dir);
    const v = await caseWorkerVault(dir);
    core = v.core;
    recoveryKey = v.recoveryKey;
    const client = await call(core, 'clients.create', clientInput('Okonkwo', 'Adaeze'));
    await call(core, 'documents.upload', { clientId: client.id, fileName: 'Bescheid.pdf', mimeType: 'application/pdf', category: 'notice', contentBase64: PDF });
    await call(core, 'documents.upload', { clientId: client.id, fileName: 'Pass.pdf', mimeType: 'application/pdf', category: 'identity', contentBase64: PDF });
    fileIds = readdirSync(join(dir, 'documents'));
    expect(fileIds).toHaveLength(2);
    await asAdmin(core);
  }, 60_000);

  it('is for IT administration only: a case manager is refused (the access matrix checks every role and the audit)', async () => {
    await switchUser(core, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    expect(await core.dispatch('system.health', { scope: 'quick' })).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    expect(await core.dispatch('system.repair', {})).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
    await asAdmin(core);
    expect(await core.dispatch('system.health', { scope: 'slow' })).toMatchObject({ ok: false, error: { code: 'validation.invalid' } });
  });

  it('a fresh vault: all checks pass but the missing backup, the share check is skipped outside a network', async () => {
    const quick = await call(core, 'system.health', { scope: 'quick' });
    expect(quick.checks.map((c) => c.check)).toEqual(['policy', 'schemaVersion', 'diskSpace', 'share', 'backup']);
    expect(quick.checks.find((c) => c.check === 'share')?.state).toBe('skipped');
    const full = await call(core, 'system.health', { scope: 'full' });
    expect(full.checks).toHaveLength(9);
    // A CI disk may be small: only the backup finding is certain, a disk finding is allowed.
    expect(codes(full).filter((c) => !c.startsWith('health.disk'))).toEqual(['health.backupNone']);
    expect(finding(full, 'health.backupNone')?.severity).toBe('warning');
  });

  it('reports the age of the last backup the backup recorded (setting backup.last)', async () => {
    await call(core, 'session.lock');
    setSetting(dir, recoveryKey, 'backup.last', JSON.stringify({ at: new Date(Date.now() - 2 * HOUR).toISOString(), file: 'kim-akte-2026-12-01.kimbackup', bytes: 1234 }));
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(finding(await call(core, 'system.health', { scope: 'quick' }), 'health.backupNone')).toBeUndefined();
    await call(core, 'session.lock');
    setSetting(dir, recoveryKey, 'backup.last', JSON.stringify({ at: new Date(Date.now() - 200 * HOUR).toISOString(), file: 'x.kimbackup', bytes: 1 }));
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(finding(await call(core, 'system.health', { scope: 'quick' }), 'health.backupOld')?.params).toEqual({ ageHours: 200, maxHours: 168 });
    // A scheduled backup that failed since (the schedule records its code) is a finding of its own.
    await call(core, 'session.lock');
    setSetting(dir, recoveryKey, 'backup.lastFailure', JSON.stringify({ at: new Date().toISOString(), code: 'backup.folderUnavailable' }));
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    const failed = await call(core, 'system.health', { scope: 'quick' });
    expect(finding(failed, 'health.backupFailed')).toEqual({ check: 'backup', code: 'health.backupFailed', severity: 'warning', params: { error: 'backup.folderUnavailable' } });
    expect(codes(failed)).toContain('health.backupOld');
  });

  it('finds an orphaned document file and a document whose file is missing; a file still being written is no orphan', async () => {
    const old = Date.now() / 1000 - 3600;
    writeFileSync(join(dir, 'documents', 'a'.repeat(32)), 'ciphertext of an upload that never committed');
    utimesSync(join(dir, 'documents', 'a'.repeat(32)), old, old);
    writeFileSync(join(dir, 'documents', 'b'.repeat(32)), 'an upload in flight');
    unlinkSync(join(dir, 'documents', fileIds[0]!));
    const full = await call(core, 'system.health', { scope: 'full' });
    expect(finding(full, 'health.orphanedFiles')).toMatchObject({ check: 'documents', severity: 'warning', params: { count: 1 } });
    expect(finding(full, 'health.missingFiles')).toMatchObject({ check: 'documents', severity: 'critical', params: { count: 1 } });
    expect(JSON.stringify(full)).not.toContain('a'.repeat(32));
  });

  it('doctor --repair moves the orphan into the quarantine folder (nothing deleted) and reports what is left', async () => {
    await core.close();
    const r = doctor(dir, ['--repair']);
    expect(r.stderr).toMatch(/finding\(s\) need attention/);
    expect(r.code).toBe(12);
    expect(r.parsed!.repair!.quarantined).toBe(1);
    const moved = join(dir, r.parsed!.repair!.folder!, 'a'.repeat(32));
    expect(readdirSync(join(dir, QUARANTINE_FOLDER))).toHaveLength(1);
    expect(existsSync(moved)).toBe(true);
    expect(existsSync(join(dir, 'documents', 'a'.repeat(32)))).toBe(false);
    expect(existsSync(join(dir, 'documents', 'b'.repeat(32)))).toBe(true);
    const report = r.parsed!.report;
    expect(report.findings.map((f) => f.code)).toContain('health.missingFiles');
    expect(report.findings.map((f) => f.code)).toContain('health.quarantineNotEmpty');
    expect(report.findings.map((f) => f.code)).not.toContain('health.orphanedFiles');
    const missing = report.findings.find((f) => f.code === 'health.missingFiles')!;
    expect(missing.message).toBe('1 document(s) have no file in the documents folder.');
    expect(missing.fix).toMatch(/Restore the documents folder/);
  }, 60_000);

  it('finds a broken audit chain and names the entry', async () => {
    const db = openRawVault(dir, recoveryKey);
    db.prepare(`UPDATE audit_entry SET action = 'clients.delete' WHERE id = 7`).run();
    db.close();
    const c = openCore({ dataDir: dir });
    await call(c, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    const full = await call(c, 'system.health', { scope: 'full' });
    expect(finding(full, 'health.auditBroken')).toMatchObject({ severity: 'critical', params: { entry: 7 } });
    await c.close();
  });

  it('finds a damaged page of vault.db (cipher page check) and the structure check fails with it', async () => {
    const d = join(tmp.dir, 'damaged');
    mkdirSync(d);
    const v = await caseWorkerVault(d);
    for (let i = 0; i < 40; i++) await call(v.core, 'clients.create', clientInput(`Familie${i}`, 'Test'));
    await v.core.close();
    // Pages written last hold clients and their index entries, not the accounts unlocking reads.
    const db = openRawVault(d, v.recoveryKey);
    db.exec('CREATE TABLE doctor_filler (x TEXT)');
    const ins = db.prepare('INSERT INTO doctor_filler VALUES (?)');
    for (let i = 0; i < 400; i++) ins.run('x'.repeat(200) + i);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(d, 'vault.db');
    const pages = statSync(file).size / 4096;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, (pages - 3) * 4096 + 300);
    closeSync(fd);
    const r = doctor(d);
    expect(r.stderr).toMatch(/need attention/);
    expect(r.code).toBe(12);
    const found = r.parsed!.report.findings;
    expect(found.find((f) => f.code === 'health.cipherDamaged')).toMatchObject({ severity: 'critical', params: { count: 1 } });
    expect(found.map((f) => f.code)).toContain('health.integrityFailed');
  }, 120_000);

  it('finds an unreachable share of the sync network', async () => {
    const d = join(tmp.dir, 'networked');
    const share = join(tmp.dir, 'share');
    mkdirSync(d);
    mkdirSync(share);
    const v = await caseWorkerVault(d);
    await asAdmin(v.core);
    await call(v.core, 'network.create', { share });
    const ok = await call(v.core, 'system.health', { scope: 'quick' });
    expect(ok.checks.find((c) => c.check === 'share')?.state).toBe('ok');
    rmSync(share, { recursive: true });
    const offline = await call(v.core, 'system.health', { scope: 'quick' });
    expect(offline.checks.find((c) => c.check === 'share')?.state).toBe('finding');
    expect(finding(offline, 'health.shareMissing')?.severity).toBe('warning');
    await v.core.close();
  });

  it('finds a policy file IT changed into an invalid one since the start', async () => {
    const policy = join(tmp.dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ sync: { intervalSeconds: 5 } }));
    const c = openCore({ dataDir: dir });
    await call(c, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    process.env.KIM_AKTE_POLICY_FILE = policy;
    try {
      const quick = await call(c, 'system.health', { scope: 'quick' });
      expect(finding(quick, 'health.policyInvalid')).toMatchObject({ severity: 'critical', params: { key: 'sync.intervalSeconds' } });
    } finally {
      delete process.env.KIM_AKTE_POLICY_FILE;
      await c.close();
    }
  });

  it('doctor with an invalid policy file reports it and opens no data', () => {
    const policy = join(tmp.dir, 'policy-unknown-key.json');
    writeFileSync(policy, JSON.stringify({ dataFolder: '/srv/kim', logz: {} }));
    const r = doctor(dir, [], { KIM_AKTE_POLICY_FILE: policy });
    expect(r.code).toBe(12);
    expect(r.parsed!.report.findings).toEqual([
      expect.objectContaining({ code: 'health.policyInvalid', severity: 'critical', params: { key: 'logz', rule: 'unknown key' } }),
    ]);
    expect(r.parsed!.report.findings[0]!.message).toContain('key logz');
  });

  it('prints a readable report with a fix per finding', () => {
    const r = kimAkte(['doctor', '--data-dir', dir, '--user', 'admin'], ADMIN_PASSPHRASE);
    expect(r.code).toBe(12);
    expect(r.stdout).toMatch(/^ok {5}  policy \(\d+ ms\)$/m);
    expect(r.stdout).toMatch(/^\[critical\] health\.missingFiles: 1 document\(s\) have no file in the documents folder\.\n {2}Fix: /m);
    expect(r.stdout).toMatch(/^\[critical\] health\.auditBroken: The audit trail is broken at entry #7\.$/m);
  });
});
