/** German: the IT health view (Systemzustand) and its summary on IT's start page. */
export const systemHealth = {
  systemHealth: {
    nav: 'Systemzustand',
    title: 'Systemzustand',
    lead: 'Prüfungen dieses Arbeitsplatzes für die IT: Datenbank, Protokollkette, Dokumentenordner, Speicherplatz, Netzwerkordner, Richtlinie und letzte Sicherung. Beim Anmelden laufen die schnellen Prüfungen; die vollständige Prüfung liest die ganze Datenbank und dauert bei großen Datenbeständen einige Sekunden.',
    runQuick: 'Schnell prüfen',
    runFull: 'Vollständig prüfen',
    running: 'Prüfung läuft …',
    repair: 'Verwaiste Dateien in die Quarantäne verschieben',
    repaired_one: '{{count}} verwaiste Datei wurde in den Ordner {{folder}} im Datenordner verschoben (nicht gelöscht).',
    repaired_other: '{{count}} verwaiste Dateien wurden in den Ordner {{folder}} im Datenordner verschoben (nicht gelöscht).',
    repairedNone: 'Es gab keine verwaisten Dateien zu verschieben.',
    checkedAt: 'Geprüft am {{date}} um {{time}} Uhr ({{scope}}, {{ms}} ms).',
    scope: { quick: 'schnelle Prüfung', full: 'vollständige Prüfung' },
    healthy: 'Keine Befunde: Alle Prüfungen sind bestanden.',
    findingsTitle: 'Befunde',
    findingsCount_one: '{{count}} Befund braucht Ihre Aufmerksamkeit.',
    findingsCount_other: '{{count}} Befunde brauchen Ihre Aufmerksamkeit.',
    checkColumn: 'Prüfung',
    stateColumn: 'Ergebnis',
    checksTitle: 'Prüfungen',
    fixLabel: 'Abhilfe:',
    codeLabel: 'Code für den Support:',
    notRunQuick: 'Nur in der vollständigen Prüfung',
    states: { ok: 'In Ordnung', finding: 'Befund', skipped: 'Entfällt', notRun: 'Nicht geprüft' },
    severity: { critical: 'Kritisch', warning: 'Warnung', info: 'Hinweis' },
    checks: {
      policy: 'Richtlinie des Rechners',
      schemaVersion: 'Datenbankschema',
      diskSpace: 'Freier Speicherplatz',
      share: 'Netzwerkordner (Abgleich)',
      backup: 'Letzte Sicherung',
      cipherIntegrity: 'Verschlüsselte Seiten der Datenbank',
      databaseIntegrity: 'Aufbau der Datenbank',
      auditChain: 'Protokollkette',
      documents: 'Dokumentenordner',
    },
    findings: {
      'health.policyInvalid': {
        message: 'Die Richtliniendatei ist jetzt ungültig: Schlüssel {{key}}, {{rule}}. Beim nächsten Start öffnet die App damit keine Daten.',
        fix: 'Datei korrigieren und vor der Verteilung mit „kim-akte policy check --file“ prüfen. Die laufende App behält die Richtlinie vom Start.',
      },
      'health.schemaBehind': {
        message: 'Das Datenbankschema hat Version {{vault}}, die App erwartet {{app}}.',
        fix: 'Einmal mit der App anmelden, damit sie die Datenbank aktualisiert; schlägt das fehl, die letzte Sicherung zurückspielen.',
      },
      'health.diskLow': {
        message: 'Auf dem Laufwerk des Datenordners sind nur {{freeMb}} MB frei (Warnung unter {{thresholdMb}} MB).',
        fix: 'Platz schaffen (alte Sicherungen, temporäre Dateien) oder den Datenordner auf ein größeres Laufwerk legen.',
      },
      'health.diskCritical': {
        message: 'Auf dem Laufwerk des Datenordners sind nur {{freeMb}} MB frei: Speichern kann fehlschlagen (unter {{thresholdMb}} MB).',
        fix: 'Sofort Platz schaffen; bis dahin können Eingaben verloren gehen.',
      },
      'health.diskUnknown': {
        message: 'Der freie Speicherplatz des Laufwerks ließ sich nicht lesen.',
        fix: 'Laufwerk und Berechtigungen prüfen und die Prüfung wiederholen.',
      },
      'health.shareMissing': {
        message: 'Der Netzwerkordner für den Abgleich ist nicht erreichbar.',
        fix: 'Netzlaufwerk bzw. Freigabe verbinden (VPN, Laufwerkszuordnung) und den Pfad in der Richtlinie prüfen; der Abgleich setzt danach von selbst fort.',
      },
      'health.shareReadOnly': {
        message: 'Der Netzwerkordner lässt sich lesen, aber nicht beschreiben.',
        fix: 'Dem Windows-Konto dieses Arbeitsplatzes Schreibrechte auf die Freigabe geben.',
      },
      'health.backupNone': {
        message: 'Für diese Datenbank ist keine Sicherung verzeichnet.',
        fix: 'Jetzt „kim-akte backup“ ausführen und in der Richtlinie „backup.folder“ für geplante Sicherungen setzen.',
      },
      'health.backupOld': {
        message: 'Die letzte Sicherung ist {{ageHours}} Stunden alt (erwartet höchstens {{maxHours}}).',
        fix: 'Prüfen, ob der Sicherungsordner erreichbar und beschreibbar ist, dann „kim-akte backup“ ausführen.',
      },
      'health.backupFailed': {
        message: 'Die letzte geplante Sicherung ist fehlgeschlagen ({{error}}).',
        fix: 'Prüfen, ob der Ordner „backup.folder“ der Richtlinie besteht und dieser Arbeitsplatz hineinschreiben darf; die nächste geplante Sicherung oder „kim-akte backup“ hebt den Hinweis auf.',
      },
      'health.cipherDamaged': {
        message: 'Die verschlüsselte Datenbank hat {{count}} beschädigte Seite(n).',
        fix: 'Arbeitsplatz nicht weiter nutzen, den Datenordner beiseite kopieren und die letzte Sicherung zurückspielen („kim-akte restore“).',
      },
      'health.integrityFailed': {
        message: 'Die Strukturprüfung der Datenbank meldet {{count}} Problem(e).',
        fix: 'Arbeitsplatz nicht weiter nutzen, den Datenordner beiseite kopieren und die letzte Sicherung zurückspielen („kim-akte restore“).',
      },
      'health.auditBroken': {
        message: 'Die Protokollkette ist bei Eintrag Nr. {{entry}} unterbrochen.',
        fix: 'Mit „kim-akte audit verify“ die Einzelheiten ansehen, den Datenordner als Beweis sichern und den Datenschutz informieren.',
      },
      'health.orphanedFiles': {
        message: '{{count}} Datei(en) im Dokumentenordner gehören zu keinem Dokument (Rest eines abgebrochenen Hochladens).',
        fix: 'Mit der Schaltfläche unten oder „kim-akte doctor --repair“ in den Quarantäneordner des Datenordners verschieben.',
      },
      'health.missingFiles': {
        message: 'Zu {{count}} Dokument(en) fehlt die Datei im Dokumentenordner.',
        fix: 'Den Dokumentenordner aus der letzten Sicherung zurückspielen; bis dahin bleiben die Dokumente aufgeführt, lassen sich aber nicht öffnen.',
      },
      'health.quarantineNotEmpty': {
        message: '{{count}} Datei(en) liegen im Quarantäneordner des Datenordners.',
        fix: 'Wenn die Dokumente vollständig sind, darf die IT den Quarantäneordner löschen.',
      },
    },
    summary: {
      title: 'Systemzustand',
      ok: 'Die schnellen Prüfungen beim Anmelden sind bestanden.',
      link: 'Systemzustand öffnen',
    },
  },
};
