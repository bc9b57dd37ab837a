import type { Texts } from '../texts';
import type { systemHealth as de } from '../de/system-health';

/** English: the IT health view and its summary on IT's start page. */
export const systemHealth: Texts<typeof de> = {
  systemHealth: {
    nav: 'System health',
    title: 'System health',
    lead: 'Checks of this workstation for IT: database, audit chain, documents folder, disk space, shared folder, policy and last backup. The quick checks run at sign-in; the full check reads the whole database and takes a few seconds on large vaults.',
    runQuick: 'Quick check',
    runFull: 'Full check',
    running: 'Checking …',
    repair: 'Move orphaned files to quarantine',
    repaired_one: '{{count}} orphaned file was moved to the folder {{folder}} in the data folder (not deleted).',
    repaired_other: '{{count}} orphaned files were moved to the folder {{folder}} in the data folder (not deleted).',
    repairedNone: 'There were no orphaned files to move.',
    checkedAt: 'Checked on {{date}} at {{time}} ({{scope}}, {{ms}} ms).',
    scope: { quick: 'quick check', full: 'full check' },
    healthy: 'No findings: all checks passed.',
    findingsTitle: 'Findings',
    findingsCount_one: '{{count}} finding needs your attention.',
    findingsCount_other: '{{count}} findings need your attention.',
    checkColumn: 'Check',
    stateColumn: 'Result',
    checksTitle: 'Checks',
    fixLabel: 'Fix:',
    codeLabel: 'Code for support:',
    notRunQuick: 'Only in the full check',
    states: { ok: 'OK', finding: 'Finding', skipped: 'Not applicable', notRun: 'Not checked' },
    severity: { critical: 'Critical', warning: 'Warning', info: 'Note' },
    checks: {
      policy: 'Machine policy',
      schemaVersion: 'Database schema',
      diskSpace: 'Free disk space',
      share: 'Shared folder (sync)',
      backup: 'Last backup',
      cipherIntegrity: 'Encrypted database pages',
      databaseIntegrity: 'Database structure',
      auditChain: 'Audit chain',
      documents: 'Documents folder',
    },
    findings: {
      'health.policyInvalid': {
        message: 'The policy file is invalid now: key {{key}}, {{rule}}. At the next start the app opens no data with it.',
        fix: 'Correct the file and check it with "kim-akte policy check --file" before rollout. The running app keeps the policy it started with.',
      },
      'health.schemaBehind': {
        message: 'The database schema is version {{vault}}, the app expects {{app}}.',
        fix: 'Sign in once with the app so it migrates the database; if that fails, restore the last backup.',
      },
      'health.diskLow': {
        message: 'Only {{freeMb}} MB free on the drive of the data folder (warning below {{thresholdMb}} MB).',
        fix: 'Free space (old backups, temporary files) or move the data folder to a larger drive.',
      },
      'health.diskCritical': {
        message: 'Only {{freeMb}} MB free on the drive of the data folder: saving may fail (below {{thresholdMb}} MB).',
        fix: 'Free space now; until then input may be lost.',
      },
      'health.diskUnknown': {
        message: 'The free space of the drive could not be read.',
        fix: 'Check the drive and its permissions and run the check again.',
      },
      'health.shareMissing': {
        message: 'The shared sync folder is not reachable.',
        fix: 'Connect the network drive or share (VPN, mapped drive) and check the path in the policy; sync resumes by itself.',
      },
      'health.shareReadOnly': {
        message: 'The shared folder can be read but not written.',
        fix: "Give this workstation's Windows account write permission on the share.",
      },
      'health.backupNone': {
        message: 'No backup of this database has been recorded.',
        fix: 'Run "kim-akte backup" now and set "backup.folder" in the policy for scheduled backups.',
      },
      'health.backupOld': {
        message: 'The last backup is {{ageHours}} hours old (expected at most {{maxHours}}).',
        fix: 'Check that the backup folder is reachable and writable, then run "kim-akte backup".',
      },
      'health.backupFailed': {
        message: 'The last scheduled backup failed ({{error}}).',
        fix: 'Check that the policy\'s "backup.folder" exists and this workstation may write to it; the next scheduled run, or "kim-akte backup", clears this.',
      },
      'health.cipherDamaged': {
        message: 'The encrypted database has {{count}} damaged page(s).',
        fix: 'Stop using this workstation, copy the data folder aside and restore the last backup ("kim-akte restore").',
      },
      'health.integrityFailed': {
        message: 'The database structure check reports {{count}} problem(s).',
        fix: 'Stop using this workstation, copy the data folder aside and restore the last backup ("kim-akte restore").',
      },
      'health.auditBroken': {
        message: 'The audit chain is broken at entry #{{entry}}.',
        fix: 'Run "kim-akte audit verify" for the details, keep the data folder as evidence and inform data protection.',
      },
      'health.orphanedFiles': {
        message: '{{count}} file(s) in the documents folder belong to no document (left by an interrupted upload).',
        fix: 'Move them to the quarantine folder of the data folder with the button below or "kim-akte doctor --repair".',
      },
      'health.missingFiles': {
        message: '{{count}} document(s) have no file in the documents folder.',
        fix: 'Restore the documents folder from the last backup; the documents stay listed but cannot be opened until then.',
      },
      'health.quarantineNotEmpty': {
        message: '{{count}} file(s) wait in the quarantine folder of the data folder.',
        fix: 'Once the documents are complete, IT may delete the quarantine folder.',
      },
    },
    summary: {
      title: 'System health',
      ok: 'The quick checks at sign-in passed.',
      link: 'Open system health',
    },
  },
};
