import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, call, openCore, openRawVault, OTHER_PASSPHRASE, setupVault, tempDir } from '../helpers/temp-vault';

describe('changing the personal passphrase', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('re-wraps the key only: the old passphrase stops working, the database and recovery key stay the same', async () => {
    const { core, recoveryKey } = await setupVault(tmp.dir);
    await call(core, 'session.lock');
    const dbBefore = readFileSync(join(tmp.dir, 'vault.db'));
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await call(core, 'session.changePassphrase', { currentPassphrase: ADMIN_PASSPHRASE, newPassphrase: OTHER_PASSPHRASE });
    await call(core, 'session.lock');

    const fresh = openCore({ dataDir: tmp.dir });
    expect(await fresh.dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'unlock.failed' },
    });
    await call(fresh, 'session.unlock', { login: 'admin', passphrase: OTHER_PASSPHRASE });
    await call(fresh, 'session.lock');

    // Same database key: the recovery key still opens it, and the file's salt (first 16 bytes) is unchanged.
    const raw = openRawVault(tmp.dir, recoveryKey);
    expect(raw.prepare('SELECT count(*) AS n FROM account').get()).toEqual({ n: 1 });
    raw.close();
    expect(readFileSync(join(tmp.dir, 'vault.db')).subarray(0, 16).equals(dbBefore.subarray(0, 16))).toBe(true);
  });

  it('refuses a wrong current passphrase and a weak new one, keeping the old one valid', async () => {
    const core = openCore({ dataDir: tmp.dir });
    await call(core, 'session.unlock', { login: 'admin', passphrase: OTHER_PASSPHRASE });
    const keyring = readFileSync(join(tmp.dir, 'keyring.json'), 'utf8');
    expect(
      await core.dispatch('session.changePassphrase', { currentPassphrase: 'nicht das richtige', newPassphrase: ADMIN_PASSPHRASE }),
    ).toMatchObject({ ok: false, error: { code: 'passphrase.wrongCurrent' } });
    expect(
      await core.dispatch('session.changePassphrase', { currentPassphrase: OTHER_PASSPHRASE, newPassphrase: 'passwort1234' }),
    ).toMatchObject({ ok: false, error: { code: 'passphrase.tooWeak', params: { minLength: 12, minScore: 4 } } });
    const after = JSON.parse(readFileSync(join(tmp.dir, 'keyring.json'), 'utf8')) as { accounts: unknown };
    expect(after.accounts).toEqual((JSON.parse(keyring) as { accounts: unknown }).accounts);
    await call(core, 'session.lock');
    await call(core, 'session.unlock', { login: 'admin', passphrase: OTHER_PASSPHRASE });
    await call(core, 'session.lock');
  });
});
