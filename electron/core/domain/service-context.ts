import type { EntityManager } from 'typeorm';
import type { SessionUser } from '../contract/types/workstation-types';
import type { KeyProtectedCategory } from '../contract/data-categories';
import type { Role } from '../contract/offices';

/** The session's category keys, as services use them (platform/vault/field-cipher.ts implements it). */
export interface ProtectedFields {
  holds(category: KeyProtectedCategory): boolean;
  encrypt(category: KeyProtectedCategory, value: string, place: string): string;
  encryptNullable(category: KeyProtectedCategory, value: string | null, place: string): string | null;
  decrypt(category: KeyProtectedCategory, stored: string, place: string): string;
  /** Copies of the held private keys an account of `role` may hold (to seal to it); the caller zeroes them. */
  keysFor(role?: Role): Partial<Record<KeyProtectedCategory, Buffer>>;
}

/** Details a service adds for the audit entry that the dispatcher writes in the same transaction. */
export interface AuditNotes {
  entityIds: string[];
  fields: string[];
}

/**
 * What a domain service receives from a call by an unlocked user: who calls, when, and the call's transaction.
 * Built only by the API floor (api/call-context.ts); services never see the session, the dispatcher or the vault.
 */
export interface ServiceContext {
  /** The call's transaction: the service's reads and writes commit or roll back together with the audit entry. */
  tx: EntityManager;
  user: SessionUser;
  /** This workstation, recorded with every change for sync. */
  deviceId: string;
  /** The vault folder: the keyring (re-authentication) and the encrypted documents live there. */
  dataDir: string;
  /** The time the call started (for records of the call). */
  now: Date;
  /** The current time, for events that happen later in a long call (e.g. after a KDF). */
  clock: () => Date;
  audit: AuditNotes;
  /** The category keys of this session: protected fields are written and read through it (field-cipher.ts). */
  fields: ProtectedFields;
  /** Runs `fn` once the call's transaction has committed (e.g. deleting a document's file). */
  afterCommit(fn: () => void): void;
  /** Runs `fn` if the call's transaction rolls back (e.g. removing a file written for it). */
  onRollback(fn: () => void): void;
}

/** A call that needs the vault's secrets themselves (sealing them to an account, checking the audit head). */
export interface VaultKeyContext extends ServiceContext {
  /** A copy of the vault's secrets; the caller zeroes it (zeroSecrets). */
  vaultSecrets(): { database: Buffer; audit: Buffer };
}

/** The stamp a service's changes are recorded with (platform/sync/change-recorder.ts). */
export function stampOf(ctx: Pick<ServiceContext, 'deviceId' | 'now'> & { user?: SessionUser }): { deviceId: string; nowMs: number; actorId: string | null } {
  return { deviceId: ctx.deviceId, nowMs: ctx.now.getTime(), actorId: ctx.user?.id ?? null };
}
