// What the API returns about the workstation, its session, accounts, drafts and settings.
import type { Office, Role } from '../offices';

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
