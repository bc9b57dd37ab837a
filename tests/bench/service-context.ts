import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../electron/core/domain/access/access-policy';
import { berlinDate } from '../../electron/core/contract/dates';
import type { CallContext, UnlockedSession } from '../../electron/core/api/call-context';

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
    // The same access rules as a dispatched call (a case manager of the client's office).
    policy: new AccessPolicy(m, user, berlinDate(now)),
    clientAccess: null,
    audit: { entityIds: [], fields: [] },
    afterCommit: (fn) => fn(),
    onRollback: () => undefined,
    setSession: async () => undefined,
  };
}
