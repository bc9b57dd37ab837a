/** A completed backup as recorded in the vault (settings key backup.last). */
export interface BackupRecord {
  /** When the copy was taken (ISO). */
  at: string;
  /** The backup file's name (no folder: the folder is IT's, from the policy or the command line). */
  file: string;
  bytes: number;
}

/** backup.status: what IT sees of the scheduled backup on this workstation. */
export interface BackupStatus {
  /** backup.folder of the machine policy; null when no scheduled backup is configured. */
  folder: string | null;
  intervalHours: number;
  keep: number;
  last: BackupRecord | null;
  /** Hours since the last backup (one decimal), null before the first. */
  ageHours: number | null;
  /** A scheduled backup is configured and the last one is older than the interval (or there is none). */
  overdue: boolean;
  /** The last scheduled run that failed, with its error code, when no backup succeeded since. */
  lastFailure: { at: string; code: string } | null;
}
