import { readFileSync } from 'node:fs';
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
