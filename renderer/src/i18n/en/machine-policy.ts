/** The machine policy IT sets per workstation: the read-only view, locked settings and blocked exports. */
export const machinePolicy = {
  machinePolicy: {
    title: 'Policy of this workstation',
    intro: 'IT sets these settings for the whole workstation. They are shown here read-only; what the policy sets is locked in the settings.',
    where: 'Policy file: {{file}}',
    whereRegistry: 'Registry: {{key}}',
    caption: 'Settings of the policy with value and source',
    columns: { key: 'Setting', value: 'Value', source: 'Set by' },
    sources: { file: 'Policy file', registry: 'Registry', default: 'Default' },
    unset: 'not set',
    yes: 'yes',
    no: 'no',
    none: 'none',
    keys: {
      dataFolder: 'Data folder',
      office: 'Office',
      accounts: {
        requireApproval: 'New accounts and resets need approval by data protection',
      },
      sync: {
        intervalSeconds: 'Sync every … seconds',
        shareFolder: 'Shared folder for sync',
      },
      lock: {
        idleMinutes: 'Automatic lock after … minutes',
        maxIdleMinutes: 'Automatic lock after at most … minutes',
      },
      logs: {
        folder: 'Folder of the log files',
        keepDays: 'Keep log files (days)',
      },
      exports: {
        allowed: 'Allowed exports',
      },
      backup: {
        folder: 'Folder for backups',
        intervalHours: 'Backup every … hours',
        keep: 'Backups kept',
      },
      retention: {
        clientYears: 'Keeping client files (years after closing)',
        contactYears: 'Keeping contact-only files (years)',
        vacuumAfterDeletion: 'Rewrite the database after each deletion',
      },
    },
    exportKinds: { pdf: 'PDF files (prints and reports)', csv: 'CSV files', xlsx: 'Excel files (XLSX)', archive: 'archive packages' },
    exportBlocked: 'Not available: IT has not allowed {{kind}} on this workstation.',
    lockedHint: 'Set by IT (policy); cannot be changed here.',
    idleCapPolicyHint: 'Whole number from 1 to {{maximum}}; the policy of this workstation allows no more.',
    officeLocked: 'The policy of this workstation sets the office.',
    shareLocked: 'The policy of this workstation sets the shared folder.',
  },
} as const;
