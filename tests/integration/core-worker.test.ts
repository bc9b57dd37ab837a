import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost } from '../../electron/main/core-host';
import { SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { ADMIN_PASSPHRASE, tempDir } from '../helpers/temp-vault';

const WORKER = join(__dirname, '../../out/main/core-worker.js');

/**
 * The core as the app runs it: the electron-vite bundle of the worker, in a worker thread, behind CoreHost. Proves
 * that entity metadata and migrations survive bundling and that the worker protocol carries calls and errors.
 */
describe('bundled core worker', () => {
  const tmp = tempDir();
  const logs: string[] = [];
  let host: CoreHost;
  let restarts = 0;

  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error('out/main/core-worker.js missing: npm test builds it first (electron-vite build)');
    host = new CoreHost(
      { dataDir: tmp.dir, appVersion: 'test' },
      { info: (m) => logs.push(m), error: (m) => logs.push(m) },
      () => restarts++,
      WORKER,
    );
  });
  afterAll(async () => {
    await host.shutdown();
    tmp.cleanup();
  });

  it('sets up, locks and unlocks a real vault through the worker', async () => {
    expect(await host.call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
    const setup = await host.call('vault.setup', { office: 'werne', adminLogin: 'admin', adminName: 'Karin Boll', passphrase: ADMIN_PASSPHRASE });
    expect(setup).toMatchObject({ ok: true, value: { user: { login: 'admin', office: 'werne' } } });
    expect(await host.call('session.lock', {})).toEqual({ ok: true, value: null });
    expect(await host.call('session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await host.call('vault.info', {})).toMatchObject({ ok: true, value: { schemaVersion: SCHEMA_VERSION, counts: { accounts: 1 } } });
  });

  it('answers bad calls with error payloads and logs them without personal data', async () => {
    expect(await host.call('drafts.save', { formId: 'x', data: 'Familie Haddad' })).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid' },
    });
    expect(logs.some((l) => l.includes('drafts.save refused'))).toBe(true);
    expect(logs.join('\n')).not.toContain('Haddad');
    expect(restarts).toBe(0);
  });
});
