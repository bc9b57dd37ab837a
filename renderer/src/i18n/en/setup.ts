import type { setup as de } from '../de/setup';
import type { Texts } from '../texts';

/** English: The first-run setup wizard. */
export const setup: Texts<typeof de> = {
  setup: {
    title: 'Set up this workstation',
    intro: 'This workstation has no KIM-Akte yet. Setup creates the encrypted database and the first account for IT administration.',
    progressLabel: 'Setup progress',
    stepOf: 'Step {{current}} of {{total}}',
    steps: { office: 'Office', admin: 'Administration', recovery: 'Recovery key', confirm: 'Confirm safekeeping' },
    next: 'Next',
    back: 'Back',
    office: {
      heading: 'Choose the office',
      legend: 'Which office does this workstation belong to?',
      hint: 'The office decides which cases are kept here and where they are synchronised. Only IT can change it later.',
    },
    admin: {
      heading: 'First administrator account',
      intro: 'This account belongs to the person who administers this workstation for IT. They add further accounts later.',
      login: 'User name',
      loginHint: 'Like your Windows user name, e.g. “p.schulte”.',
      name: 'Full name',
      nameHint: 'Shown in the application and in the audit log.',
      passphrase: 'Passphrase',
      passphraseHint: 'At least 12 characters. A sentence of several words is easy to remember and hard to guess.',
      repeat: 'Repeat passphrase',
      submit: 'Set up workstation',
      submitting: 'Creating the encrypted database …',
    },
    recovery: {
      heading: 'Recovery key',
      onceTitle: 'Visible only now',
      once: 'This key is shown only once. With it, IT can open the database when all passphrases are lost. Whoever holds it can read all data.',
      keyLabel: 'Recovery key (8 groups of 8 characters)',
      keepHint: 'Print this page (Ctrl+P) or copy the key completely by hand and keep it in the IT safe. Do not store it in a file or the clipboard.',
      print: 'Print',
      created: 'KIM-Akte for the office {{office}} has been set up. You are signed in as {{name}}.',
    },
    confirm: {
      heading: 'Confirm safekeeping',
      intro: 'Please confirm that you have written down or printed the complete key.',
      lastGroup: 'Last group of the key',
      lastGroupHint: 'The 8 characters after the last dash; case does not matter.',
      lastGroupWrong: 'This does not match the last group of the key. Please check your copy.',
      checkbox: 'I have stored the recovery key safely',
      checkboxRequired: 'Please confirm that the key is stored safely.',
      showKeyAgain: 'Show the key again',
      finish: 'Continue to KIM-Akte',
    },
  },
};
