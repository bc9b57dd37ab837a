// What the API returns about approval requests for account changes (IT asks, Datenschutz decides).
import type { Office, Role } from '../offices';

export const ACCOUNT_REQUEST_KINDS = ['create', 'reset'] as const;
export type AccountRequestKind = (typeof ACCOUNT_REQUEST_KINDS)[number];

/**
 * pending: waits for Datenschutz; approved / rejected: decided; expired: not decided in time; superseded: IT set
 * another passphrase before a decision; applied: took effect at once (no approval needed, or the policy waived it).
 */
export const ACCOUNT_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'superseded', 'applied'] as const;
export type AccountRequestStatus = (typeof ACCOUNT_REQUEST_STATUSES)[number];

/** How a request was (or was not) approved: for `applied`, whether the policy waived an approval the role needs. */
export type AccountRequestApproval = 'required' | 'not-required' | 'waived-by-policy';

export interface AccountRequestView {
  id: string;
  kind: AccountRequestKind;
  status: AccountRequestStatus;
  approval: AccountRequestApproval;
  account: { id: string; login: string; displayName: string; role: Role; office: Office };
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
  expiresAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
}

/** Shown at the login after an IT reset or account creation: the passphrase is one-time and must be changed now. */
export interface PassphraseChangeNotice {
  kind: AccountRequestKind;
  /** When IT set the passphrase. */
  setAt: string;
  /** Who set it (display name), and who approved it (null: no approval was needed or the policy waived it). */
  setBy: string;
  approvedBy: string | null;
}
