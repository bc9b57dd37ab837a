import { readMachinePolicy } from '../platform/policy/machine-policy';

/** Set by tests and developers to use another vault folder; the machine policy's dataFolder wins over it. */
export const DATA_DIR_ENV = 'KIM_AKTE_DATA_DIR';

/** The order the app picks its vault folder in (see electron/main/data-location.ts): policy, variable, profile. */
export function resolveDataDirectory(policyFolder: string | undefined, env: NodeJS.ProcessEnv, profileFolder: () => string): string {
  return policyFolder || env[DATA_DIR_ENV] || profileFolder();
}

/**
 * The machine policy's dataFolder, or undefined when unset or when the policy is invalid: then the core, reading
 * the same policy, refuses every call with the error screen, so the folder chosen here opens nothing.
 */
export function policyDataFolder(): string | undefined {
  try {
    return readMachinePolicy().policy.dataFolder;
  } catch {
    return undefined;
  }
}
