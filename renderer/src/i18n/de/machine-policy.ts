/** The machine policy IT sets per workstation: the read-only view, locked settings and blocked exports. */
export const machinePolicy = {
  machinePolicy: {
    title: 'Richtlinie dieses Arbeitsplatzes',
    intro: 'Die IT legt diese Einstellungen für den ganzen Arbeitsplatz fest. Sie sind hier nur zu sehen; was die Richtlinie festlegt, ist in den Einstellungen gesperrt.',
    where: 'Richtliniendatei: {{file}}',
    whereRegistry: 'Registrierung: {{key}}',
    caption: 'Einstellungen der Richtlinie mit Wert und Herkunft',
    columns: { key: 'Einstellung', value: 'Wert', source: 'Festgelegt durch' },
    sources: { file: 'Richtliniendatei', registry: 'Registrierung', default: 'Standardwert' },
    unset: 'nicht festgelegt',
    yes: 'ja',
    no: 'nein',
    none: 'keine',
    keys: {
      dataFolder: 'Datenordner',
      office: 'Dienststelle',
      accounts: {
        requireApproval: 'Neue Konten und Zurücksetzungen brauchen Freigabe durch den Datenschutz',
      },
      sync: {
        intervalSeconds: 'Abgleich alle … Sekunden',
        shareFolder: 'Gemeinsamer Ordner für den Abgleich',
      },
      lock: {
        idleMinutes: 'Automatische Sperre nach … Minuten',
        maxIdleMinutes: 'Automatische Sperre höchstens nach … Minuten',
      },
      logs: {
        folder: 'Ordner der Protokolldateien',
        keepDays: 'Protokolldateien aufbewahren (Tage)',
      },
      exports: {
        allowed: 'Erlaubte Exporte',
      },
      backup: {
        folder: 'Ordner für Sicherungen',
        intervalHours: 'Sicherung alle … Stunden',
        keep: 'Aufbewahrte Sicherungen',
      },
      retention: {
        clientYears: 'Aufbewahrung von Klientenakten (Jahre nach Abschluss)',
        contactYears: 'Aufbewahrung bei reinem Kontakt (Jahre)',
        vacuumAfterDeletion: 'Datenbank nach jeder Löschung neu schreiben',
      },
    },
    exportKinds: { pdf: 'PDF-Dateien (Ausdrucke und Berichte)', csv: 'CSV-Dateien', xlsx: 'Excel-Dateien (XLSX)', archive: 'Archivpakete' },
    exportBlocked: 'Nicht verfügbar: Die IT hat {{kind}} auf diesem Arbeitsplatz nicht freigegeben.',
    lockedHint: 'Von der IT festgelegt (Richtlinie); hier nicht änderbar.',
    idleCapPolicyHint: 'Ganze Zahl von 1 bis {{maximum}}; mehr erlaubt die Richtlinie dieses Arbeitsplatzes nicht.',
    officeLocked: 'Die Richtlinie dieses Arbeitsplatzes legt die Dienststelle fest.',
    shareLocked: 'Die Richtlinie dieses Arbeitsplatzes legt den gemeinsamen Ordner fest.',
  },
} as const;
