import type { lock as de } from '../de/lock';
import type { Texts } from '../texts';

/** English: The lock screen, why the app locked, and the reset with the recovery key. */
export const lock: Texts<typeof de> = {
  lock: {
    title: 'KIM-Akte is locked',
    office: 'Office {{office}}',
    officeUnknown: 'Office unknown',
    intro: 'Please sign in with your user name and your personal passphrase.',
    login: 'User name',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    submitting: 'Unlocking …',
    forgotten: 'Forgot your passphrase? IT administration can reset your account.',
  },
  lockReasons: {
    idle: 'KIM-Akte was locked automatically after a period of inactivity.',
    suspend: 'KIM-Akte was locked because the computer went to sleep.',
    'screen-lock': 'KIM-Akte was locked because the screen was locked.',
    user: 'You locked KIM-Akte.',
  },
  recoveryReset: {
    open: 'Reset with the recovery key …',
    title: 'Reset a passphrase with the recovery key',
    intro: 'For IT, when no other administrator can reset the passphrase: the key from the safe gives an active account a new passphrase. This is recorded in the audit trail.',
    key: 'Recovery key',
    keyHint: '64 characters (0–9 and A–F) as printed; dashes, spaces and case do not matter.',
    keyFormat: 'The key consists of 64 characters 0–9 and A–F (8 groups of 8).',
    login: 'Login of the account',
    next: 'New passphrase',
    nextHint: 'At least 12 characters; a sentence of several words works best.',
    repeat: 'Repeat the new passphrase',
    submit: 'Reset passphrase',
    submitting: 'Resetting …',
    cancel: 'Cancel',
    noAccount: 'There is no active account with this login.',
    done: 'The passphrase of “{{login}}” was reset. You can now sign in with the new passphrase.',
  },
};
