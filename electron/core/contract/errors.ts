/**
 * Errors cross every boundary (IPC, loopback harness, CLI) as a plain `{ code, params }` pair: the UI turns the
 * code into German text through i18n, logs and the CLI use the English `message`.
 */
export const ERROR_CODES = [
  'request.unknownMethod',
  'request.malformed',
  'validation.invalid',
  'session.locked',
  'permission.denied',
  'vault.notInitialised',
  'vault.alreadyInitialised',
  'vault.keyringCorrupt',
  'vault.keyringTampered',
  'vault.databaseCorrupt',
  'vault.schemaTooNew',
  'vault.dataDirUnavailable',
  'vault.rekeyFailed',
  'vault.fieldUnreadable',
  'vault.migrationFailed',
  'vault.migrationRollbackFailed',
  'backup.writeFailed',
  'backup.targetExists',
  'backup.folderUnavailable',
  'backup.notBackup',
  'backup.unsupportedVersion',
  'backup.truncated',
  'backup.altered',
  'backup.damaged',
  'backup.auditBroken',
  'backup.schemaTooNew',
  'backup.notAdmin',
  'backup.targetNewer',
  'backup.otherVault',
  'backup.targetUnknown',
  'backup.replaceFailed',
  'policy.invalid',
  'policy.officeMismatch',
  'policy.exportNotAllowed',
  'policy.idleAboveMax',
  'policy.settingLocked',
  'policy.shareFixed',
  'session.passphraseChangeRequired',
  'unlock.failed',
  'unlock.throttled',
  'passphrase.tooWeak',
  'passphrase.wrongCurrent',
  'passphrase.reused',
  'accountRequest.notPending',
  'recoveryKey.invalid',
  'record.notFound',
  'record.staleVersion',
  'account.loginTaken',
  'account.lastAdmin',
  'account.self',
  'case.alreadyOpen',
  'case.closed',
  'case.phaseOrder',
  'document.tooLarge',
  'document.typeMismatch',
  'document.unreadable',
  'document.inUse',
  'consent.alreadyRevoked',
  'print.failed',
  'report.tooLarge',
  'partner.archived',
  'conference.sameDay',
  'partnerProposal.decided',
  'finding.personalData',
  'statistics.officeNotKept',
  'statistics.noRecipient',
  'statistics.noAggregates',
  'statistics.periodMismatch',
  'statistics.definitionsMismatch',
  'referral.consentMissing',
  'referral.invalidTransition',
  'referral.notDraft',
  'referral.notSent',
  'handover.noNetwork',
  'handover.officeNotInNetwork',
  'handover.consentInsufficient',
  'handover.sameOffice',
  'handover.notPending',
  'network.notJoined',
  'network.alreadyJoined',
  'network.shareUnreachable',
  'network.shareReadOnly',
  'network.shareHoldsNetwork',
  'network.shareHoldsOtherNetwork',
  'network.invitationInvalid',
  'network.invitationExpired',
  'network.codeWrong',
  'network.officeMismatch',
  'network.deviceUnknown',
  'network.revokeSelf',
  'network.deviceRevoked',
  'deletion.notDue',
  'deletion.alreadyRequested',
  'deletion.notPending',
  'deletion.sameApprover',
  'deletion.archivePending',
  'deletion.otherOffice',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | string[] | ValidationIssue[]>;

/** One failed field check; `path` is dot-joined, `code` is zod's issue code (e.g. too_small). */
export interface ValidationIssue {
  path: string;
  code: string;
  minimum?: number;
  maximum?: number;
}

export interface ErrorPayload {
  code: ErrorCode;
  params: ErrorParams;
}

const DENIAL_TEXT: Record<string, string> = {
  role: 'your role has no access to client data',
  roleCategory: 'your role does not see this data category',
  scope: 'the client file belongs to another office and no active consent covers you',
  category: 'no active consent covers this data category for you',
  readOnly: 'you may only read this client file',
  directoryRole: 'your role may not do this in the partner directory',
  keptElsewhere: 'another office keeps this file; the Art. 15 report is written by the keeping office',
  restricted: 'processing of this client file is restricted (DSGVO Art. 18); it can only be read until Datenschutz lifts the restriction',
};

const ENGLISH: Record<ErrorCode, (p: ErrorParams) => string> = {
  'request.unknownMethod': (p) => `Unknown API method "${String(p.method)}".`,
  'request.malformed': () => 'The request was malformed.',
  'validation.invalid': (p) =>
    `Invalid input: ${((p.issues as ValidationIssue[]) ?? []).map((i) => `${i.path || '(root)'} ${i.code}`).join(', ')}.`,
  'session.locked': () => 'The vault is locked. Unlock it first.',
  'permission.denied': (p) => `You are not allowed to do this${p.reason ? ` (${DENIAL_TEXT[String(p.reason)] ?? String(p.reason)})` : ''}.`,
  'vault.notInitialised': () => 'No vault exists in this data directory. Run setup (or "init") first.',
  'vault.alreadyInitialised': () => 'A vault already exists in this data directory; it was not touched.',
  'vault.keyringCorrupt': () => 'The key file (keyring.json) is unreadable or corrupt. Restore it from a backup.',
  'vault.rekeyFailed': () => 'Re-keying the vault failed; it still opens with its previous key and nothing was lost. Try again, or check the disk.',
  'vault.fieldUnreadable': () => 'A protected field (health or conversation notes) is damaged or was altered outside KIM-Akte; nothing was changed.',
  'vault.keyringTampered': () => 'The key file (keyring.json) was modified outside KIM-Akte. Restore it from a backup.',
  'vault.databaseCorrupt': () => 'The database file (vault.db) is damaged or not a KIM-Akte vault.',
  'vault.schemaTooNew': (p) =>
    `The database was written by a newer KIM-Akte (schema ${String(p.found)}, this version knows ${String(p.known)}). Update the app.`,
  'vault.migrationFailed': (p) =>
    `Updating the database to this app version failed (${String(p.migration ?? 'unknown')}); the copy taken before it was put back, so the vault is as it was. Keep the previous app version and contact support.`,
  'vault.migrationRollbackFailed': (p) =>
    `Updating the database to this app version failed (${String(p.migration ?? 'unknown')}) and the copy taken before it could not be put back; restore ${String(p.copy ?? 'the pre-migration copy in backups/')} by hand.`,
  'backup.writeFailed': (p) => `The backup could not be written (${String(p.reason ?? 'unknown')}); nothing was changed in the vault.`,
  'backup.targetExists': () => 'The backup file already exists; choose a new file name (backups are never overwritten).',
  'backup.folderUnavailable': (p) => `The backup folder cannot be used (${String(p.reason ?? 'unknown')}).`,
  'backup.notBackup': () => 'The file is not a KIM-Akte backup.',
  'backup.unsupportedVersion': () => 'The backup was written in a format this version does not read; use the app version that wrote it or a newer one.',
  'backup.truncated': () => 'The backup file is incomplete (cut off); it cannot be restored. Nothing was changed.',
  'backup.altered': () => "The backup file was altered or damaged, or the passphrase or recovery key is not this vault's; nothing was changed.",
  'backup.damaged': (p) => `The database in the backup failed its check (${String(p.reason ?? 'unknown')}); nothing was changed.`,
  'backup.auditBroken': (p) => `The audit trail in the backup is broken at entry #${String(p.id ?? '?')} (${String(p.reason ?? 'unknown')}); nothing was changed.`,
  'backup.schemaTooNew': (p) =>
    `The backup was written by a newer KIM-Akte (schema ${String(p.found)}, this version knows ${String(p.known)}). Update the app first; nothing was changed.`,
  'backup.notAdmin': () => 'Only an active IT administrator of the backed-up vault may restore it.',
  'backup.targetNewer': (p) =>
    `The vault in the data directory is newer than the backup (audit entry ${String(p.target)} against ${String(p.backup)} in the backup): restoring would lose work. Nothing was changed; use --force to replace it anyway.`,
  'backup.otherVault': () => 'The data directory holds a different vault than the backup. Nothing was changed; use --force to replace it anyway.',
  'backup.targetUnknown': () =>
    'The age of the vault in the data directory cannot be told (its audit head is missing or damaged). Nothing was changed; use --force to replace it.',
  'backup.replaceFailed': (p) =>
    `The restored vault could not be put in place (${String(p.reason ?? 'unknown')}); the previous vault is unchanged. Close KIM-Akte on this PC and try again.`,
  'vault.dataDirUnavailable': (p) => `The data directory cannot be used: ${String(p.reason ?? 'unknown reason')}.`,
  'policy.invalid': (p) =>
    `The machine policy ${p.source === 'registry' ? 'registry key' : 'file'} ${String(p.file ?? '')} is invalid: ${String(p.key ?? '(file)')}: ${String(p.rule ?? 'unreadable')}. Fix it; the app opens no data until then.`,
  'policy.officeMismatch': (p) =>
    `The vault in this data folder belongs to office ${String(p.vaultOffice)}, but the machine policy sets office ${String(p.policyOffice)}; it is not opened. Check the policy's office and dataFolder.`,
  'policy.exportNotAllowed': (p) => `The machine policy does not allow exporting ${String(p.kind)} files on this workstation (exports.allowed); nothing was written.`,
  'policy.idleAboveMax': (p) => `The idle lock may be at most ${String(p.maximum)} minutes on this workstation (machine policy lock.maxIdleMinutes); nothing was changed.`,
  'policy.settingLocked': (p) => `The setting ${String(p.key)} is fixed by the machine policy; nothing was changed.`,
  'policy.shareFixed': () => 'The machine policy fixes the shared sync folder (sync.shareFolder); use that folder. Nothing was changed.',
  'session.passphraseChangeRequired': () => 'Your passphrase was set by IT and is one-time: change it before anything else.',
  'unlock.failed': () => 'Wrong user name or passphrase.',
  'unlock.throttled': (p) => `Too many failed attempts. Try again in ${String(p.retryAfterSeconds)} seconds.`,
  'passphrase.tooWeak': (p) =>
    `The passphrase is too weak (at least ${String(p.minLength)} characters and strength ${String(p.minScore)} of 4 required).`,
  'passphrase.wrongCurrent': () => 'The current passphrase is wrong.',
  'passphrase.reused': () => 'The new passphrase must differ from the one-time passphrase IT set.',
  'accountRequest.notPending': (p) => `The request is no longer open (${String(p.status ?? 'decided')}); nothing was changed.`,
  'recoveryKey.invalid': () => 'The recovery key is wrong or malformed (64 hexadecimal digits expected).',
  'record.notFound': (p) => `The ${String(p.entity ?? 'record')} does not exist (or was deleted).`,
  'record.staleVersion': (p) =>
    `The ${String(p.entity ?? 'record')} was changed by someone else in the meantime; reload it. Nothing was overwritten.`,
  'account.loginTaken': () => 'An account with this login already exists.',
  'account.lastAdmin': () => 'This is the last active IT administrator; another one must exist first.',
  'account.self': () => 'You cannot disable your own account or change your own role.',
  'case.alreadyOpen': () => 'This client already has an open case; close it before opening a new one.',
  'case.closed': () => 'The case is closed and can no longer be changed.',
  'case.phaseOrder': () => 'A case moves through the phases in order; it cannot go back before intake or skip closure rules.',
  'document.tooLarge': (p) => `The file is too large (at most ${String(p.maxMegabytes)} MB).`,
  'document.typeMismatch': () => 'The file content does not match its type (PDF, JPEG or PNG expected).',
  'document.unreadable': () => 'The encrypted document file is missing or damaged.',
  'document.inUse': () => 'The document is the signed form of a consent and cannot be deleted while the consent is on record.',
  'consent.alreadyRevoked': () => 'The consent has already been revoked.',
  'report.tooLarge': () => 'The Art. 15 report is too large for one document; nothing was written. Tell IT (the file needs a report in parts).',
  'print.failed': () => 'The PDF could not be generated; nothing was saved. Try again; if it persists, tell IT.',
  'conference.sameDay': (p) =>
    `The case already has ${String(p.count ?? 'a')} conference(s) on this day; confirm to record another one. Nothing was saved.`,
  'partner.archived': () => 'The partner is archived; restore it before changing its contact persons or proposing changes.',
  'referral.consentMissing': (p) =>
    p.reason === 'noConsent'
      ? `No consent in force names this partner${(p.inactive as string[] | undefined)?.length ? ` (only: ${(p.inactive as string[]).join(', ')})` : ''}; the referral was not sent.`
      : `No consent in force names this partner for: ${((p.missing as string[] | undefined) ?? []).join(', ')}; the referral was not sent.`,
  'handover.noNetwork': () => 'This workstation is in no sync network; a file can be handed over to another office only by sync. Nothing was changed.',
  'handover.officeNotInNetwork': (p) => `Office ${String(p.office)} has no workstation in the sync network yet; the file was not handed over.`,
  'handover.consentInsufficient': (p) =>
    ((p.missing as string[] | undefined) ?? []).length
      ? `The consent does not release these categories to the receiving office: ${((p.missing as string[] | undefined) ?? []).join(', ')}; the file was not handed over.`
      : 'The consent is not in force or does not name the receiving office; the file was not handed over.',
  'handover.sameOffice': () => 'The file is already kept by this office; nothing was changed.',
  'handover.notPending': () => 'The hand-over has already been taken over, or the file has not arrived here yet; nothing was changed.',
  'referral.invalidTransition': (p) => `A referral in state ${String(p.from)} cannot become ${String(p.to)}; nothing was changed.`,
  'referral.notDraft': () => 'Only a draft referral can be edited or sent; record the feedback instead.',
  'referral.notSent': () => 'A draft referral has not left the office; send it before printing its Überleitungsbogen. Nothing was printed.',
  'partnerProposal.decided': (p) => `The proposal was already decided (${String(p.status ?? 'decided')}); nothing was changed.`,
  'finding.personalData': (p) =>
    `The finding's text seems to point to a person (${String(p.kinds ?? 'personal data')}); describe the barrier without names, dates or numbers. Nothing was stored.`,
  'statistics.officeNotKept': (p) =>
    `This workstation keeps the files of its own office only; figures of ${String(p.office ?? 'another office')} come from that office. Nothing was computed.`,
  'statistics.noRecipient': () =>
    'No Koordination workstation receives aggregates yet: Koordination opens "Dienststellen zusammenführen" on its workstation once, then the figures can be reported. Nothing was published.',
  'statistics.noAggregates': (p) => `No office has reported figures for ${String(p.from ?? '?')} to ${String(p.to ?? '?')} yet; nothing was combined.`,
  'statistics.periodMismatch': (p) =>
    `No office has reported figures for ${String(p.from ?? '?')} to ${String(p.to ?? '?')}; reported periods: ${String(p.periods ?? 'none')}. Offices' figures of different periods are never added up; nothing was combined.`,
  'statistics.definitionsMismatch': (p) =>
    `The reported figures follow different definitions (${String(p.versions ?? 'unknown')}; this workstation: ${String(p.own ?? 'unknown')}); they cannot be added up. Nothing was combined.`,
  'network.notJoined': () => 'This workstation is not a member of a sync network yet (network create or network join).',
  'network.alreadyJoined': () => 'This workstation is already a member of a sync network; nothing was changed.',
  'network.shareUnreachable': (p) =>
    `The shared folder cannot be reached (${String(p.reason ?? 'unknown reason')}). Working offline; nothing was lost, sync resumes when the folder is back.`,
  'network.shareReadOnly': () => 'The shared folder is read-only for this workstation; ask IT for write access. Nothing was lost.',
  'network.shareHoldsNetwork': () => 'The shared folder already holds a KIM-Akte network; join it with an invitation instead.',
  'network.shareHoldsOtherNetwork': () => 'The shared folder holds a different network than the invitation names; check the folder path.',
  'network.invitationInvalid': () => 'The invitation file is damaged, forged or not a KIM-Akte invitation.',
  'network.invitationExpired': () => 'The invitation has expired or was already used; ask IT on a member workstation for a new one.',
  'network.codeWrong': () => 'The invitation code is wrong; check it with the IT administrator who issued the invitation.',
  'network.officeMismatch': (p) => `The invitation is for office ${String(p.invited)}, but this workstation belongs to ${String(p.office)}.`,
  'network.deviceUnknown': () => 'No workstation with this id is known in the network.',
  'network.revokeSelf': () => 'A workstation cannot revoke itself; revoke it from another member workstation.',
  'network.deviceRevoked': () => 'This workstation was revoked from the network; it no longer sends or receives. Ask IT to enroll it again.',
  'deletion.notDue': () => 'The retention period of this file has not ended (or a case is still open); ask for deletion on the person\'s request instead, with a reason. Nothing was changed.',
  'deletion.alreadyRequested': () => 'A deletion of this file has already been requested; decide that request first. Nothing was changed.',
  'deletion.notPending': (p) => `The deletion request is no longer open (${String(p.status ?? 'decided')}); nothing was changed.`,
  'deletion.sameApprover': () => 'A deletion needs a second person: the one who asked for it cannot approve it. Nothing was deleted.',
  'deletion.archivePending': () => 'The file has not been offered to the public archive yet: export the archive package or record that the archive declined it. Nothing was deleted.',
  'deletion.otherOffice': () => 'Only the office that keeps the file can delete it; its copies in other offices follow by sync. Nothing was changed.',
  internal: () => 'An unexpected internal error occurred; see the log.',
};

/** An expected failure with a stable code; anything else thrown is reported as `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(ENGLISH[code](params));
    this.name = 'AppError';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, params: this.params };
  }
}

/** English text for an error payload (CLI, logs). */
export function englishMessage(error: ErrorPayload): string {
  const render = ENGLISH[error.code] ?? ENGLISH.internal;
  return render(error.params ?? {});
}
