import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { machinePolicySchema, type MachinePolicy } from '../../contract/machine-policy';
import { POLICY_KEYS, type PolicyKey, type PolicyKeyKind } from '../../contract/machine-policy-keys';
import { machineRegistrySource, type RegistrySource, type RegistryValue } from './policy-registry';

/** Points the app at another policy file (tests, a staged rollout); the machine-wide file is used otherwise. */
export const POLICY_FILE_ENV = 'KIM_AKTE_POLICY_FILE';

/** Where IT places the policy: %ProgramData%\KIM-Akte\policy.json on Windows, /etc/kim-akte/policy.json elsewhere. */
export function policyFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[POLICY_FILE_ENV];
  if (override) return override;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'KIM-Akte', 'policy.json');
  return '/etc/kim-akte/policy.json';
}

export interface LoadedPolicy {
  policy: MachinePolicy;
  /** The file read, or null when none exists. */
  file: string | null;
  /** The registry key consulted (Windows), or null where there is no registry. */
  registry: string | null;
  /** The keys IT set and where; every other key has its default (or stays unset). */
  sources: Partial<Record<PolicyKey, 'file' | 'registry'>>;
}

type Raw = Record<string, unknown>;

const KIND_OF = new Map<string, PolicyKeyKind>(POLICY_KEYS.map((k) => [k.key, k.kind]));

function isPlainObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A registry value as the schema expects it, by the key's kind: REG_DWORD for numbers and switches (0/1), REG_SZ
 * for text (REG_EXPAND_SZ with %VARIABLES% expanded), REG_MULTI_SZ or a comma-separated REG_SZ for lists. A value
 * of the wrong type is passed on unchanged, so the schema names the key and the rule.
 */
export function registryValueFor(value: RegistryValue, env: NodeJS.ProcessEnv = process.env): unknown {
  const kind = KIND_OF.get(value.path.join('.'));
  const { type, data } = value;
  const number = type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(data, 16) : /^\s*\d+\s*$/.test(data) ? Number(data) : Number.NaN;
  const text = type === 'REG_EXPAND_SZ' ? data.replace(/%([^%]+)%/g, (all, name: string) => env[name] ?? all) : data;
  switch (kind) {
    case 'integer':
      return Number.isFinite(number) ? number : text;
    case 'boolean':
      if (number === 0 || /^false$/i.test(data)) return false;
      if (number === 1 || /^true$/i.test(data)) return true;
      return Number.isFinite(number) ? number : text;
    case 'list': {
      const parts = type === 'REG_MULTI_SZ' ? data.split('\\0') : data.split(/[,;]/);
      return parts.map((p) => p.trim()).filter((p) => p !== '');
    }
    default:
      return type === 'REG_DWORD' || type === 'REG_QWORD' ? number : text;
  }
}

/** Sets each registry value into the file's object at its path; the registry wins per key. */
export function mergeRegistry(fileRaw: unknown, values: readonly RegistryValue[], env: NodeJS.ProcessEnv = process.env): unknown {
  if (!values.length) return fileRaw;
  const merged: Raw = isPlainObject(fileRaw) ? structuredClone(fileRaw) : {};
  for (const v of values) {
    let node = merged;
    for (const part of v.path.slice(0, -1)) {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Raw;
    }
    node[v.path[v.path.length - 1]!] = registryValueFor(v, env);
  }
  return merged;
}

function valueAt(raw: unknown, key: string): unknown {
  let node: unknown = raw;
  for (const part of key.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

function readFileRaw(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('policy.invalid', { file, source: 'file', key: '(file)', rule: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new AppError('policy.invalid', { file, source: 'file', key: '(file)', rule: 'not valid JSON' });
  }
}

/**
 * Reads and validates the machine policy: policy.json, then the registry values on Windows (which win per key),
 * validated together with the shared schema. Neither present means the defaults. An unreadable file or registry,
 * broken JSON, or a value that breaks a rule is `policy.invalid` naming where (file or registry key), the key and the
 * rule, and the caller opens no data.
 */
export function readMachinePolicy(file: string = policyFilePath(), registry: RegistrySource | null = machineRegistrySource()): LoadedPolicy {
  const fileRaw = readFileRaw(file);
  let values: RegistryValue[] = [];
  if (registry) {
    try {
      values = registry.read();
    } catch (error) {
      throw new AppError('policy.invalid', { file: registry.location, source: 'registry', key: '(registry)', rule: `unreadable (${(error as Error).message})` });
    }
  }
  const fromRegistry = new Set(values.map((v) => v.path.join('.')));
  const merged = mergeRegistry(fileRaw ?? {}, values);
  const parsed = machinePolicySchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.')];
    // Blamed on the registry when it set the key (or the unknown name); the file otherwise.
    const blameRegistry = registry !== null && (fileRaw === undefined || keys.some((k) => fromRegistry.has(k) || [...fromRegistry].some((r) => r.startsWith(`${k}.`))));
    throw new AppError('policy.invalid', {
      file: blameRegistry ? registry.location : file,
      source: blameRegistry ? 'registry' : 'file',
      key: keys.join(', ') || '(root)',
      rule: issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message,
    });
  }
  const sources: LoadedPolicy['sources'] = {};
  for (const { key } of POLICY_KEYS) {
    if (fromRegistry.has(key)) sources[key] = 'registry';
    else if (valueAt(fileRaw, key) !== undefined) sources[key] = 'file';
  }
  return { policy: parsed.data, file: fileRaw === undefined ? null : file, registry: registry?.location ?? null, sources };
}
