import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { CASE_MANAGER } from '../helpers/case-worker';
import { ADMIN_PASSPHRASE, call, openCore, setupVault, tempDir } from '../helpers/temp-vault';
import { APPROVER, enrolAccount } from '../helpers/enrol';

const NEW_PASSPHRASE = 'Halde Werne leuchtet im Nebel 42';

describe('account administration', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let recoveryKey: string;
  let adminId: string;
  let fmId: string;

  beforeAll(async () => {
    ({ core, recoveryKey } = await setupVault(tmp.dir));
    adminId = (await call(core, 'session.current'))!.id;
    fmId = (await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, CASE_MANAGER)).id;
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const account = async (id: string) => (await call(core, 'accounts.list')).find((a) => a.id === id)!;

  it('creates personal accounts with their own passphrase, refusing taken logins and weak passphrases', async () => {
    expect(await account(fmId)).toMatchObject({ login: 'fm.yilmaz', role: 'fallmanagement', active: true, canUnlock: true });
    expect(await core.dispatch('accounts.create', CASE_MANAGER)).toMatchObject({ error: { code: 'account.loginTaken' } });
    expect(await core.dispatch('accounts.create', { ...CASE_MANAGER, login: 'fm.neu', passphrase: 'sommer2026' })).toMatchObject({
      error: { code: 'passphrase.tooWeak' },
    });
  });

  it('asks for the administrator passphrase again before a role change, and keeps one administrator', async () => {
    const fm = await account(fmId);
    const change = { id: fmId, version: fm.version, displayName: fm.displayName, role: 'verwaltung', active: true };
    expect(await core.dispatch('accounts.update', { ...change, confirmPassphrase: 'falsch' })).toMatchObject({ error: { code: 'passphrase.wrongCurrent' } });
    expect((await account(fmId)).role).toBe('fallmanagement');
    expect(await call(core, 'accounts.update', { ...change, confirmPassphrase: ADMIN_PASSPHRASE })).toMatchObject({ role: 'verwaltung', version: fm.version + 1 });
    const admin = await account(adminId);
    expect(
      await core.dispatch('accounts.update', { id: adminId, version: admin.version, displayName: admin.displayName, role: 'it-admin', active: false, confirmPassphrase: ADMIN_PASSPHRASE }),
    ).toMatchObject({ error: { code: 'account.self' } });
  });

  it('disabling removes the key wrap: the old passphrase opens nothing, not even outside the app', async () => {
    const fm = await account(fmId);
    const keyringBefore = readFileSync(join(tmp.dir, 'keyring.json'), 'utf8');
    await call(core, 'accounts.update', { id: fmId, version: fm.version, displayName: fm.displayName, role: fm.role, active: false, confirmPassphrase: ADMIN_PASSPHRASE });
    const keyringAfter = JSON.parse(readFileSync(join(tmp.dir, 'keyring.json'), 'utf8')) as { accounts: unknown[] };
    expect(keyringAfter.accounts).toHaveLength((JSON.parse(keyringBefore) as { accounts: unknown[] }).accounts.length - 1);
    expect(await account(fmId)).toMatchObject({ active: false, canUnlock: false });
    const other = openCore({ dataDir: tmp.dir });
    expect(await other.dispatch('session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase })).toMatchObject({ error: { code: 'unlock.failed' } });
  });

  it('re-enabled accounts need a passphrase reset by an administrator, approved by Datenschutz', async () => {
    const fm = await account(fmId);
    await call(core, 'accounts.update', { id: fmId, version: fm.version, displayName: fm.displayName, role: fm.role, active: true, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(await account(fmId)).toMatchObject({ active: true, canUnlock: false });
    const reset = await call(core, 'accounts.resetPassphrase', { id: fmId, newPassphrase: NEW_PASSPHRASE, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(reset).toMatchObject({ canUnlock: false, pendingRequest: { kind: 'reset' } });
    const other = openCore({ dataDir: tmp.dir });
    await call(other, 'session.unlock', { login: APPROVER.login, passphrase: APPROVER.passphrase });
    await call(other, 'accounts.decideRequest', { id: reset.pendingRequest!.id, decision: 'approve', confirmPassphrase: APPROVER.passphrase });
    await call(other, 'session.lock');
    expect(await account(fmId)).toMatchObject({ canUnlock: true, pendingRequest: null, oneTimePassphrase: true });
    expect(await call(other, 'session.unlock', { login: CASE_MANAGER.login, passphrase: NEW_PASSPHRASE })).toMatchObject({ role: 'verwaltung', passphraseChange: { kind: 'reset' } });
    await call(other, 'session.lock');
  });

  it('resets a forgotten administrator passphrase with the recovery key from the safe', async () => {
    await call(core, 'session.lock');
    const wrongKey = 'ab'.repeat(32);
    expect(await core.dispatch('session.recoveryReset', { recoveryKey: wrongKey, login: 'admin', newPassphrase: NEW_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'recoveryKey.invalid', params: {} },
    });
    expect(await core.dispatch('session.recoveryReset', { recoveryKey: 'nicht hex', login: 'admin', newPassphrase: NEW_PASSPHRASE })).toMatchObject({
      error: { code: 'recoveryKey.invalid' },
    });
    expect(await call(core, 'session.recoveryReset', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '), login: 'admin', newPassphrase: NEW_PASSPHRASE })).toBeNull();
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toMatchObject({ error: { code: 'unlock.failed' } });
    await call(core, 'session.unlock', { login: 'admin', passphrase: NEW_PASSPHRASE });
    expect((await call(core, 'audit.verify')).ok).toBe(true);
  });

  it('is for administrators only', async () => {
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: NEW_PASSPHRASE });
    await call(core, 'session.changePassphrase', { currentPassphrase: NEW_PASSPHRASE, newPassphrase: CASE_MANAGER.passphrase });
    expect(await core.dispatch('accounts.create', { ...CASE_MANAGER, login: 'x.y' })).toMatchObject({ error: { code: 'permission.denied' } });
    expect(await core.dispatch('accounts.resetPassphrase', { id: adminId, newPassphrase: NEW_PASSPHRASE, confirmPassphrase: NEW_PASSPHRASE })).toMatchObject({
      error: { code: 'permission.denied' },
    });
    expect(await core.dispatch('audit.verify', {})).toMatchObject({ error: { code: 'permission.denied' } });
  });
});
