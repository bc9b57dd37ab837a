import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as fusesModule from '@electron/fuses';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const root = join(__dirname, '../..');

describe('installer configuration', () => {
  const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

  it('never ships the browser harness, tests or local data, and never auto-updates from the internet', () => {
    for (const excluded of ['"!tests/**"', '"!out/web/**"', '"!native/**"']) expect(builder).toContain(excluded);
    expect(builder).toMatch(/^publish: null$/m);
    expect(builder).toMatch(/perMachine: true/);
  });

  it('takes the app icon from the top-level resources folder, at least 512 px square', () => {
    expect(builder).toMatch(/^  buildResources: resources$/m);
    const png = readFileSync(join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('flips every Electron fuse in the afterPack hook, passing exactly these options for the packaged binary', async () => {
    // The hook runs the way electron-builder runs it, with @electron/fuses' flipFuses replaced by a recorder.
    const hookPath = join(root, 'scripts/after-pack.cjs');
    const load = createRequire(hookPath);
    const fusesPath = load.resolve('@electron/fuses');
    const real = load('@electron/fuses') as typeof fusesModule;
    const calls: [string, unknown][] = [];
    const flipFuses = (binary: string, config: unknown) => {
      calls.push([binary, config]);
      return Promise.resolve(0);
    };
    const cached = load.cache[fusesPath]!;
    load.cache[fusesPath] = { ...cached, exports: { ...real, flipFuses } } as NodeJS.Module;
    delete load.cache[hookPath];
    try {
      const afterPack = load(hookPath) as (context: unknown) => Promise<void>;
      const context = (platform: string) => ({
        electronPlatformName: platform,
        appOutDir: '/out/app',
        packager: { appInfo: { productFilename: 'KIM-Akte' }, executableName: 'kim-akte' },
      });
      for (const platform of ['win32', 'linux', 'darwin']) await afterPack(context(platform));
    } finally {
      load.cache[fusesPath] = cached;
      delete load.cache[hookPath];
    }
    const fuses = {
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    };
    // Every fuse the library knows is decided here; strictlyRequireAllFuses makes a newer one fail the build.
    expect(Object.keys(fuses).sort()).toEqual(Object.values(FuseV1Options).filter((v) => typeof v === 'number').map(String).sort());
    const config = (darwin: boolean) => ({ version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: darwin, ...fuses });
    expect(calls).toEqual([
      [join('/out/app', 'KIM-Akte.exe'), config(false)],
      [join('/out/app', 'kim-akte'), config(false)],
      [join('/out/app', 'KIM-Akte.app'), config(true)],
    ]);
  });
});

/** Packages only tests and development tools use: electron-builder packs `dependencies` and `optionalDependencies`. */
const TEST_ONLY = ['tsx', '@journeyapps/sqlcipher', 'vitest', '@playwright/test', '@axe-core/playwright', 'fast-check'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The npm package a bare import names (`@scope/name/sub` → `@scope/name`), or null for relative and Node imports. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('packages in the installer', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const packed = { ...pkg.dependencies, ...pkg.optionalDependencies };
  const dev = pkg.devDependencies ?? {};

  it('packs no test-only package, and still installs each for tests and the dev CLI (npm ci installs devDependencies)', () => {
    for (const name of TEST_ONLY) {
      expect(packed, name).not.toHaveProperty([name]);
      expect(dev, name).toHaveProperty([name]);
    }
    // electron-builder would pack them through files/extraResources too: nothing there may name them.
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    for (const name of TEST_ONLY) expect(builder).not.toContain(name);
  });

  it('ships every package the shipped code imports, and the shipped code imports no test-only package', () => {
    const imported = new Set<string>();
    // The admin CLI ships too (out/main/cli.js, `KIM-Akte --cli`).
    for (const file of [...sourceFiles('electron/main'), ...sourceFiles('electron/core'), ...sourceFiles('electron/preload'), ...sourceFiles('electron/cli')]) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|^\s*import\s+|\brequire\(|\bimport\()'([^'\n]+)'/gm)) {
        const name = packageOf(specifier!);
        if (name) imported.add(name);
      }
    }
    expect([...imported]).toEqual(expect.arrayContaining(['typeorm', 'zod', 'better-sqlite3-multiple-ciphers']));
    for (const name of imported) {
      expect(TEST_ONLY, name).not.toContain(name);
      if (name !== 'electron') expect(packed, `${name} is imported by the app but not in dependencies`).toHaveProperty([name]);
    }
  });
});
