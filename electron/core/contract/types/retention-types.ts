import type { Office } from '../offices';
import type { ArchiveOutcome, DeletionGround, DeletionStatus, RetentionKind } from '../retention-domain';

/** A file of the caller's office as the retention page lists it: why (and whether) it is due. */
export interface RetentionFileView {
  clientId: string;
  name: string;
  birthDate: string | null;
  office: Office;
  kind: RetentionKind;
  /** The date the period runs from: the last case's closing day, or the last contact. */
  lastDate: string;
  /** Null while a case is open. */
  dueFrom: string | null;
  due: boolean;
  years: number;
  openCases: number;
  restricted: boolean;
  /** An open deletion request for the file, if any. */
  pendingRequestId: string | null;
}

/** The retention page's list, with the periods in force (machine policy) for the page to state its rules. */
export interface RetentionFilesView {
  rules: { clientYears: number; contactYears: number };
  files: RetentionFileView[];
  /** More files matched than the answer holds (200): narrow the search. */
  truncated: boolean;
}

/** A deletion request. The name and birth date only for Datenschutz; Koordination approves the facts. */
export interface DeletionRequestView {
  id: string;
  clientId: string;
  office: Office;
  name: string | null;
  birthDate: string | null;
  ground: DeletionGround;
  reason: string | null;
  archive: ArchiveOutcome | null;
  status: DeletionStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  /** What the deletion removes, counted (zero once done). */
  counts: { cases: number; notes: number; documents: number };
  kind: RetentionKind | null;
  lastDate: string | null;
  dueFrom: string | null;
}

/** The encrypted archive package: a file name and its bytes (base64). */
export interface ArchivePackage {
  fileName: string;
  packageBase64: string;
  sha256: string;
}

/** What an executed deletion removed: counts only. */
export interface DeletionResult {
  request: DeletionRequestView;
  removedRows: number;
  removedFiles: number;
  vacuumed: boolean;
}
