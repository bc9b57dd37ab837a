import type { vaultKey as de } from '../de/vault-key';
import type { Texts } from '../texts';

/** English: Re-keying the vault (IT administration, on the accounts page). */
export const vaultKey: Texts<typeof de> = {
  vaultKey: {
    card: {
      title: 'Database key',
      description:
        "This workstation's database is encrypted with a key of its own. Renew it when a copy of the key file or the recovery key may have fallen into the wrong hands, for example after someone has left.",
      open: 'Renew database key …',
    },
    offer: {
      title: 'Renew the database key?',
      text: 'Former colleagues might hold a copy of the key file that would still open the database. After renewing, such a copy no longer opens the database; only a database file copied back then would stay readable with it.',
      open: 'Renew now …',
      dismiss: 'Later',
    },
    dialog: {
      title: 'Renew database key',
      intro:
        "The database gets a new key, and a new recovery key is created for IT's safe; the previous recovery key becomes invalid. All active accounts keep their passphrases, and you stay signed in.",
      submit: 'Renew key',
      working: 'The database is being re-encrypted …',
    },
    result: {
      title: 'New recovery key',
      done: 'The database key was renewed. All active accounts keep signing in with their current passphrase.',
      keepHint:
        "Print the key (Ctrl+P) or copy it out completely and keep it in IT's safe. Destroy the previous printout: the old key opens nothing any more. Do not save the new key as a file or in the clipboard.",
      withoutAccessTitle: 'Reset passphrases',
      withoutAccess_one:
        '{{count}} account has no access with the new key, because it still dates from an older version of the key file. Set a new passphrase for it with “Reset passphrase”.',
      withoutAccess_other:
        '{{count}} accounts have no access with the new key, because they still date from an older version of the key file. Set new passphrases for them with “Reset passphrase”.',
      next: 'Next',
      confirmIntro: 'Please confirm that you have written down or printed the complete new key.',
      checkbox: "I have put the new recovery key in IT's safe and destroyed the old printout",
      checkboxRequired: 'Please confirm that the new key is stored and the old printout destroyed.',
      showAgain: 'Show the key again',
      finish: 'Done',
    },
    pageDone: 'The database key was renewed and the new recovery key is stored. All active accounts keep their passphrases.',
    pageDoneWithoutAccess_one: 'The database key was renewed. {{count}} account needs a new passphrase (“waiting for a reset”).',
    pageDoneWithoutAccess_other: 'The database key was renewed. {{count}} accounts need a new passphrase (“waiting for a reset”).',
  },
};
