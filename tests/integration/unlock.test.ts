import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { loadKeyring } from '../../electron/core/platform/vault/vault';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, OTHER_PASSPHRASE, setupVault, tempDir } from '../helpers/temp-vault';
import { enrolAccount } from '../helpers/enrol';

describe('unlocking with a personal passphrase', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  let clock = new Date('2026-11-25T08:00:00Z');
  const now = () => clock;
  let recoveryKey = '';

  it('refuses a wrong passphrase and an unknown login alike, and changes nothing in the database', async () => {
    const setup = await setupVault(tmp.dir, now);
    recoveryKey = setup.recoveryKey;
    const core = setup.core;
    await call(core, 'session.lock');
    const before = readFileSync(join(tmp.dir, 'vault.db'));

    const wrong = await core.dispatch('session.unlock', { login: 'admin', passphrase: 'Lippe-Ufer 1907 sieht Raben?' });
    const unknown = await core.dispatch('session.unlock', { login: 'nobody', passphrase: ADMIN_PASSPHRASE });
    expect(wrong).toEqual({ ok: false, error: { code: 'unlock.failed', params: {} } });
    expect(unknown).toEqual({ ok: false, error: { code: 'unlock.failed', params: {} } });
    expect(readFileSync(join(tmp.dir, 'vault.db')).equals(before)).toBe(true);
    expect((await call(core, 'vault.status')).state).toBe('locked');
    expect(await core.dispatch('home.summary', {})).toEqual({ ok: false, error: { code: 'session.locked', params: {} } });
  });

  it('makes the wait grow with each further failure and survives a restart of the app', async () => {
    const core = openCore({ dataDir: tmp.dir, now });
    // One failure is on record from the previous test; the second is still free, the third starts the wait.
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'falsch falsch falsch' })).toMatchObject({
      error: { code: 'unlock.failed', params: {} },
    });
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'falsch falsch falsch' })).toMatchObject({
      error: { code: 'unlock.failed', params: { retryAfterSeconds: 2 } },
    });
    // Even the right passphrase is refused while throttled: the check comes before the KDF.
    const restarted = openCore({ dataDir: tmp.dir, now });
    expect(await restarted.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toMatchObject({
      error: { code: 'unlock.throttled', params: { retryAfterSeconds: 2 } },
    });
    clock = new Date(clock.getTime() + 2_000);
    expect(await restarted.dispatch('session.unlock', { login: 'admin', passphrase: 'falsch falsch falsch' })).toMatchObject({
      error: { code: 'unlock.failed', params: { retryAfterSeconds: 4 } },
    });
    clock = new Date(clock.getTime() + 4_000);
    const user = await call(restarted, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(user.login).toBe('admin');
  });

  it('records the failed attempts in the audit trail at the next successful unlock, then starts counting afresh', async () => {
    const core = openCore({ dataDir: tmp.dir, now });
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await call(core, 'session.lock');
    const db = openRawVault(tmp.dir, recoveryKey);
    const rows = db.prepare(`SELECT action, outcome, actor_id AS actor FROM audit_entry ORDER BY id`).all() as { action: string; outcome: string; actor: string | null }[];
    db.close();
    // admin's 4 failures are attributed to it; the unknown login's one is recorded without an actor.
    const failed = rows.filter((r) => r.action === 'session.unlockFailed' && r.outcome === 'failed');
    expect(failed.filter((r) => r.actor !== null)).toHaveLength(4);
    expect(failed.filter((r) => r.actor === null)).toHaveLength(1);
    expect(failed).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'session.unlock')).toHaveLength(3);
    expect(rows.at(-1)).toMatchObject({ action: 'session.lock', outcome: 'ok' });
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'noch mal falsch!' })).toMatchObject({
      error: { code: 'unlock.failed', params: {} },
    });
  });
});

describe('throttling failed unlocks', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const t0 = new Date('2026-11-25T08:00:00Z');
  let clock = t0;
  const now = () => clock;
  let core: CoreDispatcher;

  beforeAll(async () => {
    core = (await setupVault(tmp.dir, now)).core;
    await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, { login: 'fm', displayName: 'Fallmanagerin', role: 'fallmanagement', passphrase: OTHER_PASSPHRASE });
    await call(core, 'session.lock');
  });

  it('waits at most the computed delay when the clock was set back', () => {
    const keyring = loadKeyring(tmp.dir); // not saved: this test only asks the keyring
    for (let i = 0; i < 3; i++) keyring.recordFailure('fm', t0);
    // The third failure asks for 2 s; an hour earlier on the clock it is still 2 s, not an hour and 2 s.
    expect(keyring.retryAfterMs('fm', new Date(t0.getTime() - 3_600_000))).toBe(2_000);
    expect(keyring.retryAfterMs('fm', new Date(t0.getTime() + 1_000))).toBe(1_000);
  });

  it('keeps a real account throttled whatever made-up logins do, and slows every login after many failures', async () => {
    clock = new Date(t0.getTime() + 60_000);
    for (let i = 0; i < 3; i++) await core.dispatch('session.unlock', { login: 'fm', passphrase: 'falsch falsch falsch' });
    const keyring = loadKeyring(tmp.dir);
    for (let i = 0; i < 200; i++) keyring.recordFailure(`erfunden.${i}`, clock);
    keyring.save();
    // One entry for all unknown logins, one per real account, one for the workstation: nothing was pushed out.
    const throttle = (JSON.parse(readFileSync(join(tmp.dir, 'keyring.json'), 'utf8')) as { throttle: Record<string, unknown> }).throttle;
    expect(Object.keys(throttle)).toHaveLength(3);
    expect(await core.dispatch('session.unlock', { login: 'fm', passphrase: OTHER_PASSPHRASE })).toMatchObject({ error: { code: 'unlock.throttled' } });
    // The workstation-wide wait holds for a login that failed nothing itself (200 failures: the 5-minute cap).
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'unlock.throttled', params: { retryAfterSeconds: 300 } },
    });
  });

  it('writes every failed attempt to the audit trail at the next unlock, whoever unlocks', async () => {
    clock = new Date(clock.getTime() + 10 * 60_000);
    const user = await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect(user.login).toBe('admin');
    const entries = await call(core, 'audit.list', { offset: 0, limit: 500, action: 'session.unlockFailed' });
    const fm = (await call(core, 'accounts.list')).find((a) => a.login === 'fm')!;
    // fm's 3 through the dispatcher; the 200 made-up logins (the newest 50 are kept per entry) without an actor.
    expect(entries.rows.filter((r) => r.actorId === fm.id)).toHaveLength(3);
    expect(entries.rows.filter((r) => r.actorId === null)).toHaveLength(50);
    // Reported once: a second unlock adds none.
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect((await call(core, 'audit.list', { offset: 0, limit: 500, action: 'session.unlockFailed' })).total).toBe(entries.total);
  });
});
