import type { Office } from '../offices';
import type { DataCategory } from '../data-categories';

/**
 * What the network of trusted workstations looks like from this workstation (issue 9). Device ids and
 * fingerprints identify PCs, never people; nothing here is personal data.
 */
export type DeviceStatus = 'self' | 'member' | 'pending' | 'revoked' | 'frozen';

export interface NetworkDevice {
  deviceId: string;
  office: Office;
  /** Short fingerprint of the device's public keys (XXXX-XXXX-XXXX-XXXX), compared by IT at enrollment. */
  fingerprint: string;
  status: DeviceStatus;
  /** The member device whose invitation enrolled it; null for the founding workstation. */
  enrolledBy: string | null;
  /** When this device last wrote to the share (from its newest file read here), ISO time. */
  lastSyncAt: string | null;
  /** How many of its files this workstation has read. */
  filesRead: number;
  revokedAt: string | null;
  /** Why the device was frozen (two different files under one number): IT must act. */
  frozenReason: string | null;
}

export interface SyncRoundSummary {
  at: string;
  outcome: 'ok' | 'offline' | 'error';
  /** Error code when the round failed or was offline (e.g. network.shareUnreachable). */
  code: string | null;
  sent: number;
  received: number;
  applied: number;
  conflicts: number;
  rejected: number;
}

export interface NetworkStatus {
  joined: boolean;
  /** A joined device is enrolled once the inviting member confirmed it; until then the others ignore its files. */
  enrolled: boolean;
  office: Office;
  deviceId: string;
  /** The network's fingerprint, printed when it was created: every member shows the same. */
  networkFingerprint: string | null;
  deviceFingerprint: string | null;
  share: string | null;
  lastRound: SyncRoundSummary | null;
  /** The last round whose outcome was ok. */
  lastSuccessAt: string | null;
  quarantined: number;
  /** Members frozen or files refused: IT should look at the device list. */
  alerts: number;
  /** Changes recorded here that some member workstation has not been sent yet. */
  waitingChanges: number;
  /** The last round could not send protected fields (health, conversation notes): nobody signed in held their key. */
  waitingForKey: boolean;
  /** Open conflicts between this office's workstations, for case managers to settle. */
  openConflicts: number;
  /** The round running now, while it has files to read or changes to send (an initial sync takes minutes). */
  progress: SyncProgress | null;
}

/** How far a running round is: files read of those found, or change-log entries sent of those waiting. */
export interface SyncProgress {
  phase: 'receiving' | 'sending';
  done: number;
  total: number;
}

export interface InvitationView {
  invitationId: string;
  office: Office;
  expiresAt: string;
  /** The single-use code (XXXX-XXXX-XXXX-XXXX) IT types on the new workstation; shown once. */
  code: string;
  networkFingerprint: string;
  /** The invitation file's content, carried to the new workstation (it holds no secret without the code). */
  file: string;
}

export interface SyncRoundResult {
  sent: number;
  received: number;
  applied: number;
  conflicts: number;
  rejected: number;
}

/** One side of a sync conflict: the value as written, who wrote it and when (issue 9, item 4). */
export interface ConflictSide {
  /** The value as stored for the field: text, a number, or a JSON list; null: empty. */
  value: string | null;
  /** The account that wrote it (an account of another workstation of the office is listed by name). */
  actorName: string | null;
  /** When it was written (the write's clock), ISO time. */
  at: string;
}

/**
 * Two workstations of one office wrote the same field without having seen each other's write. Sync keeps the later
 * write (on every workstation alike) and lists the pair here until a case manager confirms or corrects it.
 */
export interface SyncConflictView {
  id: string;
  clientId: string;
  clientName: string;
  /** The record: client, residence_status, household_member, case, assessment, goal, measure, follow_up, consent. */
  entity: string;
  entityId: string;
  /** The field's name in the record (e.g. phone, city, status). */
  field: string;
  /** The data category of the field; null: the office's own working data. */
  category: DataCategory | null;
  /** The value in force now (the later write). */
  winner: ConflictSide;
  other: ConflictSide;
  detectedAt: string;
}
