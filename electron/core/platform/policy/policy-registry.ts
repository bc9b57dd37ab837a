import { execSync } from 'node:child_process';

/** Where IT sets policy values in the Windows registry (Group Policy); values here win over policy.json per key. */
export const POLICY_REGISTRY_KEY = 'HKLM\\Software\\Policies\\KIM-Akte';

/**
 * One value under the policy key: `path` is the subkey path below it plus the value name, e.g. ['sync',
 * 'shareFolder'] for HKLM\Software\Policies\KIM-Akte\sync → shareFolder. `data` is the text `reg query` prints.
 */
export interface RegistryValue {
  path: string[];
  type: string;
  data: string;
}

/** A source of raw registry values; on Windows `reg query`, in tests a recording or a fake, elsewhere none. */
export interface RegistrySource {
  /** Named in error messages, so IT knows where to look. */
  readonly location: string;
  /** The values set, or [] when the key does not exist. Throws an Error with a short English reason when unreadable. */
  read(): RegistryValue[];
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_0-9]+)(?: {4}(.*))?$/;

/**
 * Parses the output of `reg query <root> /s`: key headers (HKEY_LOCAL_MACHINE\…) followed by indented value lines
 * `    name    REG_TYPE    data`. Header names are matched case-insensitively (the registry is case-insensitive and
 * reg prints HKEY_LOCAL_MACHINE for HKLM). The unnamed default value ("(Default)", localised "(Standard)") is ignored.
 */
export function parseRegQuery(output: string, root: string = POLICY_REGISTRY_KEY): RegistryValue[] {
  const rootFull = expandHive(root).toLowerCase();
  const values: RegistryValue[] = [];
  let subPath: string[] | null = null;
  for (const rawLine of output.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    if (/^HKEY_/i.test(line)) {
      const key = line.trim();
      const lower = key.toLowerCase();
      if (lower === rootFull) subPath = [];
      else if (lower.startsWith(`${rootFull}\\`)) subPath = key.slice(rootFull.length + 1).split('\\');
      else subPath = null;
      continue;
    }
    const m = VALUE_LINE.exec(line);
    if (!m || subPath === null) continue;
    const name = m[1]!.trim();
    if (name.startsWith('(') && name.endsWith(')')) continue;
    values.push({ path: [...subPath, name], type: m[2]!, data: m[3] ?? '' });
  }
  return values;
}

function expandHive(key: string): string {
  return key.replace(/^HKLM(?=\\|$)/i, 'HKEY_LOCAL_MACHINE');
}

/**
 * Reads the policy key with Windows' own `reg query` (no native module to build or sign). The console code page is
 * switched to UTF-8 first so folder names with umlauts arrive intact. A missing key (exit 1 with no values) means
 * IT set nothing there.
 */
export function windowsRegistrySource(root: string = POLICY_REGISTRY_KEY): RegistrySource {
  return {
    location: root,
    read() {
      let output: string;
      try {
        // cmd.exe (execSync's shell on Windows); the key is our constant, never user input.
        output = execSync(`chcp 65001 >nul && reg query "${root}" /s`, {
          encoding: 'utf8',
          windowsHide: true,
          timeout: 10_000,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        const e = error as NodeJS.ErrnoException & { status?: number | null; stdout?: string };
        if (e.status === 1 && !String(e.stdout ?? '').trim()) return [];
        throw new Error(e.code === 'ENOENT' ? 'reg.exe not available' : `reg query failed (${e.status ?? e.code ?? 'error'})`);
      }
      return parseRegQuery(output, root);
    },
  };
}

/** The registry layer of this machine: Windows only. */
export function machineRegistrySource(platform: NodeJS.Platform = process.platform): RegistrySource | null {
  return platform === 'win32' ? windowsRegistrySource() : null;
}
