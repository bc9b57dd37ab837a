/*
 * `npm run check:package`: what IT and the release check before an installer goes out.
 *  1. electron-builder.yml is valid against electron-builder's own JSON schema (app-builder-lib/scheme.json, ajv).
 *  2. The installer rules of issue 13 hold: per machine into Program Files only, no folder choice, silent-capable,
 *     MSI with a fixed upgrade code, the vault and the machine policy never deleted (also by the NSIS include).
 *  3. electron-builder packs the app for this platform (`--dir`, from the existing `out/` build) and the packed file
 *     set is checked: the app and the admin CLI are in, SQLCipher's module is unpacked beside the asar, and no tests,
 *     harness, sources, source maps, databases or development packages are.
 *  4. With the Electron binary installed, the pack uses it, the afterPack hook flips the fuses, and the fuse wire is
 *     read back from the packed binary. Without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1) a stand-in binary is packed,
 *     and the check says plainly that the fuses were not read back; `--require-fuses` (release builds) fails then.
 * Run after `electron-vite build` (npm test builds first; `npm run check:package` builds itself). `npm run dist` ends
 * with `--from-dist --require-fuses`: the same checks on the installer's own unpacked app, fuses read back.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import { shippedPackages } from './third-party-licenses';

const root = join(__dirname, '..');
const load = createRequire(__filename);
const yaml = load('js-yaml') as { load(text: string): unknown };
const { FUSES } = load('./fuse-settings.cjs') as { FUSES: Record<string, boolean> };

/** The parts of electron-builder's configuration these checks read. */
export interface BuilderConfig {
  asarUnpack?: string[];
  publish?: unknown;
  afterPack?: string | null;
  extraResources?: { from: string; to: string }[];
  win?: { target?: string[]; extraFiles?: { from: string; to: string }[] };
  nsis?: Record<string, unknown>;
  msi?: Record<string, unknown>;
  [key: string]: unknown;
}

export function readBuilderConfig(file = join(root, 'electron-builder.yml')): BuilderConfig {
  return yaml.load(readFileSync(file, 'utf8')) as BuilderConfig;
}

/** Errors of `config` against electron-builder's JSON schema, each naming the key; empty when valid. */
export function schemaErrors(config: unknown): string[] {
  const schema = JSON.parse(readFileSync(load.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // As electron-builder validates (allErrors, strict: false), without coercion so "true" is not taken for true.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(config)) return [];
  return (validate.errors ?? [])
    .filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword))
    .map((e) => {
      const key = e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath;
      return `electron-builder.yml ${key || '/'}: ${e.message ?? e.keyword}`;
    })
    .filter((line, i, all) => all.indexOf(line) === i);
}

/** Paths the NSIS include must never delete: user profiles (the vault) and ProgramData (the machine policy). */
const PROTECTED = /\$(APPDATA|LOCALAPPDATA|PROFILE|DOCUMENTS)|ProgramData|COMMONAPPDATA|\\KIM-Akte\\policy/i;

/** Errors of a custom NSIS include: any delete of user data or policy, or the refusal of --delete-app-data missing. */
export function nsisIncludeErrors(text: string): string[] {
  const errors: string[] = [];
  const code = text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[;#].*$/, ''))
    .join('\n');
  for (const line of code.split('\n')) {
    if (/^\s*(RMDir|Delete)\b/i.test(line) && PROTECTED.test(line)) errors.push(`NSIS include deletes protected data: ${line.trim()}`);
  }
  if (!/!macro\s+customUnInit[\s\S]*--delete-app-data[\s\S]*Quit[\s\S]*!macroend/.test(code)) {
    errors.push('NSIS include: customUnInit must refuse --delete-app-data (it would delete the vault of the uninstalling account)');
  }
  return errors;
}

/**
 * Errors in electron-builder's own uninstaller template (checked again on every electron-builder upgrade): it may
 * delete user data only inside its `$isDeleteAppData` branch, and that branch must still be reached through the
 * `--delete-app-data` switch that resources/installer.nsh refuses.
 */
export function builderUninstallerErrors(text = readFileSync(join(dirname(load.resolve('app-builder-lib/package.json')), 'templates/nsis/uninstaller.nsh'), 'utf8')): string[] {
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  const guarded = new Set<number>();
  lines.forEach((line, i) => {
    const open = /^(\s*)\$\{if\} \$isDeleteAppData == "1"/.exec(line);
    if (!open) return;
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith(`${open[1]}\${endif}`); j++) guarded.add(j);
  });
  lines.forEach((line, i) => {
    if (/^\s*(RMDir|Delete)\b/i.test(line) && PROTECTED.test(line) && !guarded.has(i)) {
      errors.push(`electron-builder's uninstaller deletes user data outside its --delete-app-data branch: ${line.trim()}`);
    }
  });
  if (!text.includes('"--delete-app-data"')) errors.push("electron-builder's uninstaller no longer reads --delete-app-data: review resources/installer.nsh");
  return errors;
}

/** Errors against the installer rules of issue 13 (besides the schema). */
export function installerRuleErrors(config: BuilderConfig): string[] {
  const errors: string[] = [];
  const expect = (ok: boolean, message: string) => {
    if (!ok) errors.push(message);
  };
  const nsis = config.nsis ?? {};
  const msi = config.msi ?? {};
  expect(config.publish === null, 'publish must be null: no auto-update from the internet');
  expect(JSON.stringify(config.win?.target ?? []) === JSON.stringify(['nsis', 'msi']), 'win.target must be nsis and msi');
  expect(nsis.perMachine === true, 'nsis.perMachine must be true (Program Files, for every user of the PC)');
  expect(nsis.allowToChangeInstallationDirectory === false, 'nsis.allowToChangeInstallationDirectory must be false (Program Files only)');
  expect(nsis.oneClick === false || nsis.oneClick === true, 'nsis.oneClick must be set explicitly');
  expect(nsis.deleteAppDataOnUninstall === false, 'nsis.deleteAppDataOnUninstall must be false (the vault stays)');
  expect(nsis.runAfterFinish === false, 'nsis.runAfterFinish must be false (software distribution installs as SYSTEM)');
  expect(msi.perMachine === true, 'msi.perMachine must be true');
  expect(msi.runAfterFinish === false, 'msi.runAfterFinish must be false');
  expect(typeof msi.upgradeCode === 'string' && /^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/i.test(msi.upgradeCode), 'msi.upgradeCode must be a fixed GUID');
  expect((config.asarUnpack ?? []).includes('**/*.node'), 'asarUnpack must hold **/*.node (SQLCipher loads from outside the archive)');
  expect(config.afterPack === 'scripts/after-pack.cjs', 'afterPack must be scripts/after-pack.cjs (fuses)');
  const cmd = (config.win?.extraFiles ?? []).find((f) => f.to === 'kim-akte.cmd');
  expect(cmd !== undefined && existsSync(join(root, cmd.from)), 'win.extraFiles must install kim-akte.cmd beside the exe');
  for (const key of ['license', 'include', 'installerHeader', 'installerSidebar', 'uninstallerSidebar'] as const) {
    const file = nsis[key];
    expect(typeof file === 'string' && file.startsWith('resources/') && existsSync(join(root, file)), `nsis.${key} must name a file under resources/`);
  }
  if (typeof nsis.include === 'string' && existsSync(join(root, nsis.include))) errors.push(...nsisIncludeErrors(readFileSync(join(root, nsis.include), 'utf8')));
  errors.push(...builderUninstallerErrors());
  if (typeof nsis.script === 'string') errors.push('nsis.script replaces electron-builder\'s script: the uninstall rules could not be checked');
  return errors;
}

export interface PackResult {
  appOutDir: string;
  /** The packed Electron binary, or null when a stand-in was packed (no Electron binary on this machine). */
  binary: string | null;
}

/** The installed Electron distribution (node_modules/electron/dist), or null where it was never downloaded. */
export function electronDist(): string | null {
  try {
    const pkgDir = dirname(load.resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    return existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())) ? join(pkgDir, 'dist') : null;
  } catch {
    return null;
  }
}

/** A stand-in for the Electron distribution: just the files electron-builder renames and copies. */
function standInDist(dir: string, platform: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = join(dir, platform === 'win32' ? 'electron.exe' : 'electron');
  writeFileSync(binary, '#!/bin/sh\necho "stand-in for the Electron binary (package check)" >&2\nexit 1\n');
  chmodSync(binary, 0o755);
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'version']) writeFileSync(join(dir, f), '');
  return dir;
}

/**
 * Packs the app as electron-builder's `--dir` target for this platform into `outDir`, from the current `out/`.
 * npmRebuild stays off: rebuilding would replace the Node build of SQLCipher in node_modules that tests use.
 */
export async function dryPack(outDir: string, log: (line: string) => void = () => undefined): Promise<PackResult> {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main missing: run `electron-vite build` first');
  if (process.platform === 'darwin') throw new Error('the package check runs on Windows and Linux');
  const { build, Platform } = await import('electron-builder');
  const real = electronDist();
  const dist = real ?? standInDist(join(outDir, 'stand-in-electron'), process.platform);
  const electronVersion = (JSON.parse(readFileSync(load.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const config: BuilderConfig = {
    ...readBuilderConfig(),
    directories: { output: join(outDir, 'pack'), buildResources: 'resources' },
    electronDist: dist,
    electronVersion,
    npmRebuild: false,
  };
  // The fuses are flipped in a real binary only; a stand-in has no fuse wire.
  if (real) config.afterPack = join(root, 'scripts/after-pack.cjs');
  else delete config.afterPack;
  // Given as a file, so electron-builder reads this configuration instead of merging it into electron-builder.yml.
  const configFile = join(outDir, 'electron-builder.check.json');
  writeFileSync(configFile, JSON.stringify(config));
  log(real ? `packing with the installed Electron ${electronVersion} (${dist})` : 'packing with a stand-in for the Electron binary');
  await build({ projectDir: root, targets: Platform.current().createTarget('dir'), config: configFile, publish: 'never' });
  const packDir = join(outDir, 'pack');
  const appOutDir = join(packDir, readdirSync(packDir).find((d) => d.endsWith('-unpacked'))!);
  const executable = process.platform === 'win32' ? 'KIM-Akte.exe' : 'kim-akte';
  return { appOutDir, binary: real ? join(appOutDir, executable) : null };
}

/** The packed app electron-builder left in dist/ (`npm run dist`): its real binary, fuses flipped by afterPack. */
export function distPack(distDir = join(root, 'dist')): PackResult {
  const name = process.platform === 'win32' ? 'win-unpacked' : 'linux-unpacked';
  const appOutDir = join(distDir, name);
  if (!existsSync(appOutDir)) throw new Error(`${appOutDir} missing: run \`npm run dist\` first`);
  return { appOutDir, binary: join(appOutDir, process.platform === 'win32' ? 'KIM-Akte.exe' : 'kim-akte') };
}

/** The files of a packed app: inside app.asar, unpacked beside it, and the extra resources. */
export function packedFiles(appOutDir: string): { asar: string[]; unpacked: string[]; resources: string[] } {
  const resourcesDir = join(appOutDir, 'resources');
  const norm = (p: string) => p.split(sep).join('/').replace(/^\/?/, '/');
  const walk = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => norm(relative(dir, join(e.parentPath, e.name))))
      : [];
  return {
    asar: listPackage(join(resourcesDir, 'app.asar'), { isPack: false }).map(norm),
    unpacked: walk(join(resourcesDir, 'app.asar.unpacked')),
    resources: walk(resourcesDir).filter((p) => !p.startsWith('/app.asar')),
  };
}

const REQUIRED_IN_ASAR = ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/main/core-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html'];
const REQUIRED_UNPACKED = ['/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'];
const REQUIRED_RESOURCES = ['/legal/LIZENZ.txt', '/legal/DRITTANBIETER-LIZENZEN.txt'];

/** Why a packed path must not ship, or null when it may. */
export function forbiddenReason(path: string): string | null {
  if (/^\/(tests|electron|renderer|native|scripts|resources|dist|out\/web)(\/|$)/.test(path)) return 'tests, harness, sources or build scripts';
  if (/\.(db|db-wal|db-shm|sqlite3?)$|\/keyring\.json$|\/\.env/.test(path)) return 'a database or local secret';
  if (/\.(ts|mts|cts|tsx|map)$/.test(path)) return 'TypeScript source or source map';
  if (/\/node_modules\/.*\/(test|tests|__tests__)\//.test(path)) return 'a package\'s tests';
  if (path.endsWith('.node') && !REQUIRED_UNPACKED.includes(path)) return 'a native module the app does not load';
  return null;
}

/** The package a node_modules path belongs to ("/node_modules/a/node_modules/@s/b/x.js" → "@s/b"). */
function packageOfPath(path: string): string | null {
  // A bare scope folder ("/node_modules/@types") is no package: the match then falls back to an outer one, if any.
  const m = /^.*\/node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)(?:\/|$)/.exec(path);
  return m ? m[1]! : null;
}

/** Errors of a packed file set: what must be in is missing, or what must stay out is in. */
export function packedFileErrors(files: { asar: string[]; unpacked: string[]; resources: string[] }): string[] {
  const errors: string[] = [];
  const asar = new Set(files.asar);
  for (const f of REQUIRED_IN_ASAR) if (!asar.has(f)) errors.push(`missing in app.asar: ${f}`);
  for (const f of REQUIRED_UNPACKED) if (!files.unpacked.includes(f)) errors.push(`missing beside app.asar (asarUnpack): ${f}`);
  for (const f of REQUIRED_RESOURCES) if (!files.resources.includes(f)) errors.push(`missing in resources: ${f}`);
  for (const f of [...files.asar, ...files.unpacked]) {
    const reason = forbiddenReason(f);
    if (reason) errors.push(`must not ship (${reason}): ${f}`);
  }
  // Packages: exactly the production dependency tree, so no development package and none missing.
  const production = new Set(shippedPackages().map((p) => p.name));
  const packed = new Set([...files.asar, ...files.unpacked].map(packageOfPath).filter((p): p is string => p !== null));
  for (const p of packed) if (!production.has(p)) errors.push(`development or unknown package in the installer: ${p}`);
  for (const p of production) if (!packed.has(p)) errors.push(`production package missing from the installer: ${p}`);
  return errors;
}

/** Errors of the fuse wire read back from a packed Electron binary against fuse-settings.cjs. */
export async function fuseErrors(binary: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, number>;
  const ENABLE = 49;
  const DISABLE = 48;
  return Object.entries(FUSES)
    .filter(([index, on]) => wire[index] !== (on ? ENABLE : DISABLE))
    .map(([index, on]) => `fuse ${index} is ${String.fromCharCode(wire[index] ?? 63)}, expected ${on ? '1' : '0'}`);
}

async function main(argv: string[]): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const failures: string[] = [];
  const config = readBuilderConfig();
  const schema = schemaErrors(config);
  failures.push(...schema);
  say(schema.length ? 'electron-builder.yml: INVALID against electron-builder\'s schema' : 'electron-builder.yml: valid against electron-builder\'s schema');
  const rules = installerRuleErrors(config);
  failures.push(...rules);
  say(rules.length ? 'installer rules: FAILED' : 'installer rules: per machine, Program Files only, silent-capable, MSI upgrade code, vault and policy kept');
  const outDir = mkdtempSync(join(tmpdir(), 'kim-akte-package-check-'));
  try {
    // --from-dist: check what `npm run dist` built (real binary) instead of packing again.
    const pack = argv.includes('--from-dist') ? distPack() : await dryPack(outDir, say);
    const files = packedFiles(pack.appOutDir);
    const fileErrors = packedFileErrors(files);
    failures.push(...fileErrors);
    say(`packed files: ${files.asar.length} in app.asar, ${files.unpacked.length} unpacked${fileErrors.length ? ' — FAILED' : ', as required'}`);
    if (pack.binary) {
      const fuses = await fuseErrors(pack.binary);
      failures.push(...fuses);
      say(fuses.length ? 'fuses: FAILED' : `fuses: read back from ${pack.binary}, as set in scripts/fuse-settings.cjs`);
    } else {
      const line =
        'fuses: NOT read back — the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the configuration ' +
        'and file set were checked with a stand-in. Run this on a machine with the binary (or with --require-fuses in the release build).';
      say(line);
      if (argv.includes('--require-fuses')) failures.push('fuses not read back (--require-fuses)');
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  for (const f of failures) process.stderr.write(`  ✗ ${f}\n`);
  say(failures.length ? `package check FAILED (${failures.length})` : 'package check passed');
  return failures.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`package check could not run: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
