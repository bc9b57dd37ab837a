import type { EntityManager } from 'typeorm';
import type { CallContext, UnlockedSession } from '../../electron/core/session/session';

/**
 * A CallContext for calling services directly on a DataSource (no dispatcher): for the cipher ratio (plain copy has
 * no vault session) and for the dispatcher-overhead baseline. Reads only; nothing here writes audit entries.
 */
export function serviceContext(m: EntityManager, now: Date, user: UnlockedSession['user']): CallContext {
  return {
    location: { dataDir: '' },
    now,
    clock: () => now,
    appVersion: 'bench',
    session: { user, deviceId: 'bench', vault: undefined as never },
    tx: m,
    audit: { entityIds: [], fields: [] },
    afterCommit: (fn) => fn(),
    onRollback: () => undefined,
    setSession: async () => undefined,
  };
}
