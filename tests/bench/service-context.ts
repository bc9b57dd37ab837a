import type { DataSource } from 'typeorm';
import { runSessionCall, type CaseWorkContext, type UnlockedSession } from '../../electron/core/api/call-context';
import type { OpenVault } from '../../electron/core/platform/vault/vault';
import { DEFAULT_MACHINE_POLICY } from '../../electron/core/contract/machine-policy';
import { FieldCipher } from '../../electron/core/platform/vault/field-cipher';

/**
 * Calls services directly on a DataSource (no dispatcher: no role gate, guard or audit entry) through the same
 * call-context builder as the dispatcher, so the baseline differs from a dispatched call only by those layers. For
 * the cipher ratio (the plain copy has no vault session) and the dispatcher-overhead baseline. Reads only. `fields`:
 * the category keys of the vault it was opened with (none by default: health and notes then stay hidden).
 */
export function withServiceCall<T>(
  ds: DataSource,
  now: Date,
  user: UnlockedSession['user'],
  run: (ctx: CaseWorkContext) => Promise<T>,
  fields: FieldCipher = new FieldCipher('service-call', {}),
): Promise<T> {
  const session: UnlockedSession = { user, deviceId: 'bench', vault: { dataSource: ds, fields } as OpenVault };
  return runSessionCall(session, { location: { dataDir: '' }, now, clock: () => now, appVersion: 'bench', machinePolicy: DEFAULT_MACHINE_POLICY }, run);
}
