import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { parseRecoveryKey } from '../../electron/core/platform/vault/recovery-key';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';

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
    const core = new CoreDispatcher({ dataDir: tmp.dir, now });
    // One failure is on record from the previous test; the second is still free, the third starts the wait.
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'falsch falsch falsch' })).toMatchObject({
      error: { code: 'unlock.failed', params: {} },
    });
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'falsch falsch falsch' })).toMatchObject({
      error: { code: 'unlock.failed', params: { retryAfterSeconds: 2 } },
    });
    // Even the right passphrase is refused while throttled: the check comes before the KDF.
    const restarted = new CoreDispatcher({ dataDir: tmp.dir, now });
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
    const core = new CoreDispatcher({ dataDir: tmp.dir, now });
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await call(core, 'session.lock');
    const db = openRawEncrypted(join(tmp.dir, 'vault.db'), parseRecoveryKey(recoveryKey));
    const rows = db.prepare(`SELECT action, outcome FROM audit_entry ORDER BY id`).all() as { action: string; outcome: string }[];
    db.close();
    // admin existed, so its 4 failures are attributed; the unknown login's failure is not in this account's trail.
    expect(rows.filter((r) => r.action === 'session.unlockFailed' && r.outcome === 'failed')).toHaveLength(4);
    expect(rows.filter((r) => r.action === 'session.unlock')).toHaveLength(3);
    expect(rows.at(-1)).toEqual({ action: 'session.lock', outcome: 'ok' });
    expect(await core.dispatch('session.unlock', { login: 'admin', passphrase: 'noch mal falsch!' })).toMatchObject({
      error: { code: 'unlock.failed', params: {} },
    });
  });
});
