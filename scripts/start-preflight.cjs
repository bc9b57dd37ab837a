#!/usr/bin/env node
/*
 * Runs before `npm start` / `npm run dev`: checks that the Electron binary and the SQLCipher build for Electron are
 * there, without require('electron') (which would try to download the binary). When one is missing it prints one
 * line saying so and what to do instead, and exits 1; electron-vite is not started.
 */
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');

/** The Electron executable this checkout would start, or null when none is installed. */
function electronExecutable(env = process.env) {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  if (!relative) return null;
  const full = join(electronDir, 'dist', relative);
  return existsSync(full) ? full : null;
}

/** The problem with starting Electron here, as one line, or null when it can start. */
function preflightProblem(env = process.env) {
  const exe = electronExecutable(env);
  if (!exe || !existsSync(exe)) {
    return 'KIM-Akte: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed), so the app window cannot start; run `npm run dev:web` to use the app in a browser instead.';
  }
  if (!existsSync(join(root, 'native', 'electron', 'build', 'Release', 'better_sqlite3.node'))) {
    return 'KIM-Akte: the SQLCipher build for Electron (native/electron/) is missing, so the app cannot open its vault; run `node scripts/build-native-electron.cjs`, or `npm run dev:web` to use the app in a browser instead.';
  }
  return null;
}

module.exports = { electronExecutable, preflightProblem };

if (require.main === module) {
  const problem = preflightProblem();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
