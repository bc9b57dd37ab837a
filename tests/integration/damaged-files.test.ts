import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, call, openCore, setupVault, tempDir } from '../helpers/temp-vault';

type KeyringJson = { office: string; accounts: { secret: { ct: string }; grants: { database: string } }[] };

describe('damaged or tampered vault files', () => {
  const tmp = tempDir();
  let pristineKeyring = '';
  let pristineDb: Buffer;
  const keyringPath = () => join(tmp.dir, 'keyring.json');
  const dbPath = () => join(tmp.dir, 'vault.db');
  const unlock = () => openCore({ dataDir: tmp.dir }).dispatch('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });

  beforeAll(async () => {
    const { core } = await setupVault(tmp.dir);
    await call(core, 'session.lock');
    pristineKeyring = readFileSync(keyringPath(), 'utf8');
    pristineDb = readFileSync(dbPath());
  });
  afterAll(() => tmp.cleanup());
  const restore = () => {
    writeFileSync(keyringPath(), pristineKeyring);
    writeFileSync(dbPath(), pristineDb);
  };
  // Before each test, not after its assertions: a failed test must not leave the next one a damaged vault.
  beforeEach(restore);

  it('reports a keyring that is not JSON as corrupt', async () => {
    writeFileSync(keyringPath(), pristineKeyring.slice(0, 100));
    expect(await unlock()).toEqual({ ok: false, error: { code: 'vault.keyringCorrupt', params: {} } });
  });

  it('detects a keyring whose office was changed by hand', async () => {
    const k = JSON.parse(pristineKeyring) as KeyringJson;
    k.office = 'werne';
    writeFileSync(keyringPath(), JSON.stringify(k));
    expect(await unlock()).toEqual({ ok: false, error: { code: 'vault.keyringTampered', params: {} } });
  });

  it('treats an altered key wrap like a wrong passphrase (authenticated encryption)', async () => {
    const k = JSON.parse(pristineKeyring) as KeyringJson;
    const ct = Buffer.from(k.accounts[0]!.secret.ct, 'base64');
    ct[0] = ct[0]! ^ 0x01;
    k.accounts[0]!.secret.ct = ct.toString('base64');
    writeFileSync(keyringPath(), JSON.stringify(k));
    expect(await unlock()).toMatchObject({ ok: false, error: { code: 'unlock.failed' } });
    restore();
  });

  it('treats an altered sealed database key like a wrong passphrase', async () => {
    const k = JSON.parse(pristineKeyring) as KeyringJson;
    const box = Buffer.from(k.accounts[0]!.grants.database, 'base64');
    box[box.length - 1] = box[box.length - 1]! ^ 0x01;
    k.accounts[0]!.grants.database = box.toString('base64');
    writeFileSync(keyringPath(), JSON.stringify(k));
    expect(await unlock()).toMatchObject({ ok: false, error: { code: 'unlock.failed' } });
  });

  it('reports a truncated or overwritten database as damaged, without touching the keyring', async () => {
    truncateSync(dbPath(), 1000);
    expect(await unlock()).toMatchObject({ ok: false, error: { code: 'vault.databaseCorrupt' } });
    writeFileSync(dbPath(), Buffer.alloc(8192, 0x5a));
    expect(await unlock()).toMatchObject({ ok: false, error: { code: 'vault.databaseCorrupt' } });
    expect(JSON.parse(readFileSync(keyringPath(), 'utf8'))).toEqual(JSON.parse(pristineKeyring));
  });

  it('reports a missing database or keyring clearly', async () => {
    rmSync(dbPath());
    expect(await unlock()).toEqual({ ok: false, error: { code: 'vault.databaseCorrupt', params: { reason: 'missing' } } });
    restore();
    rmSync(keyringPath());
    expect(await unlock()).toEqual({ ok: false, error: { code: 'vault.keyringCorrupt', params: {} } });
    restore();
    expect(await unlock()).toMatchObject({ ok: true });
  });

  it('refuses to set up over an existing vault', async () => {
    const core = openCore({ dataDir: tmp.dir });
    const r = await core.dispatch('vault.setup', { office: 'selm', adminLogin: 'neu', adminName: 'Neue Person', passphrase: ADMIN_PASSPHRASE });
    expect(r).toEqual({ ok: false, error: { code: 'vault.alreadyInitialised', params: {} } });
    expect(readFileSync(keyringPath(), 'utf8')).toBe(pristineKeyring);
  });
});
