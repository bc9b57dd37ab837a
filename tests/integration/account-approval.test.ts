import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { CoreDispatcher as Dispatcher } from '../../electron/core/api/dispatcher';
import { POLICY_FILE_ENV } from '../../electron/core/platform/policy/machine-policy';
import { loadKeyring } from '../../electron/core/platform/vault/vault';
import { CASE_MANAGER, clientInput } from '../helpers/case-worker';
import { APPROVER, enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, setupVault, switchUser, tempDir } from '../helpers/temp-vault';

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };
const RESET = 'Am Kanal in Lünen blühen 12 Linden';
const OWN = 'Meine eigene Passphrase am Cappenberger See';
const DATA_CALLS: [string, unknown][] = [
  ['clients.list', { offset: 0, limit: 10 }],
  ['clients.search', { query: 'Okafor' }],
  ['work.overview', {}],
  ['home.summary', {}],
  ['vault.info', {}],
  ['drafts.get', { formId: 'client-new' }],
  ['settings.get', {}],
];

/** Points the next dispatchers at a policy file with `content`; restored after each test. */
function usePolicy(dir: string, content: string): void {
  const file = join(dir, 'policy.json');
  writeFileSync(file, content);
  process.env[POLICY_FILE_ENV] = file;
}

describe('an IT reset of a case manager (issue 10, item 5)', () => {
  const tmp = tempDir();
  let core: CoreDispatcher;
  let clock = Date.parse('2026-11-30T09:00:00Z');
  let fmId: string;
  let clientId: string;

  beforeAll(async () => {
    ({ core } = await setupVault(tmp.dir, () => new Date(clock)));
    fmId = (await enrolAccount(core, ADMIN, CASE_MANAGER)).id;
    await switchUser(core, CASE_MANAGER.login, CASE_MANAGER.passphrase);
    clientId = (await call(core, 'clients.create', clientInput('Okafor', 'Chinedu'))).id;
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('opens nothing before Datenschutz approves, and nothing but the passphrase change until the owner sets one', async () => {
    clock += 60_000;
    const reset = await call(core, 'accounts.resetPassphrase', { id: fmId, newPassphrase: RESET, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(reset.pendingRequest).toMatchObject({ kind: 'reset', expiresAt: new Date(clock + 72 * 3600_000).toISOString() });
    expect(reset.oneTimePassphrase).toBe(false);
    const requestId = reset.pendingRequest!.id;

    // IT tries the new passphrase at once: it opens nothing. The owner's old one still works meanwhile.
    await call(core, 'session.lock');
    expect(await core.dispatch('session.unlock', { login: CASE_MANAGER.login, passphrase: RESET })).toMatchObject({ ok: false, error: { code: 'unlock.failed' } });
    expect((await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase })).passphraseChange).toBeUndefined();

    // IT sees the request waiting; IT cannot decide it.
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
    expect((await call(core, 'accounts.requests'))[0]).toMatchObject({ id: requestId, kind: 'reset', status: 'pending', approval: 'required', requestedBy: { displayName: 'Petra Schulte' } });
    expect(await core.dispatch('accounts.decideRequest', { id: requestId, decision: 'approve', confirmPassphrase: ADMIN_PASSPHRASE })).toMatchObject({ error: { code: 'permission.denied' } });

    // Datenschutz approves with its own passphrase.
    await switchUser(core, APPROVER.login, APPROVER.passphrase);
    const pending = await call(core, 'accounts.requests');
    expect(pending.filter((r) => r.status === 'pending').map((r) => r.account.login)).toEqual([CASE_MANAGER.login]);
    expect(await core.dispatch('accounts.decideRequest', { id: requestId, decision: 'approve', confirmPassphrase: 'nicht meine' })).toMatchObject({ error: { code: 'passphrase.wrongCurrent' } });
    clock += 60_000;
    expect(await call(core, 'accounts.decideRequest', { id: requestId, decision: 'approve', confirmPassphrase: APPROVER.passphrase })).toMatchObject({
      status: 'approved',
      decidedBy: { displayName: APPROVER.displayName },
    });
    expect(await core.dispatch('accounts.decideRequest', { id: requestId, decision: 'reject', confirmPassphrase: APPROVER.passphrase })).toMatchObject({
      error: { code: 'accountRequest.notPending', params: { status: 'approved' } },
    });

    // Now the reset passphrase unlocks (the old one no longer does), told who set it and when...
    await call(core, 'session.lock');
    expect(await core.dispatch('session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase })).toMatchObject({ error: { code: 'unlock.failed' } });
    const user = await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: RESET });
    expect(user.passphraseChange).toEqual({ kind: 'reset', setAt: new Date(clock - 60_000).toISOString(), setBy: 'Petra Schulte', approvedBy: APPROVER.displayName });
    expect((await call(core, 'session.current'))?.passphraseChange?.setBy).toBe('Petra Schulte');

    // ...but the core refuses every data method of this session, and audits each attempt.
    expect(await core.dispatch('clients.get', { id: clientId })).toEqual({ ok: false, error: { code: 'session.passphraseChangeRequired', params: {} } });
    for (const [method, input] of DATA_CALLS) {
      expect(await core.dispatch(method, input), method).toMatchObject({ ok: false, error: { code: 'session.passphraseChangeRequired' } });
    }
    expect(await core.dispatch('session.changePassphrase', { currentPassphrase: RESET, newPassphrase: RESET })).toMatchObject({ error: { code: 'passphrase.reused' } });
    expect(await core.dispatch('clients.get', { id: clientId })).toMatchObject({ error: { code: 'session.passphraseChangeRequired' } });

    await call(core, 'session.changePassphrase', { currentPassphrase: RESET, newPassphrase: OWN });
    expect((await call(core, 'clients.get', { id: clientId })).familyName).toBe('Okafor');
    expect((await call(core, 'session.current'))?.passphraseChange).toBeUndefined();

    // The one-time passphrase is gone; the owner's own opens without a notice.
    await call(core, 'session.lock');
    expect(await core.dispatch('session.unlock', { login: CASE_MANAGER.login, passphrase: RESET })).toMatchObject({ error: { code: 'unlock.failed' } });
    expect((await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: OWN })).passphraseChange).toBeUndefined();

    // The trail: IT's request (approval required), the approval, the refused reads, the change.
    await switchUser(core, APPROVER.login, APPROVER.passphrase);
    const trail = (await call(core, 'audit.list', { actorId: undefined, entity: 'account', entityId: fmId })).rows;
    const byAction = (action: string) => trail.filter((r) => r.action === action);
    expect(byAction('accounts.resetPassphrase')[0]!.fields).toEqual(expect.arrayContaining(['passphrase', `request:${requestId}`, 'approval:required']));
    expect(byAction('accounts.decideRequest')[0]!.fields).toEqual(expect.arrayContaining([`request:${requestId}`, 'decision:approved', 'kind:reset']));
    expect(byAction('session.changePassphrase')[0]!.fields).toEqual(expect.arrayContaining(['passphrase', 'oneTimePassphrase']));
    const refused = (await call(core, 'audit.list', { action: 'clients.get' })).rows.filter((r) => r.outcome === 'denied');
    expect(refused.map((r) => [r.actorLogin, r.fields])).toEqual([
      [CASE_MANAGER.login, ['oneTimePassphrase']],
      [CASE_MANAGER.login, ['oneTimePassphrase']],
    ]);
    expect((await call(core, 'audit.verify')).ok).toBe(true);
  });

  it('a rejected new account stays disabled; an undecided request lapses after 72 hours', async () => {
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
    const rejected = await call(core, 'accounts.create', { login: 'fm.neu', displayName: 'Nele Neu', role: 'verwaltung', passphrase: RESET });
    const lapsed = await call(core, 'accounts.create', { login: 'abh.neu', displayName: 'Arne Neu', role: 'abh', passphrase: RESET });
    expect([rejected.canUnlock, lapsed.canUnlock]).toEqual([false, false]);
    // Koordination sees no client data: no approval, but the passphrase is still one-time.
    const coordinator = await call(core, 'accounts.create', { login: 'ko.neu', displayName: 'Kim Neu', role: 'koordination', passphrase: RESET });
    expect(coordinator).toMatchObject({ canUnlock: true, pendingRequest: null, oneTimePassphrase: true });

    await switchUser(core, APPROVER.login, APPROVER.passphrase);
    expect(await call(core, 'accounts.decideRequest', { id: rejected.pendingRequest!.id, decision: 'reject', confirmPassphrase: APPROVER.passphrase })).toMatchObject({ status: 'rejected' });
    clock += 72 * 3600_000 + 1;
    expect((await call(core, 'accounts.requests')).find((r) => r.id === lapsed.pendingRequest!.id)?.status).toBe('expired');
    expect(await core.dispatch('accounts.decideRequest', { id: lapsed.pendingRequest!.id, decision: 'approve', confirmPassphrase: APPROVER.passphrase })).toMatchObject({
      error: { code: 'accountRequest.notPending', params: { status: 'expired' } },
    });

    await call(core, 'session.lock');
    for (const login of ['fm.neu', 'abh.neu']) {
      expect(await core.dispatch('session.unlock', { login, passphrase: RESET })).toMatchObject({ error: { code: 'unlock.failed' } });
    }
    expect((await call(core, 'session.unlock', { login: 'ko.neu', passphrase: RESET })).passphraseChange).toMatchObject({ kind: 'create', setBy: 'Petra Schulte', approvedBy: null });
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
    const accounts = await call(core, 'accounts.list');
    expect(accounts.find((a) => a.login === 'fm.neu')).toMatchObject({ active: false, canUnlock: false, pendingRequest: null });
    expect(accounts.find((a) => a.login === 'abh.neu')).toMatchObject({ active: true, canUnlock: false, pendingRequest: null });
  });

  it('a role that starts seeing client data needs an approved reset before the account opens again', async () => {
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
    const ko = (await call(core, 'accounts.list')).find((a) => a.login === 'ko.neu')!;
    const promoted = await call(core, 'accounts.update', { id: ko.id, version: ko.version, displayName: ko.displayName, role: 'fallmanagement', active: true, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(promoted).toMatchObject({ role: 'fallmanagement', canUnlock: false });
    await call(core, 'session.lock');
    expect(await core.dispatch('session.unlock', { login: 'ko.neu', passphrase: RESET })).toMatchObject({ error: { code: 'unlock.failed' } });
  });

  it('IT cannot mint a second Datenschutz account to approve its own requests', async () => {
    await switchUser(core, ADMIN.login, ADMIN.passphrase);
    const second = await call(core, 'accounts.create', { login: 'ds.zwei', displayName: 'Zweite Prüferin', role: 'datenschutz', passphrase: RESET });
    expect(second).toMatchObject({ canUnlock: false, pendingRequest: { kind: 'create' } });
    // Its passphrase is in no keyring entry (earlier failures of unknown logins would only throttle an unlock try).
    expect(loadKeyring(tmp.dir).hasAccount('ds.zwei')).toBe(false);
    // Nor turn an account it knows into one.
    const it2 = await call(core, 'accounts.create', { login: 'it.zwei', displayName: 'Ida Zwei', role: 'it-admin', passphrase: RESET });
    expect(it2).toMatchObject({ canUnlock: true, pendingRequest: null });
    const changed = await call(core, 'accounts.update', { id: it2.id, version: it2.version, displayName: it2.displayName, role: 'datenschutz', active: true, confirmPassphrase: ADMIN_PASSPHRASE });
    expect(changed).toMatchObject({ role: 'datenschutz', canUnlock: false });
    expect(loadKeyring(tmp.dir).hasAccount('it.zwei')).toBe(false);
  });
});

describe('the machine policy', () => {
  const tmp = tempDir();
  const saved = process.env[POLICY_FILE_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[POLICY_FILE_ENV];
    else process.env[POLICY_FILE_ENV] = saved;
  });
  afterAll(() => tmp.cleanup());

  it('switched off, resets and new accounts take effect at once, one-time, and the trail marks them unapproved', async () => {
    usePolicy(tmp.dir, JSON.stringify({ accounts: { requireApproval: false } }));
    const { core } = await setupVault(join(tmp.dir, 'vault'));
    try {
      const created = await call(core, 'accounts.create', { ...CASE_MANAGER, passphrase: RESET });
      expect(created).toMatchObject({ canUnlock: true, pendingRequest: null, oneTimePassphrase: true });
      await call(core, 'accounts.resetPassphrase', { id: created.id, newPassphrase: OWN, confirmPassphrase: ADMIN_PASSPHRASE });
      const requests = await call(core, 'accounts.requests');
      expect(requests.map((r) => [r.kind, r.status, r.approval])).toEqual([
        ['reset', 'applied', 'waived-by-policy'],
        ['create', 'applied', 'waived-by-policy'],
      ]);
      const trail = (await call(core, 'audit.list', { entity: 'account', entityId: created.id })).rows;
      expect(trail.find((r) => r.action === 'accounts.create')!.fields).toContain('approval:waived-by-policy');
      expect(trail.find((r) => r.action === 'accounts.resetPassphrase')!.fields).toContain('approval:waived-by-policy');

      await call(core, 'session.lock');
      const user = await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: OWN });
      expect(user.passphraseChange).toMatchObject({ kind: 'reset', setBy: 'Petra Schulte', approvedBy: null });
      expect(await core.dispatch('clients.list', { offset: 0, limit: 10 })).toMatchObject({ error: { code: 'session.passphraseChangeRequired' } });
    } finally {
      await core.close();
    }
  });

  it('an invalid policy answers every call with policy.invalid, logged in English, and opens no vault', async () => {
    const dataDir = join(tmp.dir, 'vault');
    usePolicy(tmp.dir, JSON.stringify({ accounts: { requireAproval: false } }));
    const logged: string[] = [];
    const core = new Dispatcher({ dataDir, logger: { info: () => undefined, error: (m) => logged.push(m) } });
    const refused = { ok: false, error: { code: 'policy.invalid', params: { file: join(tmp.dir, 'policy.json'), source: 'file', key: 'accounts.requireAproval', rule: 'unknown key' } } };
    expect(await core.dispatch('vault.status', {})).toEqual(refused);
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toEqual(refused);
    expect(core.isUnlocked).toBe(false);
    expect(logged).toEqual([`The machine policy file ${join(tmp.dir, 'policy.json')} is invalid: accounts.requireAproval: unknown key. Fix it; the app opens no data until then.`]);

    usePolicy(tmp.dir, '{"accounts": {"requireApproval": "nein"}}');
    expect(await new Dispatcher({ dataDir }).dispatch('vault.status', {})).toMatchObject({ error: { code: 'policy.invalid', params: { key: 'accounts.requireApproval' } } });
  });
});
