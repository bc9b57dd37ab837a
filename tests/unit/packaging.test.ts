import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';

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

  it('flips every security-relevant Electron fuse in the afterPack hook', () => {
    const hook = readFileSync(join(root, 'scripts/after-pack.cjs'), 'utf8');
    const expected: [keyof typeof FuseV1Options, boolean][] = [
      ['RunAsNode', false],
      ['EnableNodeOptionsEnvironmentVariable', false],
      ['EnableNodeCliInspectArguments', false],
      ['EnableEmbeddedAsarIntegrityValidation', true],
      ['OnlyLoadAppFromAsar', true],
      ['GrantFileProtocolExtraPrivileges', false],
      ['EnableCookieEncryption', true],
    ];
    for (const [fuse, value] of expected) {
      expect(FuseV1Options[fuse]).toBeDefined();
      expect(hook).toContain(`[FuseV1Options.${fuse}]: ${value}`);
    }
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
    for (const file of [...sourceFiles('electron/main'), ...sourceFiles('electron/core'), ...sourceFiles('electron/preload')]) {
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
