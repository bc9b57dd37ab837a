import { DEFAULT_MACHINE_POLICY } from '../contract/machine-policy';
import { AppError } from '../contract/errors';
import { readMachinePolicy } from '../platform/policy/machine-policy';

export interface LogPolicy {
  /** The policy's log folder; undefined: the app's own. */
  folder?: string;
  keepDays: number;
  office?: string;
  /** The policy's error (code and English message) when the file is invalid: logged, and the defaults apply. */
  invalid: string | null;
}

/**
 * The log settings of the machine policy for Electron main and the CLI. An invalid policy still gets a log (the
 * default folder): that is exactly when IT needs one; the core refuses to open data under it separately.
 */
export function readLogPolicy(): LogPolicy {
  try {
    const { policy } = readMachinePolicy();
    return { folder: policy.logs.folder, keepDays: policy.logs.keepDays, office: policy.office, invalid: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { keepDays: DEFAULT_MACHINE_POLICY.logs.keepDays, invalid: `${error.code}: ${error.message}` };
  }
}
