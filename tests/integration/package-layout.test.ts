import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/core/platform/vault/migrations';
import { dryPack, electronDist, fuseErrors, packedFileErrors, packedFiles, type PackResult } from '../../scripts/package-check';
import { shippedPackages } from '../../scripts/third-party-licenses';
import { ADMIN_PASSPHRASE } from '../helpers/temp-vault';

/**
 * What the installer would contain: electron-builder packs the app (`--dir` for this platform) from the `out/` build
 * that `npm test` made first, no second build. Without the Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1) it packs
 * a stand-in for it and the fuse test is skipped, saying so; with the binary the afterPack hook flips the real fuses
 * and the wire is read back.
 */
const FUSES_SKIPPED =
  'Electron binary not installed here: the fuse wire is read back on machines with the binary (npm run check:package, npm run dist).';

// electron-builder packs for the platform it runs on; installers are built on Windows and CI runs on Linux.
describe.skipIf(process.platform === 'darwin')('the packed app (electron-builder --dir)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'kim-akte-pack-'));
  let pack: PackResult;
  let files: ReturnType<typeof packedFiles>;

  beforeAll(async () => {
    pack = await dryPack(outDir);
    files = packedFiles(pack.appOutDir);
    // Said in CI's output, not only as a skipped test: the configuration and file set were checked, the fuses not.
    if (!pack.binary) process.stdout.write(`\n[package check] ${FUSES_SKIPPED}\n`);
  }, 300_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds the app, the admin CLI and the licences, and no tests, harness, sources, databases or development packages', () => {
    expect(packedFileErrors(files)).toEqual([]);
    expect(files.asar).toEqual(expect.arrayContaining(['/out/main/cli.js', '/out/main/index.js', '/out/renderer/index.html']));
  });

  it('keeps SQLCipher out of the archive, loadable by the window app and by --cli alike, with nothing else unpacked', () => {
    const sqlcipher = '/node_modules/better-sqlite3-multiple-ciphers';
    expect(files.unpacked).toContain(`${sqlcipher}/build/Release/better_sqlite3.node`);
    // electron-builder unpacks the whole native package; its JS stays loadable from there, sources and objects stay out.
    for (const f of files.unpacked) expect(f.startsWith(`${sqlcipher}/`), f).toBe(true);
    expect(files.unpacked.filter((f) => f.endsWith('.node'))).toEqual([`${sqlcipher}/build/Release/better_sqlite3.node`]);
    // The bindings loader resolves the module relative to the package inside the asar, which Electron redirects.
    expect(files.asar).toContain(`${sqlcipher}/lib/database.js`);
  });

  it('marks the SQLCipher module unpacked in the asar header, which Electron follows to app.asar.unpacked', () => {
    const node = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
    expect(statFile(join(pack.appOutDir, 'resources/app.asar'), node)).toMatchObject({ unpacked: true });
  });

  it('runs the admin CLI from the packed files alone: every require resolves and SQLCipher opens a real vault', () => {
    // The archive extracted (unpacked files taken from app.asar.unpacked, as Electron does), then the CLI run with
    // plain Node from there: nothing from the checkout's sources or node_modules can be picked up.
    const app = join(outDir, 'extracted');
    extractAll(join(pack.appOutDir, 'resources/app.asar'), app);
    expect(existsSync(join(app, 'electron'))).toBe(false);
    const dataDir = join(outDir, 'vault');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(app, 'out/main/cli.js'), ...args], {
        cwd: outDir,
        env: { ...process.env, KIM_AKTE_PASSPHRASE: ADMIN_PASSPHRASE, NODE_PATH: '' },
        encoding: 'utf8',
      });
    const init = cli(['init', '--data-dir', dataDir, '--office', 'selm', '--admin-user', 'it.meier', '--admin-name', 'Jonas Meier']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const info = cli(['info', '--data-dir', dataDir, '--user', 'it.meier']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ office: 'selm', schemaVersion: SCHEMA_VERSION });
    expect(cli(['audit', 'verify', '--data-dir', dataDir, '--user', 'it.meier']).status).toBe(0);
  }, 120_000);

  it('packs exactly the production dependency tree', () => {
    const names = new Set(shippedPackages().map((p) => p.name));
    for (const dev of ['electron', 'electron-builder', 'electron-vite', 'vitest', 'tsx', '@playwright/test', 'typescript', 'ajv', 'js-yaml', '@electron/asar']) {
      if (!names.has(dev)) expect(files.asar.some((f) => f.startsWith(`/node_modules/${dev}/`)), dev).toBe(false);
    }
  });

  it.skipIf(electronDist() === null)('has the fuses of scripts/fuse-settings.cjs in the packed binary (read back)', async () => {
    expect(pack.binary).not.toBeNull();
    expect(await fuseErrors(pack.binary!)).toEqual([]);
  });

  it.runIf(electronDist() === null)('packed a stand-in for the missing Electron binary, so no fuse wire could be read back', () => {
    expect(pack.binary, FUSES_SKIPPED).toBeNull();
  });
});
