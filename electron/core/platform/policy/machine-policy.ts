import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { DEFAULT_MACHINE_POLICY, machinePolicySchema, type MachinePolicy } from '../../contract/machine-policy';

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
  /** The file read, or null when none exists (all defaults). */
  file: string | null;
}

/**
 * Reads and validates the machine policy. No file means the defaults; a file that is unreadable, not JSON or
 * breaks a rule is `policy.invalid` naming the file, the key and the rule, and the caller opens no data.
 */
export function readMachinePolicy(file: string = policyFilePath()): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { policy: DEFAULT_MACHINE_POLICY, file: null };
    throw new AppError('policy.invalid', { file, key: '(file)', rule: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('policy.invalid', { file, key: '(file)', rule: 'not valid JSON' });
  }
  const parsed = machinePolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.')];
    throw new AppError('policy.invalid', { file, key: keys.join(', ') || '(root)', rule: issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message });
  }
  return { policy: parsed.data, file };
}
