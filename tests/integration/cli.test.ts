import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { ADMIN_PASSPHRASE, tempDir } from '../helpers/temp-vault';
import { kimAkte } from '../helpers/cli';



describe('kim-akte admin CLI', () => {
  const tmp = tempDir();
  const dataDir = join(tmp.dir, 'vault');
  afterAll(() => tmp.cleanup());
  const init = ['init', '--data-dir', dataDir, '--office', 'selm', '--admin-user', 'it.meier', '--admin-name', 'Jonas Meier'];

  it('init creates the vault and prints the recovery key once', () => {
    const r = kimAkte(init, ADMIN_PASSPHRASE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Recovery key: [0-9A-F]{8}(-[0-9A-F]{8}){7}$/m);
    expect(r.stdout).not.toContain(ADMIN_PASSPHRASE);
    expect(existsSync(join(dataDir, 'vault.db'))).toBe(true);
  });

  it('init refuses to overwrite an existing vault', () => {
    const r = kimAkte(init, ADMIN_PASSPHRASE);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe('Error: A vault already exists in this data directory; it was not touched.\n');
  });

  it('info prints office, schema version and counts as JSON', () => {
    const r = kimAkte(['info', '--data-dir', dataDir, '--user', 'it.meier'], ADMIN_PASSPHRASE);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { office: string; schemaVersion: number; counts: { accounts: number } };
    expect(info).toMatchObject({ office: 'selm', schemaVersion: SCHEMA_VERSION, counts: { accounts: 1 } });
  });

  it('a wrong passphrase gives one clear line naming the passphrase, no stack trace, non-zero exit', () => {
    const r = kimAkte(['info', '--data-dir', dataDir, '--user', 'it.meier'], 'falsche Passphrase');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('Error: Wrong user name or passphrase.\n');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['init', '--data-dir', join(tmp.dir, 'weak'), '--office', 'werne', '--admin-user', 'a.b', '--admin-name', 'A B'], 'kurz', 2, /too weak/],
    [['init', '--data-dir', join(tmp.dir, 'x'), '--office', 'dortmund', '--admin-user', 'a.b', '--admin-name', 'A B'], ADMIN_PASSPHRASE, 2, /invalid/],
    [['info', '--data-dir', join(tmp.dir, 'none'), '--user', 'a.b'], ADMIN_PASSPHRASE, 4, /No vault exists/],
    [['info', '--data-dir', dataDir, '--user', 'it.meier'], undefined, 2, /KIM_AKTE_PASSPHRASE/],
    [['frobnicate'], undefined, 2, /unknown command/],
  ])('bad input %j exits %i with a clear message', (args, passphrase, code, message) => {
    const r = kimAkte(args, passphrase);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves nothing behind when init is refused', () => {
    expect(existsSync(join(tmp.dir, 'weak', 'vault.db'))).toBe(false);
    expect(existsSync(join(tmp.dir, 'weak', 'keyring.json'))).toBe(false);
  });
});
