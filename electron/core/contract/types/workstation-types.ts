// What the API returns about the workstation, its session, accounts, drafts and settings.
import type { KeyProtectedCategory } from '../data-categories';
import type { PolicyView } from '../machine-policy-keys';
import type { Office, Role } from '../offices';
import type { AccountRequestKind, PassphraseChangeNotice } from './account-request-types';

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  office: Office;
  /**
   * Present while the passphrase is one-time (set by IT): until it is changed, the core refuses every data method
   * of this session.
   */
  passphraseChange?: PassphraseChangeNotice;
  /**
   * Protected categories (health, conversation notes) the role reads but this account holds no key for yet: an
   * account IT created or reset receives them at the next unlock of a colleague who holds them, or when IT uses the
   * recovery key. Until then those parts of client files stay hidden. Absent when nothing is missing.
   */
  awaitingCategoryKeys?: KeyProtectedCategory[];
}

export interface VaultStatus {
  state: 'uninitialised' | 'locked' | 'unlocked';
  office: Office | null;
  idleLockMinutes: number;
  appVersion: string;
  /** The effective machine policy, key by key with its source: shown read-only; the keys IT set lock their settings. */
  policy: PolicyView;
}

export interface SetupResult {
  /** The recovery key as 64 hex digits in groups; shown once, for IT's safe. */
  recoveryKey: string;
  user: SessionUser;
}

export interface RekeyResult {
  /** The new recovery key (the old one no longer opens the vault); shown once, for IT's safe. */
  recoveryKey: string;
  /** Accounts that had not signed in since the keyring format changed: they need a passphrase reset now. */
  accountsWithoutAccess: number;
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
  version: number;
  /** False when the account has no passphrase wrap (disabled, or re-enabled and waiting for a reset). */
  canUnlock: boolean;
  login: string;
  displayName: string;
  role: Role;
  office: Office;
  active: boolean;
  lastLoginAt: string | null;
  /** IT's change that waits for Datenschutz approval; until then the account keeps its old passphrase (if any). */
  pendingRequest: { id: string; kind: AccountRequestKind; expiresAt: string } | null;
  /** The passphrase was set by IT and must be changed at the next login. */
  oneTimePassphrase: boolean;
  /**
   * Categories the role reads whose key the account does not hold yet (it is sealed to the account at the next unlock
   * of a colleague who holds it); empty for accounts that cannot sign in.
   */
  awaitingCategoryKeys: KeyProtectedCategory[];
}

export interface VaultInfo {
  office: Office;
  schemaVersion: number;
  appVersion: string;
  counts: { accounts: number; auditEntries: number; changes: number; drafts: number };
}

export interface SettingsView {
  idleLockMinutes: number;
  /** The most the machine policy allows (lock.maxIdleMinutes, at most the form's 120). */
  maxIdleLockMinutes: number;
  /** The machine policy fixes the idle time (lock.idleMinutes set by IT): the setting is shown locked. */
  idleLockFixed: boolean;
}
