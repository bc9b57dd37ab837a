/** How bad a finding is: `critical` means data is at risk now, `warning` needs IT soon, `info` is for the record. */
export type HealthSeverity = 'critical' | 'warning' | 'info';

/** The checks of the health check, in the order they run and are shown. */
export const HEALTH_CHECKS = [
  'policy',
  'schemaVersion',
  'diskSpace',
  'share',
  'backup',
  'cipherIntegrity',
  'databaseIntegrity',
  'auditChain',
  'documents',
] as const;
export type HealthCheckId = (typeof HEALTH_CHECKS)[number];

/** The checks cheap enough for every sign-in of IT (no full read of the database or the documents folder). */
export const QUICK_HEALTH_CHECKS: readonly HealthCheckId[] = ['policy', 'schemaVersion', 'diskSpace', 'share', 'backup'];

/** The English codes of the findings; each has a message and a fix (health-domain.ts) and German texts in the UI. */
export const HEALTH_FINDING_CODES = [
  'health.policyInvalid',
  'health.schemaBehind',
  'health.diskLow',
  'health.diskCritical',
  'health.diskUnknown',
  'health.shareMissing',
  'health.shareReadOnly',
  'health.backupNone',
  'health.backupOld',
  'health.backupFailed',
  'health.cipherDamaged',
  'health.integrityFailed',
  'health.auditBroken',
  'health.orphanedFiles',
  'health.missingFiles',
  'health.quarantineNotEmpty',
] as const;
export type HealthFindingCode = (typeof HEALTH_FINDING_CODES)[number];

/**
 * Numbers, and for the policy the key and rule IT wrote: a finding never carries a document's name, a person's data
 * or a path inside the vault.
 */
export type HealthParams = Partial<Record<'count' | 'freeMb' | 'thresholdMb' | 'ageHours' | 'maxHours' | 'vault' | 'app' | 'entry', number>> & {
  key?: string;
  rule?: string;
  /** The English code of a failed scheduled backup (e.g. backup.folderUnavailable). */
  error?: string;
};

export interface HealthFinding {
  check: HealthCheckId;
  code: HealthFindingCode;
  severity: HealthSeverity;
  params: HealthParams;
}

export interface HealthCheckResult {
  check: HealthCheckId;
  /** ok: passed; finding: see `findings`; skipped: does not apply here (no sync network). */
  state: 'ok' | 'finding' | 'skipped';
  /** Milliseconds this check took (the full checks read the whole vault: IT sees which one is slow). */
  ms: number;
}

export interface HealthReport {
  scope: 'quick' | 'full';
  checkedAt: string;
  /** Milliseconds the checks took, for IT (a full check reads the whole vault). */
  tookMs: number;
  checks: HealthCheckResult[];
  findings: HealthFinding[];
}

export interface HealthRepairResult {
  /** Orphaned document files moved into the quarantine folder of the data folder (never deleted). */
  quarantined: number;
  /** The folder inside the data folder they were moved to, relative to it (e.g. quarantine/2026-12-01T16-40-00Z). */
  folder: string | null;
}
