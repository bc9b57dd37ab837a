import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy } from '../../electron/core/contract/machine-policy';
import { EXPORT_METHOD_KINDS } from '../../electron/core/contract/export-methods';
import type { PolicySources } from '../../electron/core/contract/machine-policy-keys';
import { POLICY_FILE_ENV } from '../../electron/core/platform/policy/machine-policy';
import { resolveDataDirectory } from '../../electron/core/api/data-folder';
import { CASE_MANAGER } from '../helpers/case-worker';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, closeCores, openCore, openCores, setupVault, tempDir } from '../helpers/temp-vault';

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const MONTH = { from: '2026-11-01', to: '2026-11-30' };

function policyWith(overrides: Partial<MachinePolicy>): MachinePolicy {
  return { ...DEFAULT_MACHINE_POLICY, ...overrides };
}

describe('the machine policy applied by the core (issue 13, item 1)', () => {
  const tmp = tempDir('kim-akte-policy-apply-');
  const dataDir = join(tmp.dir, 'vault');
  /** A dispatcher over the Lünen test vault under `policy`, unlocked as `who` (or locked). */
  const coreUnder = async (policy: MachinePolicy, sources: PolicySources = {}, who: { login: string; passphrase: string } | null = ADMIN) => {
    const core = openCore({ dataDir, policy, policySources: sources });
    if (who) await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
    return core;
  };

  beforeAll(async () => {
    const { core } = await setupVault(dataDir);
    await enrolAccount(core, ADMIN, CASE_MANAGER);
    await core.close();
  });
  afterAll(async () => {
    await closeCores(openCores.inTest);
    tmp.cleanup();
  });

  it('refuses a vault of another office at start, with both offices named, and opens nothing', async () => {
    const core = await coreUnder(policyWith({ office: 'werne' }), { office: 'file' }, null);
    const refused = { ok: false, error: { code: 'policy.officeMismatch', params: { vaultOffice: 'lunen', policyOffice: 'werne' } } };
    expect(await core.dispatch('vault.status', {})).toEqual(refused);
    expect(await core.dispatch('session.unlock', ADMIN)).toEqual(refused);
    expect(core.isUnlocked).toBe(false);
    // The vault's own office is fine.
    const own = await coreUnder(policyWith({ office: 'lunen' }), { office: 'file' }, null);
    expect(await call(own, 'vault.status')).toMatchObject({ state: 'locked', office: 'lunen' });
    await call(own, 'session.unlock', ADMIN);
    await call(own, 'session.lock');
  });

  it('sets up a new workstation only for the policy office', async () => {
    const fresh = openCore({ dataDir: join(tmp.dir, 'fresh'), policy: policyWith({ office: 'selm' }), policySources: { office: 'file' } });
    const setup = { office: 'werne', adminLogin: 'it.neu', adminName: 'Ina Neu', passphrase: ADMIN_PASSPHRASE };
    expect(await fresh.dispatch('vault.setup', setup)).toMatchObject({ ok: false, error: { code: 'policy.officeMismatch', params: { vaultOffice: 'werne', policyOffice: 'selm' } } });
    expect(await call(fresh, 'vault.status')).toMatchObject({ state: 'uninitialised' });
    await call(fresh, 'vault.setup', { ...setup, office: 'selm' });
    expect(await call(fresh, 'vault.status')).toMatchObject({ state: 'unlocked', office: 'selm' });
  });

  it('caps the idle lock at maxIdleMinutes, takes the policy default, and refuses changes when IT fixed it', async () => {
    const capped = await coreUnder(policyWith({ lock: { idleMinutes: 7, maxIdleMinutes: 30 } }), { 'lock.maxIdleMinutes': 'file' });
    expect(await call(capped, 'settings.get')).toEqual({ idleLockMinutes: 7, maxIdleLockMinutes: 30, idleLockFixed: false });
    expect(await capped.dispatch('settings.update', { idleLockMinutes: 45 })).toEqual({ ok: false, error: { code: 'policy.idleAboveMax', params: { maximum: 30 } } });
    expect(await call(capped, 'settings.get')).toMatchObject({ idleLockMinutes: 7 });
    expect(await call(capped, 'settings.update', { idleLockMinutes: 30 })).toEqual({ idleLockMinutes: 30, maxIdleLockMinutes: 30, idleLockFixed: false });
    expect(await call(capped, 'vault.status')).toMatchObject({ idleLockMinutes: 30 });
    const trail = await call(capped, 'audit.list', { action: 'settings.update', limit: 10 });
    expect(trail.rows.map((e) => e.outcome)).toEqual(['ok']);
    await call(capped, 'session.lock');

    // A lower cap later: the stored 30 is held to it.
    const lower = await coreUnder(policyWith({ lock: { idleMinutes: 5, maxIdleMinutes: 15 } }), { 'lock.maxIdleMinutes': 'registry' });
    expect(await call(lower, 'settings.get')).toEqual({ idleLockMinutes: 15, maxIdleLockMinutes: 15, idleLockFixed: false });
    await call(lower, 'session.lock');

    const fixed = await coreUnder(policyWith({ lock: { idleMinutes: 5, maxIdleMinutes: 60 } }), { 'lock.idleMinutes': 'registry' });
    expect(await call(fixed, 'settings.get')).toEqual({ idleLockMinutes: 5, maxIdleLockMinutes: 60, idleLockFixed: true });
    expect(await fixed.dispatch('settings.update', { idleLockMinutes: 3 })).toEqual({ ok: false, error: { code: 'policy.settingLocked', params: { key: 'lock.idleMinutes' } } });
    expect(await call(fixed, 'vault.status')).toMatchObject({ idleLockMinutes: 5 });
    await call(fixed, 'session.lock');
  });

  it('refuses every export of a kind IT left out, before the handler runs, and lets the others through', async () => {
    const pdfOnly = await coreUnder(policyWith({ exports: { allowed: ['pdf'] } }), { 'exports.allowed': 'file' }, CASE_MANAGER);
    for (const method of ['statistics.exportCsv', 'statistics.exportXlsx'] as const) {
      expect(await pdfOnly.dispatch(method, MONTH)).toEqual({ ok: false, error: { code: 'policy.exportNotAllowed', params: { kind: EXPORT_METHOD_KINDS[method] } } });
    }
    expect(await pdfOnly.dispatch('statistics.print', MONTH)).toMatchObject({ ok: true });
    await call(pdfOnly, 'session.lock');

    const none = await coreUnder(policyWith({ exports: { allowed: [] } }), { 'exports.allowed': 'registry' }, CASE_MANAGER);
    expect(await none.dispatch('statistics.print', MONTH)).toEqual({ ok: false, error: { code: 'policy.exportNotAllowed', params: { kind: 'pdf' } } });
    // The refusal comes before the file's own checks: the input does not matter.
    expect(await none.dispatch('consents.printForm', {})).toMatchObject({ error: { code: 'policy.exportNotAllowed', params: { kind: 'pdf' } } });
    expect(await none.dispatch('statistics.compute', MONTH)).toMatchObject({ ok: true });
    await call(none, 'session.lock');
    await call(none, 'session.unlock', ADMIN);
    expect(await none.dispatch('audit.exportCsv', {})).toMatchObject({ error: { code: 'policy.exportNotAllowed', params: { kind: 'csv' } } });
    await call(none, 'session.lock');

    // Access still comes first: a role without the right learns nothing about the policy.
    const noArchive = await coreUnder(policyWith({ exports: { allowed: ['pdf', 'csv', 'xlsx'] } }), { 'exports.allowed': 'file' }, CASE_MANAGER);
    expect(await noArchive.dispatch('deletions.exportArchive', {})).toMatchObject({ error: { code: 'permission.denied' } });
    await call(noArchive, 'session.lock');
    await call(noArchive, 'session.unlock', ADMIN);
    await enrolAccount(noArchive, ADMIN, { login: 'ds.kurz', displayName: 'Dora Kurz', role: 'datenschutz', passphrase: 'Datenschutz prüft 14 Akten am Datteln-Kanal' });
    await call(noArchive, 'session.lock');
    await call(noArchive, 'session.unlock', { login: 'ds.kurz', passphrase: 'Datenschutz prüft 14 Akten am Datteln-Kanal' });
    expect(await noArchive.dispatch('deletions.exportArchive', {})).toEqual({ ok: false, error: { code: 'policy.exportNotAllowed', params: { kind: 'archive' } } });
    await call(noArchive, 'session.lock');
  });

  it('creates or joins a sync network only on the share the policy fixes', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const core = await coreUnder(policyWith({ sync: { intervalSeconds: 60, shareFolder: `${share}/` } }), { 'sync.shareFolder': 'file' });
    expect(await core.dispatch('network.create', { share: join(tmp.dir, 'elsewhere') })).toEqual({ ok: false, error: { code: 'policy.shareFixed', params: {} } });
    expect(await core.dispatch('network.join', { share: join(tmp.dir, 'elsewhere'), invitation: 'x', code: 'x' })).toMatchObject({ error: { code: expect.stringMatching(/^(policy\.shareFixed|validation\.invalid)$/) as unknown } });
    expect(await call(core, 'network.create', { share })).toMatchObject({ joined: true });
    await call(core, 'session.lock');
  });

  it('shows the effective policy key by key with its source, read from the file the variable names', async () => {
    const file = join(tmp.dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ office: 'lunen', lock: { maxIdleMinutes: 20 }, exports: { allowed: ['pdf', 'csv'] } }));
    const saved = process.env[POLICY_FILE_ENV];
    process.env[POLICY_FILE_ENV] = file;
    try {
      const core = openCore({ dataDir });
      const status = await call(core, 'vault.status');
      expect(status.policy.file).toBe(file);
      expect(status.policy.exportsAllowed).toEqual(['pdf', 'csv']);
      expect(status.policy.entries).toContainEqual({ key: 'office', value: 'lunen', source: 'file' });
      expect(status.policy.entries).toContainEqual({ key: 'lock.maxIdleMinutes', value: 20, source: 'file' });
      expect(status.policy.entries).toContainEqual({ key: 'lock.idleMinutes', value: 10, source: 'default' });
      expect(status.policy.entries).toContainEqual({ key: 'dataFolder', source: 'default' });
      await call(core, 'session.unlock', ADMIN);
      expect(await call(core, 'settings.get')).toMatchObject({ maxIdleLockMinutes: 20, idleLockFixed: false });
      await call(core, 'session.lock');
    } finally {
      if (saved === undefined) delete process.env[POLICY_FILE_ENV];
      else process.env[POLICY_FILE_ENV] = saved;
    }
  });

  it('takes the policy data folder before KIM_AKTE_DATA_DIR, and the profile folder last', () => {
    expect(resolveDataDirectory('D:\\KIM\\vault', { KIM_AKTE_DATA_DIR: '/tmp/test' }, () => 'profile')).toBe('D:\\KIM\\vault');
    expect(resolveDataDirectory(undefined, { KIM_AKTE_DATA_DIR: '/tmp/test' }, () => 'profile')).toBe('/tmp/test');
    expect(resolveDataDirectory(undefined, {}, () => 'profile')).toBe('profile');
  });
});
