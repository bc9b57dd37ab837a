import type { frame as de } from '../de/frame';
import type { Texts } from '../texts';

/**
 * English: The signed-in frame: navigation, notices (protected areas still hidden), home dashboard, scratch note,
 * settings, own passphrase change.
 */
export const frame: Texts<typeof de> = {
  frame: {
    navLabel: 'Main navigation',
    areas: { home: 'Overview', clients: 'Clients', accounts: 'User accounts' },
    officeBadge: 'Office {{office}}',
    userMenu: 'User menu',
    signedInAs: 'Signed in as {{name}} ({{role}})',
    lock: 'Lock',
    changePassphrase: 'Change passphrase …',
    passphraseChanged: 'Your passphrase has been changed. It applies from your next sign-in.',
    dismiss: 'Dismiss notice',
    awaitingKeys: {
      title: 'Hidden for now: {{categories}}',
      text_one:
        'This part of client files is hidden for now because your account does not hold its key yet. Your account receives it automatically as soon as a colleague who may see this part signs in on this workstation; it is visible from your next sign-in on. Alternatively, IT can use the recovery key. Nothing is lost.',
      text_other:
        'These parts of client files are hidden for now because your account does not hold the key yet. Your account receives it automatically as soon as a colleague who may see these parts signs in on this workstation; they are visible from your next sign-in on. Alternatively, IT can use the recovery key. Nothing is lost.',
    },
  },
  home: {
    title: 'Overview',
    welcome: 'Welcome, {{name}}',
    today: 'Today is {{date}}.',
    workstation: 'This workstation',
    office: 'Office',
    role: 'Your role',
    accounts: 'Active user accounts',
    schema: 'Database schema',
    schemaValue: 'Version {{version}}',
    appVersion: 'Program version',
    drafts: 'Open drafts',
    draftsHint: 'Input saved when locking that has not been completed yet.',
    noDrafts: 'No open drafts.',
    unknownDraft: 'Form “{{formId}}”',
    loadFailed: 'The overview could not be loaded.',
  },
  scratchNote: {
    title: 'Note to self',
    hint: 'A scratch pad just for you. When locking it is saved encrypted and restored after unlocking.',
    label: 'Note',
    clear: 'Discard note',
  },
  settings: {
    title: 'Automatic lock',
    intro: 'Applies to all accounts on this workstation. Unsaved input is saved before locking.',
    idleMinutes: 'Lock after inactivity (minutes)',
    idleMinutesHint: 'Whole number from 1 to 120.',
    save: 'Save',
    saving: 'Saving …',
    saved_one: 'Saved: locks after {{count}} minute without input.',
    saved_other: 'Saved: locks after {{count}} minutes without input.',
  },
  changePassphrase: {
    title: 'Change passphrase',
    intro: 'Your new passphrase applies to your account only. The data stays encrypted as before.',
    current: 'Current passphrase',
    next: 'New passphrase',
    nextHint: 'At least 12 characters; ideally a sentence of several words.',
    repeat: 'Repeat new passphrase',
    submit: 'Change passphrase',
    submitting: 'Changing …',
    cancel: 'Cancel',
  },
};
