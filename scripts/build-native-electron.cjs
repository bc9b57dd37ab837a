#!/usr/bin/env node
/*
 * Builds a second copy of the SQLCipher binding (better-sqlite3-multiple-ciphers) for Electron's ABI into
 * native/electron/, so one install serves both Node (tests, CLI: node_modules build) and Electron (`npm start`:
 * passed to TypeORM as `nativeBinding`). Where Electron's headers cannot be fetched, or no Electron binary is
 * installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), it explains and exits 0: the Node build alone is enough there.
 */
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const target = join(root, 'native', 'electron');
const say = (line) => process.stdout.write(`[native] ${line}\n`);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.KIM_AKTE_SKIP_ELECTRON_NATIVE === '1') {
  say('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): skipping the Electron build of SQLCipher; Node build is used for tests and CLI.');
  process.exit(0);
}

let electronVersion;
try {
  electronVersion = require('electron/package.json').version;
} catch {
  say('electron is not installed: skipping the Electron build of SQLCipher.');
  process.exit(0);
}

const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp || !existsSync(nodeGyp)) {
  say('node-gyp not found (run through npm install): skipping the Electron build of SQLCipher.');
  process.exit(0);
}

const source = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${join(source, 'build')}`) });

say(`building SQLCipher for Electron ${electronVersion} ...`);
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: target, stdio: 'inherit', timeout: 10 * 60_000 },
);
if (result.status === 0 && existsSync(join(target, 'build', 'Release', 'better_sqlite3.node'))) {
  say('done: native/electron/build/Release/better_sqlite3.node');
} else {
  rmSync(target, { recursive: true, force: true });
  say('could not build for Electron (no headers download here?). Tests and CLI are unaffected; `npm start` needs this build.');
}
process.exit(0);
