/*
 * Writes resources/legal/DRITTANBIETER-LIZENZEN.txt: every package the installer ships (the production dependency
 * tree of package.json, as electron-builder collects it) with its version, licence and licence text. Deterministic,
 * so tests/unit/installer-config.test.ts can tell when it is out of date. Run: `npx tsx scripts/third-party-licenses.ts`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..');
export const THIRD_PARTY_FILE = join(root, 'resources/legal/DRITTANBIETER-LIZENZEN.txt');

interface Manifest {
  name: string;
  version: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface ShippedPackage {
  name: string;
  version: string;
  license: string;
  dir: string;
}

/** The folder Node would load `name` from when required inside `fromDir` (node_modules lookup upwards). */
function packageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

function licenseOf(m: Manifest): string {
  if (typeof m.license === 'string') return m.license;
  if (m.license?.type) return m.license.type;
  const types = (m.licenses ?? []).map((l) => l.type).filter(Boolean);
  // Named as such so a reviewer sees it; tests/unit/installer-config.test.ts lists the packages this applies to.
  return types.length ? `(${types.join(' OR ')})` : 'UNKNOWN';
}

/** The production dependency tree: dependencies and installed optional dependencies, each folder once. */
export function shippedPackages(): ShippedPackage[] {
  const seen = new Map<string, ShippedPackage>();
  const visit = (manifest: Manifest, dir: string, isRoot: boolean) => {
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
    for (const name of names) {
      const found = packageDir(name, dir);
      if (!found) {
        if (isRoot || !(name in (manifest.optionalDependencies ?? {}))) throw new Error(`${name} (needed by ${manifest.name}) is not installed`);
        continue;
      }
      if (seen.has(found)) continue;
      const m = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8')) as Manifest;
      seen.set(found, { name: m.name, version: m.version, license: licenseOf(m), dir: found });
      visit(m, found, false);
    }
  };
  visit(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest, root, true);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
}

function licenseText(dir: string): string | null {
  const file = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying)([.-].*)?$/i.test(f))
    .sort()[0];
  return file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : null;
}

/** The file's text: a German header, then one section per package (name@version, licence, text). */
export function thirdPartyLicenses(): string {
  const packages = shippedPackages();
  const seen = new Set<string>();
  const sections = packages
    .filter((p) => {
      const key = `${p.name}@${p.version}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p) => {
      const text = licenseText(p.dir) ?? `(Das Paket enthält keine Lizenzdatei; Lizenz laut package.json: ${p.license}.)`;
      return `${'='.repeat(78)}\n${p.name}@${p.version} — ${p.license}\n${'='.repeat(78)}\n\n${text}\n`;
    });
  const header = [
    'KIM-Akte — Lizenzen der mitgelieferten Drittanbieter-Software',
    '',
    'KIM-Akte enthält die folgenden Open-Source-Pakete. Sie stehen unter ihren eigenen Lizenzen, deren Texte hier',
    'vollständig wiedergegeben sind. Die Lizenzen von Electron und Chromium liegen im Installationsordner',
    '(LICENSE.electron.txt, LICENSES.chromium.html).',
    '',
    'Diese Datei wird mit scripts/third-party-licenses.ts aus den installierten Paketen erzeugt.',
    `Pakete: ${sections.length}`,
    '',
  ].join('\n');
  return `${header}\n${sections.join('\n')}`;
}

if (require.main === module) {
  const text = thirdPartyLicenses();
  writeFileSync(THIRD_PARTY_FILE, text);
  process.stdout.write(`${THIRD_PARTY_FILE}: ${text.length} characters\n`);
}
