import type { EntityManager } from 'typeorm';
import type { OpenVault, VaultLocation } from '../platform/vault/vault';
import type { AccessPolicy, ClientAccess } from '../domain/access/access-policy';
import type { SessionUser } from "../contract/types/workstation-types";

/** The unlocked state: the open database and who unlocked it. Dropped (and the database closed) on lock. */
export interface UnlockedSession {
  vault: OpenVault;
  user: SessionUser;
  deviceId: string;
}

/** What every handler receives: plain inputs plus the context of the call. */
export interface CallContext {
  location: VaultLocation;
  /** The time the call started (for records of the call). */
  now: Date;
  /** The current time, for events that happen later in a long call (e.g. after a KDF). */
  clock: () => Date;
  appVersion: string;
  session: UnlockedSession | null;
  /** The transaction of this call, for methods that need an unlocked session. */
  tx: EntityManager | null;
  /** The access rules of this call's user (null before unlock). */
  policy: AccessPolicy | null;
  /** The caller's access to the client file the method's guard resolved (null for list and create methods). */
  clientAccess: ClientAccess | null;
  /** Details the handler adds for the audit entry the dispatcher writes. */
  audit: { entityIds: string[]; fields: string[] };
  /** Runs `fn` once the call's transaction has committed (e.g. deleting a document's file). */
  afterCommit(fn: () => void): void;
  /** Runs `fn` if the call's transaction rolls back (e.g. removing a file written for it). */
  onRollback(fn: () => void): void;
  /** Replaces the session (unlock, setup) or clears it (lock). */
  setSession(next: UnlockedSession | null): Promise<void>;
}

export function requireSession(ctx: CallContext): { session: UnlockedSession; tx: EntityManager } {
  if (!ctx.session || !ctx.tx) throw new Error('handler needs an unlocked session (dispatcher bug)');
  return { session: ctx.session, tx: ctx.tx };
}
