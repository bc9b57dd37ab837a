#!/usr/bin/env node
/*
 * Builds a second copy of the SQLCipher binding (better-sqlite3-multiple-ciphers) for Electron's ABI into
 * native/electron/, so one install serves both Node (tests, CLI: node_modules build) and Electron (`npm start`:
 * passed to TypeORM as `nativeBinding`).
 *
 * Against Electron's headers, never Node's: npm exports its `nodedir` setting to scripts as npm_config_nodedir
 * (Debian's npm sets nodedir=/usr), and node-gyp takes that over --target, building against the system Node's
 * headers while the folder says Electron. So the variable is removed for node-gyp, which then fetches the headers of
 * --target from --dist-url, and the result is checked: the module must declare Electron's ABI
 * (node_modules/electron/abi_version). Anything else fails loudly (exit 1) and leaves no module behind.
 *
 * No Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1: CI, browser-only machines) skips the build and says so (exit 0):
 * tests, CLI and `npm run dev:web` use the Node build. KIM_AKTE_SKIP_ELECTRON_NATIVE=1 skips it on purpose too.
 */
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
/** Where the Electron build goes; tests point it elsewhere so a developer's real build is never touched. */
const target = process.env.KIM_AKTE_NATIVE_ELECTRON_DIR || join(root, 'native', 'electron');
const built = join(target, 'build', 'Release', 'better_sqlite3.node');
const say = (line) => process.stdout.write(`[native] ${line}\n`);
const fail = (line) => {
  rmSync(target, { recursive: true, force: true });
  process.stderr.write(`[native] ERROR: ${line}\n`);
  process.exit(1);
};

/** The environment for node-gyp without npm's nodedir (any spelling): it would win over --target. */
function withoutNodedir(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (k.toLowerCase() !== 'npm_config_nodedir') out[k] = v;
  return out;
}

/**
 * The ABI a built module declares, read by loading it into this Node: a module for another ABI is refused with
 * "... NODE_MODULE_VERSION <n> ..."; one that loads was built for this Node. Returns { abi } or { loadsInNode }.
 */
function moduleAbi(file) {
  const r = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { encoding: 'utf8' });
  if (r.status === 0) return { loadsInNode: true, abi: process.versions.modules };
  const m = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(r.stderr);
  return { loadsInNode: false, abi: m ? m[1] : null };
}

module.exports = { moduleAbi, withoutNodedir };

if (require.main === module) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.KIM_AKTE_SKIP_ELECTRON_NATIVE === '1') {
    say('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): skipped the Electron build of SQLCipher; tests, CLI and `npm run dev:web` use the Node build.');
    process.exit(0);
  }

  let electronVersion;
  let electronAbi;
  try {
    electronVersion = require('electron/package.json').version;
    electronAbi = readFileSync(join(require.resolve('electron/package.json').replace(/package\.json$/, ''), 'abi_version'), 'utf8').trim();
  } catch {
    say('electron is not installed: skipped the Electron build of SQLCipher.');
    process.exit(0);
  }

  let nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp || !existsSync(nodeGyp)) {
    try {
      nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    } catch {
      fail('node-gyp not found; run `npm install` (it provides node-gyp), or set KIM_AKTE_SKIP_ELECTRON_NATIVE=1 to skip the Electron build.');
    }
  }

  const source = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${join(source, 'build')}`) });

  if (process.env.npm_config_nodedir) say(`ignoring npm's nodedir=${process.env.npm_config_nodedir} (Node's headers): building against Electron's.`);
  say(`building SQLCipher for Electron ${electronVersion} (ABI ${electronAbi}) ...`);
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: target, stdio: 'inherit', timeout: 10 * 60_000, env: withoutNodedir(process.env) },
  );
  if (result.status !== 0 || !existsSync(built)) {
    fail(`could not build SQLCipher for Electron ${electronVersion} (are Electron's headers reachable at electronjs.org/headers?). Without it \`npm start\` cannot open a vault; \`npm run dev:web\`, tests and the CLI work. Set KIM_AKTE_SKIP_ELECTRON_NATIVE=1 to install without it.`);
  }
  const abi = moduleAbi(built);
  if (abi.loadsInNode || abi.abi !== electronAbi) {
    fail(`the module built for Electron declares ABI ${abi.abi ?? 'unknown'}, Electron ${electronVersion} needs ${electronAbi}: it was built against other headers (Node's?). Removed; nothing mismatched is left.`);
  }
  say(`done: native/electron/build/Release/better_sqlite3.node (ABI ${abi.abi}, Electron ${electronVersion})`);
}
