import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installerGraphics } from '../../scripts/installer-graphics';
import { builderUninstallerErrors, forbiddenReason, installerRuleErrors, nsisIncludeErrors, readBuilderConfig, schemaErrors } from '../../scripts/package-check';
import { shippedPackages, THIRD_PARTY_FILE, thirdPartyLicenses } from '../../scripts/third-party-licenses';

/** The installer configuration as `npm run check:package` checks it; the packed file set is in tests/integration/package-layout.test.ts. */
const root = join(__dirname, '../..');
const config = readBuilderConfig();

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('an invalid configuration is refused, naming the key', () => {
    const broken = { ...config, nsis: { ...config.nsis, perMachine: 'yes', allowToChangeInstallDir: false }, compresion: 'maximum' };
    const errors = schemaErrors(broken);
    expect(errors.join('\n')).toMatch(/\/nsis\/perMachine: must be boolean/);
    expect(errors.join('\n')).toMatch(/\/nsis\/allowToChangeInstallDir/);
    expect(errors.join('\n')).toMatch(/\/compresion/);
  });

  it('follows the installer rules: per machine, Program Files only, vault and policy kept, MSI with a fixed upgrade code', () => {
    expect(installerRuleErrors(config)).toEqual([]);
  });

  it.each([
    ['a folder choice', { nsis: { ...config.nsis, allowToChangeInstallationDirectory: true } }, /allowToChangeInstallationDirectory/],
    ['a per-user install', { nsis: { ...config.nsis, perMachine: false } }, /nsis.perMachine/],
    ['deleting app data on uninstall', { nsis: { ...config.nsis, deleteAppDataOnUninstall: true } }, /deleteAppDataOnUninstall/],
    ['starting the app after a SYSTEM install', { msi: { ...config.msi, runAfterFinish: true } }, /msi.runAfterFinish/],
    ['an MSI without a fixed upgrade code', { msi: { ...config.msi, upgradeCode: undefined } }, /upgradeCode/],
    ['a replaced NSIS script', { nsis: { ...config.nsis, script: 'resources/installer.nsi' } }, /nsis.script/],
    ['native modules inside the asar', { asarUnpack: [] }, /asarUnpack/],
    ['auto-update from the internet', { publish: { provider: 'github' } }, /publish/],
  ])('refuses %s', (_what, change, message) => {
    expect(installerRuleErrors({ ...config, ...change }).join('\n')).toMatch(message);
  });
});

describe('the NSIS include (resources/installer.nsh)', () => {
  const include = readFileSync(join(root, 'resources/installer.nsh'), 'utf8');

  it('deletes nothing of the users or of ProgramData, and refuses --delete-app-data', () => {
    expect(nsisIncludeErrors(include)).toEqual([]);
  });

  it.each([
    ['RMDir /r "$APPDATA\\KIM-Akte"', /deletes protected data/],
    ['Delete "C:\\ProgramData\\KIM-Akte\\policy.json"', /deletes protected data/],
    ['  RMDir /r $LOCALAPPDATA\\kim-akte-updater', /deletes protected data/],
  ])('flags a line that deletes user data or the policy: %s', (line, message) => {
    expect(nsisIncludeErrors(`${include}\n!macro customRemoveFiles\n${line}\n!macroend\n`).join('\n')).toMatch(message);
  });

  it("relies on electron-builder's uninstaller deleting user data only behind --delete-app-data (checked in its template)", () => {
    expect(builderUninstallerErrors()).toEqual([]);
    const unguarded = 'Section "un.install"\n  RMDir /r "$APPDATA\\${APP_FILENAME}"\n  ${GetOptions} $R0 "--delete-app-data" $R1\nSectionEnd\n';
    expect(builderUninstallerErrors(unguarded).join('\n')).toMatch(/outside its --delete-app-data branch/);
    expect(builderUninstallerErrors('Section "un.install"\nSectionEnd\n').join('\n')).toMatch(/no longer reads --delete-app-data/);
  });

  it('flags an include without the refusal', () => {
    expect(nsisIncludeErrors('; nothing\n').join('\n')).toMatch(/--delete-app-data/);
  });
});

describe('the packed file rules', () => {
  it.each([
    ['/tests/integration/cli.test.ts'],
    ['/electron/main/index.ts'],
    ['/renderer/src/main.tsx'],
    ['/out/web/index.html'],
    ['/native/electron/build/Release/better_sqlite3.node'],
    ['/scripts/after-pack.cjs'],
    ['/vault/vault.db'],
    ['/out/main/index.js.map'],
    ['/node_modules/zod/src/v3/tests/array.test.ts'],
    ['/node_modules/some-package/test/fixture.js'],
    ['/node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node'],
    ['/keyring.json'],
  ])('keeps %s out', (path) => {
    expect(forbiddenReason(path)).not.toBeNull();
  });

  it.each([['/out/main/cli.js'], ['/node_modules/typeorm/index.js'], ['/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'], ['/package.json']])(
    'lets %s in',
    (path) => {
      expect(forbiddenReason(path)).toBeNull();
    },
  );
});

describe('resources/ for the installer', () => {
  it('holds the installer bitmaps exactly as scripts/installer-graphics.ts draws them from the icon', () => {
    const drawn = installerGraphics(readFileSync(join(root, 'resources/icon.png')));
    for (const [name, size] of [
      ['header.bmp', [150, 57]],
      ['sidebar.bmp', [164, 314]],
    ] as const) {
      const committed = readFileSync(join(root, 'resources/installer', name));
      expect(committed.equals(drawn[name]), `${name}: run npx tsx scripts/installer-graphics.ts`).toBe(true);
      expect(committed.subarray(0, 2).toString('latin1')).toBe('BM');
      expect([committed.readInt32LE(18), committed.readInt32LE(22), committed.readUInt16LE(28)]).toEqual([...size, 24]);
    }
  });

  it('holds the licence terms as the NSIS licence page reads them: UTF-8 with BOM, CRLF, German', () => {
    const bytes = readFileSync(join(root, 'resources/legal/LIZENZ.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('Nutzungsbedingungen');
    expect(text).toContain('DRITTANBIETER-LIZENZEN.txt');
  });

  it('lists the licence of every shipped package, up to date with node_modules (regenerate: npx tsx scripts/third-party-licenses.ts)', () => {
    const committed = readFileSync(THIRD_PARTY_FILE, 'utf8');
    expect(committed === thirdPartyLicenses(), 'DRITTANBIETER-LIZENZEN.txt is out of date').toBe(true);
    for (const name of ['typeorm', 'zod', 'better-sqlite3-multiple-ciphers', 'commander', 'exceljs']) expect(committed).toMatch(new RegExp(`^${name}@`, 'm'));
    // Packages that name no licence are listed as UNKNOWN for the legal review; this is the known list.
    expect(shippedPackages().filter((p) => p.license === 'UNKNOWN').map((p) => `${p.name}@${p.version}`)).toEqual(['buffers@0.1.1']);
  });

  it('installs kim-akte.cmd beside the exe: CRLF, hands all arguments to --cli and returns the exit code', () => {
    const cmd = readFileSync(join(root, 'resources/windows/kim-akte.cmd'), 'utf8');
    expect(cmd).not.toMatch(/[^\r]\n/);
    expect(cmd).toMatch(/^"%~dp0KIM-Akte\.exe" --cli %\*\r$/m);
    expect(cmd).toMatch(/^exit \/b %ERRORLEVEL%\r$/m);
  });
});
