import type { Access } from '../contract/methods';
import type { SessionUser } from '../contract/types/workstation-types';
import { AccessPolicy } from '../domain/access/access-policy';
import type { ClientDataContext } from '../domain/access/call-access';
import type { AuditNotes, VaultKeyContext } from '../domain/service-context';
import { berlinDate } from '../contract/dates';
import type { OpenVault, VaultLocation } from '../platform/vault/vault';
import type { MachinePolicy } from '../contract/machine-policy';
import type { PolicySources } from '../contract/machine-policy-keys';
import type { SyncIo } from '../domain/sync/sync-context';
import type { SyncProgress } from '../contract/types/network-types';

/** The unlocked state: the open database and who unlocked it. Dropped (and the database closed) on lock. */
export interface UnlockedSession {
  vault: OpenVault;
  user: SessionUser;
  deviceId: string;
  /** The sync round running on this session, for network.status (kept in memory only). */
  syncProgress?: SyncProgress | null;
}

export interface PolicyOrigin {
  file: string;
  registry: string | null;
}

/** What every call knows: where the vault lives, the app version, when the call started. */
export interface CallBasics {
  location: VaultLocation;
  appVersion: string;
  /** The time the call started (for records of the call). */
  now: Date;
  /** The current time, for events that happen later in a long call (e.g. after a KDF). */
  clock: () => Date;
  /** The machine policy read at start (policy.json). */
  machinePolicy: MachinePolicy;
  /** Which keys of the policy IT set (file or registry); absent: none (all defaults). */
  policySources?: PolicySources;
  /** Where the policy was looked for at start; shown with the read-only view. */
  policyOrigin?: PolicyOrigin;
  /** How the shared folder is reached (node:fs by default; tests inject file-system faults). */
  syncIo?: SyncIo;
}

/** Public methods (status, setup, unlock, lock, recovery reset): no session needed, and they may replace it. */
export interface LifecycleContext extends CallBasics {
  session: UnlockedSession | null;
  /** Replaces the session (unlock, setup) or clears it (lock), closing the previous vault. */
  setSession(next: UnlockedSession | null): Promise<void>;
}

/** A method that replaces the session's database (re-keying): a lifecycle method for an unlocked caller. */
export interface VaultLifecycleContext extends LifecycleContext {
  session: UnlockedSession;
}

/** A method that runs outside the call queue (the sync round): its chunks queue one by one on the caller's session. */
export interface ReleasedContext extends VaultLifecycleContext {
  enqueue<T>(fn: (session: UnlockedSession) => Promise<T>): Promise<T>;
}

/** Methods of an unlocked user: the session cannot be null, and everything runs in the call's transaction. */
export interface SessionContext extends CallBasics, VaultKeyContext {
  session: UnlockedSession;
}

/** Client-data methods: also the caller's access rules and the file the method's guard resolved. */
export interface CaseWorkContext extends SessionContext, ClientDataContext {}

/** The context a handler of a method with access level `A` receives. */
export type ContextFor<A extends Access> = A extends 'public' ? LifecycleContext : A extends 'caseWork' ? CaseWorkContext : SessionContext;

/** File work that must follow the database outcome (delete after commit, clean up after rollback); never throws. */
function runAll(fns: (() => void)[], onError: (error: unknown) => void): void {
  for (const fn of fns) {
    try {
      fn();
    } catch (error) {
      onError(error);
    }
  }
}

/**
 * The one place a session call's context is built: opens a transaction on the session's vault, gives `run` the
 * context (user, clock, transaction, access rules, audit notes), and runs the after-commit or rollback hooks by
 * the outcome. The dispatcher, tests and benchmarks all call services through it.
 */
export async function runSessionCall<T>(
  session: UnlockedSession,
  basics: CallBasics,
  run: (ctx: CaseWorkContext) => Promise<T>,
  onHookError: (error: unknown) => void = () => undefined,
): Promise<T> {
  const afterCommit: (() => void)[] = [];
  const onRollback: (() => void)[] = [];
  const audit: AuditNotes = { entityIds: [], fields: [] };
  let result: T;
  try {
    result = await session.vault.dataSource.transaction((tx) =>
      run({
        ...basics,
        session,
        tx,
        user: session.user,
        deviceId: session.deviceId,
        dataDir: basics.location.dataDir,
        vaultSecrets: () => session.vault.secrets(),
        fields: session.vault.fields,
        audit,
        afterCommit: (fn) => afterCommit.push(fn),
        onRollback: (fn) => onRollback.push(fn),
        policy: new AccessPolicy(tx, session.user, berlinDate(basics.now), session.vault.fields),
        clientAccess: null,
      }),
    );
  } catch (error) {
    runAll(onRollback, onHookError);
    throw error;
  }
  runAll(afterCommit, onHookError);
  return result;
}
