import type { UnlockedSession } from '../../electron/core/api/call-context';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';

/** The dispatcher's private session field; the benchmark reaches it to measure on the dispatcher's own connection. */
type WithSession = { session: UnlockedSession | null };

/**
 * BENCHMARK ONLY: a CoreDispatcher over an already open vault connection, as if `session.user` had unlocked it. Every
 * call then runs the dispatcher's full path (role gate, validation, guard, transaction, audit entry and head). The
 * cipher ratio needs this for the decrypted copy, which the product can never open (it refuses plain files); both
 * sides of the ratio use it, so they differ only in the connection's cipher.
 */
export function dispatcherOver(session: UnlockedSession, dataDir: string, now?: () => Date): CoreDispatcher {
  const core = new CoreDispatcher({ dataDir, now });
  (core as unknown as WithSession).session = session;
  if (!core.isUnlocked) throw new Error('CoreDispatcher no longer keeps its session in `session`: update the benchmark');
  return core;
}

/**
 * BENCHMARK ONLY: the session of an unlocked dispatcher, so that a "direct service" baseline runs on the very
 * connection (and warm page cache) of the dispatched calls it is compared with.
 */
export function sessionOf(core: CoreDispatcher): UnlockedSession {
  const session = (core as unknown as WithSession).session;
  if (!session) throw new Error('the dispatcher is locked');
  return session;
}
