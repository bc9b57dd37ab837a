import type { EntityManager } from 'typeorm';
import type { MachinePolicy } from '../../contract/machine-policy';
import type { PolicySources } from '../../contract/machine-policy-keys';
import { readSetting, SETTING_KEYS } from './settings-store';

/** The largest value the settings form takes (settingsUpdateInput), whatever the policy allows. */
export const IDLE_LOCK_FORM_MAXIMUM = 120;

/**
 * The idle lock under the machine policy: `lock.maxIdleMinutes` caps what the workstation's administrator may
 * choose; `lock.idleMinutes` is the default, and when IT sets it (file or registry) the value is fixed and the
 * setting locked.
 */
export function idleLockRule(policy: MachinePolicy, sources: PolicySources = {}): { maximum: number; fixed: boolean } {
  return { maximum: Math.min(policy.lock.maxIdleMinutes, IDLE_LOCK_FORM_MAXIMUM), fixed: sources['lock.idleMinutes'] !== undefined };
}

/** The minutes without input before this workstation locks: the policy's when it fixes them, else the stored choice within the cap. */
export function effectiveIdleLockMinutes(stored: number | null, policy: MachinePolicy, sources: PolicySources = {}): number {
  const rule = idleLockRule(policy, sources);
  if (rule.fixed) return policy.lock.idleMinutes;
  return Math.min(stored ?? policy.lock.idleMinutes, rule.maximum);
}

/** The stored choice of the administrator, or null when none was made. */
export async function readStoredIdleLockMinutes(m: EntityManager): Promise<number | null> {
  const v = Number(await readSetting(m, SETTING_KEYS.idleLockMinutes));
  return Number.isInteger(v) && v > 0 ? v : null;
}
