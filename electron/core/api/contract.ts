import type { z } from 'zod';
import type { Office, Role } from '../shared/offices';
import type { ErrorPayload } from './errors';
import {
  changePassphraseInput,
  draftRefInput,
  draftSaveInput,
  emptyInput,
  settingsUpdateInput,
  setupInput,
  unlockInput,
} from './schemas';

/**
 * The one contract of the API: every method's name, input schema, output type, required access and audit rule.
 * The dispatcher (core), the preload bridge (Electron) and the loopback shim (browser harness) are all derived from
 * it. Pure: no Node, no Electron, so the renderer may import its types.
 */

/** Who may call: anyone (locked screen), any unlocked user, or an administrator. Roles refine this later. */
export type Access = 'public' | 'session' | 'admin';

/** Which audit entry a call leaves: none, or a read/write of an entity that holds personal data. */
export type AuditRule = { kind: 'none' } | { kind: 'read' | 'write'; entity: string };

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  audit: AuditRule;
  /** Phantom: carries the output type, never set at runtime. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; access: Access; audit: AuditRule }): MethodSpec<I, O> => spec;
}

const none: AuditRule = { kind: 'none' };

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  office: Office;
}

export interface VaultStatus {
  state: 'uninitialised' | 'locked' | 'unlocked';
  office: Office | null;
  idleLockMinutes: number;
  appVersion: string;
}

export interface SetupResult {
  /** The database key as 64 hex digits in groups; shown once, for IT's safe. */
  recoveryKey: string;
  user: SessionUser;
}

export interface DraftRecord {
  formId: string;
  data: Record<string, string | number | boolean | null>;
  savedAt: string;
}

export interface HomeSummary {
  office: Office;
  user: SessionUser;
  accountCount: number;
  schemaVersion: number;
  openDrafts: string[];
}

export interface AccountSummary {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  office: Office;
  active: boolean;
  lastLoginAt: string | null;
}

export interface VaultInfo {
  office: Office;
  schemaVersion: number;
  appVersion: string;
  counts: { accounts: number; auditEntries: number; changes: number; drafts: number };
}

export interface SettingsView {
  idleLockMinutes: number;
}

export const contract = {
  'vault.status': method<VaultStatus>()({ input: emptyInput, access: 'public', audit: none }),
  // Lifecycle methods (setup, unlock, lock) write their own audit entries: there is no session before or after them.
  'vault.setup': method<SetupResult>()({ input: setupInput, access: 'public', audit: none }),
  'vault.info': method<VaultInfo>()({ input: emptyInput, access: 'session', audit: none }),
  'session.unlock': method<SessionUser>()({ input: unlockInput, access: 'public', audit: none }),
  'session.current': method<SessionUser | null>()({ input: emptyInput, access: 'public', audit: none }),
  'session.lock': method<null>()({ input: emptyInput, access: 'public', audit: none }),
  'session.changePassphrase': method<null>()({
    input: changePassphraseInput,
    access: 'session',
    audit: { kind: 'write', entity: 'account' },
  }),
  'drafts.save': method<DraftRecord>()({ input: draftSaveInput, access: 'session', audit: { kind: 'write', entity: 'draft' } }),
  'drafts.get': method<DraftRecord | null>()({ input: draftRefInput, access: 'session', audit: { kind: 'read', entity: 'draft' } }),
  'drafts.discard': method<null>()({ input: draftRefInput, access: 'session', audit: { kind: 'write', entity: 'draft' } }),
  'home.summary': method<HomeSummary>()({ input: emptyInput, access: 'session', audit: none }),
  'accounts.list': method<AccountSummary[]>()({ input: emptyInput, access: 'admin', audit: { kind: 'read', entity: 'account' } }),
  'settings.get': method<SettingsView>()({ input: emptyInput, access: 'session', audit: none }),
  'settings.update': method<SettingsView>()({ input: settingsUpdateInput, access: 'admin', audit: { kind: 'write', entity: 'setting' } }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

/** What every transport returns: a value, or an error payload; never a thrown Error across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;

/** The typed object the preload (Electron) or the shim (harness) exposes as `window.kim`. */
export type KimApi = {
  [N in Namespace]: {
    [M in MethodName as M extends `${N}.${infer F}` ? F : never]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>>;
  };
} & {
  /** Main process asks the UI to save drafts and lock (OS suspend, screen lock, system idle). Returns unsubscribe. */
  onLockRequested(listener: (reason: LockReason) => void): () => void;
};

export type LockReason = 'idle' | 'suspend' | 'screen-lock' | 'user';

export const LOCK_REASONS: readonly LockReason[] = ['idle', 'suspend', 'screen-lock', 'user'];
