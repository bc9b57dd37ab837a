import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-vault';

const ROOT = resolve(__dirname, '../..');
const PREFLIGHT = join(ROOT, 'scripts', 'start-preflight.cjs');
const BUILD = join(ROOT, 'scripts', 'build-native-electron.cjs');
const NODE_BUILD = require.resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');

function run(script: string, env: Record<string, string | undefined>) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: undefined, ELECTRON_SKIP_BINARY_DOWNLOAD: undefined, ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [script], { cwd: ROOT, env: merged, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a start that explains itself (issue 13, item 8)', () => {
  const tmp = tempDir('kim-akte-preflight-');
  afterAll(() => tmp.cleanup());

  it('without the Electron binary (this machine), npm start stops with one line pointing to npm run dev:web', () => {
    const r = run(PREFLIGHT, {});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^KIM-Akte: the Electron binary is not installed on this machine .*run `npm run dev:web` to use the app in a browser instead\.$/);
  });

  it('with a binary but no SQLCipher build for Electron, says that instead', () => {
    const dist = join(tmp.dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    const r = run(PREFLIGHT, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    if (existsSync(join(ROOT, 'native', 'electron', 'build', 'Release', 'better_sqlite3.node'))) return; // a developer's real build: nothing to say
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^KIM-Akte: the SQLCipher build for Electron \(native\/electron\/\) is missing, .*`npm run dev:web`.*\n$/);
  });

  it('the install without the Electron binary succeeds and says it skipped the Electron build', () => {
    const r = run(BUILD, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[native\] Electron binary not installed \(ELECTRON_SKIP_BINARY_DOWNLOAD=1\): skipped the Electron build of SQLCipher/);
  });

  it('builds without npm\'s nodedir and refuses loudly a module built against Node\'s headers, leaving nothing behind', () => {
    // A stand-in for node-gyp that records its environment and "builds" what Debian's nodedir=/usr produced: Node's ABI.
    const fakeGyp = join(tmp.dir, 'fake-node-gyp.js');
    const seen = join(tmp.dir, 'gyp-env.json');
    writeFileSync(
      fakeGyp,
      `const fs = require('node:fs'); const path = require('node:path');
fs.writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ args: process.argv.slice(2), nodedir: Object.keys(process.env).filter((k) => k.toLowerCase() === 'npm_config_nodedir') }));
fs.mkdirSync(path.join(process.cwd(), 'build', 'Release'), { recursive: true });
fs.copyFileSync(${JSON.stringify(NODE_BUILD)}, path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node'));`,
    );
    chmodSync(fakeGyp, 0o755);
    const out = join(tmp.dir, 'native-electron');
    const r = run(BUILD, { npm_config_node_gyp: fakeGyp, npm_config_nodedir: '/usr', KIM_AKTE_NATIVE_ELECTRON_DIR: out });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ignoring npm's nodedir=/usr");
    expect(r.stderr).toMatch(/\[native\] ERROR: the module built for Electron declares ABI \d+, Electron [\d.]+ needs \d+: it was built against other headers/);
    expect(existsSync(out)).toBe(false);
    const gyp = JSON.parse(readFileSync(seen, 'utf8')) as { args: string[]; nodedir: string[] };
    expect(gyp.nodedir).toEqual([]);
    expect(gyp.args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', expect.stringMatching(/^--target=\d+\.\d+\.\d+$/) as unknown]));
  });
});
