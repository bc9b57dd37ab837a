// What the API returns from the audit trail: entries without personal values, lookups, the chain check.
import type { Role } from '../offices';

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  actorName: string | null;
  actorRole: string | null;
  office: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  fields: string[];
  outcome: string;
}

export interface AuditPage {
  rows: AuditEntryView[];
  total: number;
}

export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
}

/** A data subject as the audit view may show it: enough to pick the right person, nothing of the file. */
export interface AuditSubject {
  id: string;
  displayName: string;
  /** Partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null. */
  birthDate: string | null;
}

/** An account as a filter option of the audit view (the data protection role cannot list accounts otherwise). */
export interface AuditUserOption {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBreak: ChainBreak | null;
  /**
   * The comparison with the checkpoints of the audit head this workstation published in its sync log (issue 9):
   * absent before the workstation joined a network; `unreachable` when the share could not be read (not checked).
   */
  anchor?: AuditAnchorCheck;
}

export interface AuditAnchorCheck {
  state: 'ok' | 'mismatch' | 'unreachable';
  /** Checkpoints compared with the local trail. */
  checked: number;
  /** Files of this workstation's log that are missing on the share (removed there). */
  missingFiles: number;
}

export interface ChainBreak {
  id: number;
  reason: 'changed' | 'removed-or-reordered' | 'tail-cut' | 'head-invalid' | 'head-missing' | 'checkpoint-mismatch';
}
