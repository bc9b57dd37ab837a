/** German: Re-keying the vault (IT administration, on the accounts page). */
export const vaultKey = {
  vaultKey: {
    card: {
      title: 'Datenbankschlüssel',
      description:
        'Die Datenbank dieses Arbeitsplatzes ist mit einem eigenen Schlüssel verschlüsselt. Erneuern Sie ihn, wenn eine Kopie der Schlüsseldatei oder der Wiederherstellungsschlüssel in falsche Hände geraten sein könnte, etwa wenn eine Person ausgeschieden ist.',
      open: 'Datenbankschlüssel erneuern …',
    },
    offer: {
      title: 'Datenbankschlüssel erneuern?',
      text: 'Ehemalige Kolleg:innen könnten eine Kopie der Schlüsseldatei besitzen, mit der sich die Datenbank weiterhin öffnen ließe. Nach dem Erneuern öffnet eine solche Kopie die Datenbank nicht mehr; nur eine damals mitkopierte Datenbankdatei bliebe mit ihr lesbar.',
      open: 'Jetzt erneuern …',
      dismiss: 'Später',
    },
    dialog: {
      title: 'Datenbankschlüssel erneuern',
      intro:
        'Die Datenbank erhält einen neuen Schlüssel, und für den Tresor der IT wird ein neuer Wiederherstellungsschlüssel erzeugt; der bisherige Wiederherstellungsschlüssel wird damit ungültig. Alle aktiven Konten behalten ihre Passphrasen, und Sie bleiben angemeldet.',
      submit: 'Schlüssel erneuern',
      working: 'Die Datenbank wird neu verschlüsselt …',
    },
    result: {
      title: 'Neuer Wiederherstellungsschlüssel',
      done: 'Der Datenbankschlüssel wurde erneuert. Alle aktiven Konten melden sich weiter mit ihrer bisherigen Passphrase an.',
      keepHint:
        'Drucken Sie den Schlüssel aus (Strg+P) oder schreiben Sie ihn vollständig ab und verwahren Sie ihn im Tresor der IT. Vernichten Sie den bisherigen Ausdruck: Der alte Schlüssel öffnet nichts mehr. Speichern Sie den neuen Schlüssel nicht als Datei oder in der Zwischenablage.',
      withoutAccessTitle: 'Passphrasen zurücksetzen',
      withoutAccess_one:
        '{{count}} Konto hat mit dem neuen Schlüssel keinen Zugang mehr, weil es noch aus einer älteren Version der Schlüsseldatei stammt. Setzen Sie seine Passphrase mit „Passphrase zurücksetzen“ neu.',
      withoutAccess_other:
        '{{count}} Konten haben mit dem neuen Schlüssel keinen Zugang mehr, weil sie noch aus einer älteren Version der Schlüsseldatei stammen. Setzen Sie ihre Passphrasen mit „Passphrase zurücksetzen“ neu.',
      next: 'Weiter',
      confirmIntro: 'Bitte bestätigen Sie, dass Sie den neuen Schlüssel vollständig notiert oder ausgedruckt haben.',
      checkbox: 'Ich habe den neuen Wiederherstellungsschlüssel im Tresor verwahrt und den alten Ausdruck vernichtet',
      checkboxRequired: 'Bitte bestätigen Sie, dass der neue Schlüssel verwahrt und der alte Ausdruck vernichtet ist.',
      showAgain: 'Schlüssel noch einmal anzeigen',
      finish: 'Fertig',
    },
    pageDone: 'Der Datenbankschlüssel wurde erneuert; der neue Wiederherstellungsschlüssel ist verwahrt. Alle aktiven Konten behalten ihre Passphrasen.',
    pageDoneWithoutAccess_one: 'Der Datenbankschlüssel wurde erneuert. {{count}} Konto braucht eine neue Passphrase („wartet auf Zurücksetzen“).',
    pageDoneWithoutAccess_other: 'Der Datenbankschlüssel wurde erneuert. {{count}} Konten brauchen eine neue Passphrase („wartet auf Zurücksetzen“).',
  },
} as const;
