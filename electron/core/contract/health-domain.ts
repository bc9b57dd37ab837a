import type { HealthFinding, HealthFindingCode, HealthParams } from './types/health-types';

/** Free space below this on the vault's drive is a warning: the vault, its WAL and a backup need room to grow. */
export const DISK_WARNING_MB = 2048;
/** Below this SQLite may fail a write (the WAL cannot grow): a critical finding. */
export const DISK_CRITICAL_MB = 256;
/** Without a scheduled backup in the policy, a backup older than this is a finding. */
export const BACKUP_MAX_AGE_HOURS_DEFAULT = 7 * 24;
/** The folder inside the data folder that orphaned files are moved to by `doctor --repair`; never deleted by the app. */
export const QUARANTINE_FOLDER = 'quarantine';

type Text = (p: HealthParams) => string;

/** English message and fix per finding, for the CLI and the log (the UI has German texts of its own). */
export const HEALTH_TEXTS: Record<HealthFindingCode, { message: Text; fix: Text }> = {
  'health.policyInvalid': {
    message: (p) => `The machine policy file is invalid now: key ${p.key}, ${p.rule}. The app will refuse to start with it.`,
    fix: () => 'Correct the file (check it with `kim-akte policy check --file`); the running app keeps the policy it started with.',
  },
  'health.schemaBehind': {
    message: (p) => `The vault schema is version ${p.vault}, the app expects ${p.app}.`,
    fix: () => 'Sign in once with the app so it migrates the vault; if that fails, restore the last backup.',
  },
  'health.diskLow': {
    message: (p) => `Only ${p.freeMb} MB free on the drive of the data folder (warning below ${p.thresholdMb} MB).`,
    fix: () => 'Free space on the drive (old backups, temporary files) or move the data folder to a larger drive.',
  },
  'health.diskCritical': {
    message: (p) => `Only ${p.freeMb} MB free on the drive of the data folder: writes may fail (below ${p.thresholdMb} MB).`,
    fix: () => 'Free space on the drive now; until then users may lose unsaved input.',
  },
  'health.diskUnknown': {
    message: () => 'The free space of the drive of the data folder could not be read.',
    fix: () => 'Check the drive and its permissions; run the health check again.',
  },
  'health.shareMissing': {
    message: () => 'The shared sync folder is not reachable.',
    fix: () => 'Connect the network drive or share (VPN, mapped drive) and check the path in the policy; sync resumes by itself.',
  },
  'health.shareReadOnly': {
    message: () => 'The shared sync folder can be read but not written.',
    fix: () => 'Give this workstation\'s Windows account write permission on the shared folder.',
  },
  'health.backupNone': {
    message: () => 'No backup of this vault has been recorded.',
    fix: () => 'Run `kim-akte backup` now and set `backup.folder` in the machine policy for scheduled backups.',
  },
  'health.backupOld': {
    message: (p) => `The last backup is ${p.ageHours} hours old (expected at most ${p.maxHours}).`,
    fix: () => 'Check that the backup folder is reachable and writable, then run `kim-akte backup`.',
  },
  'health.backupFailed': {
    message: (p) => `The last scheduled backup failed (${p.error}).`,
    fix: () => 'Check that the policy\'s backup.folder exists and this workstation may write to it; the next scheduled run, or `kim-akte backup`, clears this.',
  },
  'health.cipherDamaged': {
    message: (p) => `The encrypted database has ${p.count} damaged page(s) (cipher_integrity_check).`,
    fix: () => 'Stop using this workstation, copy the data folder aside and restore the last backup (`kim-akte restore`).',
  },
  'health.integrityFailed': {
    message: (p) => `The database structure check reported ${p.count} problem(s) (integrity_check).`,
    fix: () => 'Stop using this workstation, copy the data folder aside and restore the last backup (`kim-akte restore`).',
  },
  'health.auditBroken': {
    message: (p) => `The audit trail is broken at entry #${p.entry}.`,
    fix: () => 'Run `kim-akte audit verify` for the details, keep the data folder as evidence and inform data protection.',
  },
  'health.orphanedFiles': {
    message: (p) => `${p.count} file(s) in the documents folder belong to no document (left by an interrupted upload).`,
    fix: () => 'Run `kim-akte doctor --repair`: it moves them into the quarantine folder of the data folder.',
  },
  'health.missingFiles': {
    message: (p) => `${p.count} document(s) have no file in the documents folder.`,
    fix: () => 'Restore the documents folder from the last backup; the documents stay listed but cannot be opened until then.',
  },
  'health.quarantineNotEmpty': {
    message: (p) => `${p.count} file(s) wait in the quarantine folder of the data folder.`,
    fix: () => 'After checking the documents are complete, IT may delete the quarantine folder.',
  },
};

export function healthMessage(f: Pick<HealthFinding, 'code' | 'params'>): string {
  return HEALTH_TEXTS[f.code].message(f.params);
}

export function healthFix(f: Pick<HealthFinding, 'code' | 'params'>): string {
  return HEALTH_TEXTS[f.code].fix(f.params);
}
