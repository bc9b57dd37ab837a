/**
 * German: The signed-in frame: navigation, notices (protected areas still hidden), home dashboard, scratch note,
 * settings, own passphrase change.
 */
export const frame = {
  frame: {
    navLabel: 'Hauptnavigation',
    areas: { home: 'Übersicht', clients: 'Klient:innen', accounts: 'Benutzerkonten' },
    officeBadge: 'Dienststelle {{office}}',
    userMenu: 'Benutzermenü',
    signedInAs: 'Angemeldet als {{name}} ({{role}})',
    lock: 'Sperren',
    changePassphrase: 'Passphrase ändern …',
    passphraseChanged: 'Ihre Passphrase wurde geändert. Sie gilt ab der nächsten Anmeldung.',
    dismiss: 'Hinweis schließen',
    awaitingKeys: {
      title: 'Noch ausgeblendet: {{categories}}',
      text_one:
        'Dieser Bereich ist in den Akten vorerst ausgeblendet, weil Ihr Konto den Schlüssel dafür noch nicht hat. Ihr Konto erhält ihn automatisch, sobald sich an diesem Arbeitsplatz eine Kolleg:in anmeldet, die diesen Bereich sehen darf; ab Ihrer nächsten Anmeldung ist er dann sichtbar. Alternativ kann die IT den Wiederherstellungsschlüssel verwenden. Es geht nichts verloren.',
      text_other:
        'Diese Bereiche sind in den Akten vorerst ausgeblendet, weil Ihr Konto den Schlüssel dafür noch nicht hat. Ihr Konto erhält ihn automatisch, sobald sich an diesem Arbeitsplatz eine Kolleg:in anmeldet, die diese Bereiche sehen darf; ab Ihrer nächsten Anmeldung sind sie dann sichtbar. Alternativ kann die IT den Wiederherstellungsschlüssel verwenden. Es geht nichts verloren.',
    },
  },
  home: {
    title: 'Übersicht',
    welcome: 'Willkommen, {{name}}',
    today: 'Heute ist {{date}}.',
    workstation: 'Dieser Arbeitsplatz',
    office: 'Dienststelle',
    role: 'Ihre Rolle',
    accounts: 'Aktive Benutzerkonten',
    schema: 'Datenbankschema',
    schemaValue: 'Version {{version}}',
    appVersion: 'Programmversion',
    drafts: 'Offene Entwürfe',
    draftsHint: 'Eingaben, die beim Sperren gesichert und noch nicht abgeschlossen wurden.',
    noDrafts: 'Keine offenen Entwürfe.',
    unknownDraft: 'Formular „{{formId}}“',
    loadFailed: 'Die Übersicht konnte nicht geladen werden.',
  },
  scratchNote: {
    title: 'Notiz an mich',
    hint: 'Ein Merkzettel nur für Sie. Beim Sperren wird er verschlüsselt gesichert und nach dem Entsperren wiederhergestellt.',
    label: 'Notiz',
    clear: 'Notiz verwerfen',
  },
  settings: {
    title: 'Automatische Sperre',
    intro: 'Gilt für alle Konten dieses Arbeitsplatzes. Ungespeicherte Eingaben werden vor dem Sperren gesichert.',
    idleMinutes: 'Sperren nach Inaktivität (Minuten)',
    idleMinutesHint: 'Ganze Zahl von 1 bis 120.',
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    saved_one: 'Gespeichert: Sperre nach {{count}} Minute ohne Eingabe.',
    saved_other: 'Gespeichert: Sperre nach {{count}} Minuten ohne Eingabe.',
  },
  changePassphrase: {
    title: 'Passphrase ändern',
    intro: 'Ihre neue Passphrase gilt nur für Ihr Konto. Die Daten bleiben unverändert verschlüsselt.',
    current: 'Bisherige Passphrase',
    next: 'Neue Passphrase',
    nextHint: 'Mindestens 12 Zeichen; am besten ein Satz aus mehreren Wörtern.',
    repeat: 'Neue Passphrase wiederholen',
    submit: 'Passphrase ändern',
    submitting: 'Wird geändert …',
    cancel: 'Abbrechen',
  },
} as const;
