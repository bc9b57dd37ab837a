import type { z } from 'zod';
import type { Role } from './offices';
import type { ErrorPayload } from './errors';
import type { LockReason } from './lock-reasons';
import { consentAddInput, consentPrintInput, consentRevokeInput } from './schemas/consent-schemas';
import type { PrintDocument, PrintedPdf } from './types/print-types';
import {
  assessmentInput,
  caseCloseInput,
  caseOpenInput,
  casePhaseInput,
  clientCreateInput,
  clientListInput,
  clientUpdateInput,
  confirmedDeleteInput,
  documentUploadInput,
  duplicateCheckInput,
  followUpInput,
  goalInput,
  goalStatusInput,
  householdMemberInput,
  idInput,
  measureInput,
  measureStatusInput,
  noteInput,
  residenceStatusInput,
  searchInput,
} from './schemas/client-schemas';
import type {
  CaseDetail,
  CaseManagerOption,
  ClientDetail,
  ClientPage,
  DocumentContent,
  DocumentView,
  FollowUpView,
  SearchHit,
  WorkOverview,
} from './types/client-types';
import {
  accountCreateInput,
  accountRequestDecisionInput,
  accountResetInput,
  accountUpdateInput,
  auditExportInput,
  auditListInput,
  auditSubjectsInput,
  recoveryResetInput,
  rekeyInput,
  backupInput,
  changePassphraseInput,
  draftRefInput,
  draftSaveInput,
  emptyInput,
  settingsUpdateInput,
  setupInput,
  unlockInput,
} from './schemas/common-schemas';
import type { SessionUser } from './types/workstation-types';
import type { VaultStatus } from './types/workstation-types';
import type { RekeyResult, SetupResult } from './types/workstation-types';
import type { BackupRecord, BackupStatus } from './types/backup-types';
import type { DraftRecord } from './types/workstation-types';
import type { HomeSummary } from './types/workstation-types';
import type { AccountSummary } from './types/workstation-types';
import type { AccountRequestView } from './types/account-request-types';
import type { VaultInfo } from './types/workstation-types';
import type { SettingsView } from './types/workstation-types';
import type { AuditPage } from './types/audit-types';
import type { AuditExport } from './types/audit-types';
import type { AuditSubject } from './types/audit-types';
import type { AuditUserOption } from './types/audit-types';
import type { AuditVerification } from './types/audit-types';
import { conflictResolveInput, conflictsListInput, networkCreateInput, networkInviteInput, networkJoinInput, networkRevokeInput } from './schemas/network-schemas';
import {
  contactRemoveInput,
  contactSaveInput,
  partnerArchiveInput,
  partnerIdInput,
  partnerSaveInput,
  partnerSearchInput,
  proposalDecideInput,
  proposalInput,
  proposalListInput,
} from './schemas/partner-schemas';
import type { DirectoryConflictView, PartnerContactView, PartnerDetail, PartnerProposalView, PartnerSummary } from './types/partner-types';
import { findingListInput, findingRecordInput, findingSummaryInput, findingWithdrawInput } from './schemas/finding-schemas';
import type { FindingSummary, FindingView } from './types/finding-types';
import { statisticsCombineInput, statisticsComputeInput, statisticsExportInput, statisticsPrintInput, statisticsPublishInput } from './schemas/statistics-schemas';
import type { AggregateOverview, AggregatePublication, CombinedStatistics, StatisticsFile, StatisticsReport } from './types/statistics-types';
import type { AggregatePrintDocument } from './types/print-types';
import {
  referralCreateInput,
  referralDeleteInput,
  referralFeedbackInput,
  referralHoldersInput,
  referralPrintInput,
  referralListInput,
  referralReopenInput,
  referralSendInput,
  referralUpdateInput,
} from './schemas/referral-schemas';
import type { DataHolderView, ReferralView } from './types/referral-types';
import { conferenceActionDoneInput, conferenceListInput, conferencePrintInput, conferenceSaveInput } from './schemas/conference-schemas';
import type { ConferenceView } from './types/conference-types';
import { handoverAcceptInput, handoverPrepareInput, handoverSendInput } from './schemas/handover-schemas';
import type { HandoverPreparation, HandoverView, IncomingHandover } from './types/handover-types';
import { accessPreviewInput, accessReportInput } from './schemas/data-subject-schemas';
import type { AccessReportPreview } from './types/data-subject-types';
import {
  archiveExportInput,
  deletionApproveInput,
  deletionIdInput,
  deletionRequestInput,
  restrictionLiftInput,
  restrictionSetInput,
  retentionFilesInput,
} from './schemas/retention-schemas';
import type { ArchivePackage, DeletionRequestView, DeletionResult, RetentionFilesView, RetentionFileView } from './types/retention-types';
import type { InvitationView, NetworkDevice, NetworkStatus, SyncConflictView, SyncRoundResult } from './types/network-types';
import { healthCheckInput } from './schemas/health-schemas';
import type { HealthRepairResult, HealthReport } from './types/health-types';

/**
 * The one contract of the API: every method's name, input schema, output type, required access and audit rule.
 * The dispatcher (core), the preload bridge (Electron) and the loopback shim (browser harness) are all derived from
 * it. Pure: no Node, no Electron, so the renderer may import its types.
 */

/**
 * Who may call: anyone (locked screen), any unlocked user, an administrator, or staff who work with client files
 * (CASE_WORK_ROLES), or those who check the audit trail (AUDIT_ROLES). For client data, office scope, consent and
 * field visibility are checked per call in core (access/).
 */
export type Access = 'public' | 'session' | 'admin' | 'caseWork' | 'audit' | 'privacy' | 'dataSubject' | DirectoryAccess | FindingAccess | StatisticsAccess | RetentionAccess;
/**
 * 'dataSubject': the Art. 15 report of one person, for DATA_SUBJECT_ROLES (Fallmanagement and Datenschutz) of the
 * office that keeps the file; see contract/data-subject-domain.ts for why Datenschutz reads client data only here.
 */
/** KIM statistics: view and export (roles in statistics-domain.ts). */
export type StatisticsAccess = 'statistics' | 'statisticsExport' | 'statisticsPublish' | 'statisticsCombine';
/** Deletion with four eyes: ask (Datenschutz), decide (another Datenschutz account or Koordination); retention-domain.ts. */
export type RetentionAccess = 'retentionRequest' | 'retentionDecide';
/** Structural findings: record (Fallmanagement), list (their own, or all for Koordination), overview; finding-domain.ts. */
export type FindingAccess = 'findingsRecord' | 'findings' | 'findingsOverview';
/** The partner directory: read, edit (Koordination), propose (Fallmanagement), proposals; roles in partner-domain.ts. */
export type DirectoryAccess = 'directory' | 'directoryEdit' | 'directoryPropose' | 'directoryProposals';

/** Which audit entry a call leaves: none, or a read/write of an entity that holds personal data. */
export type AuditRule = { kind: 'none' } | { kind: 'read' | 'write'; entity: string };

export interface MethodSpec<I extends z.ZodType, O, A extends Access = Access, T extends boolean = boolean> {
  input: I;
  access: A;
  audit: AuditRule;
  /**
   * Replaces the session's database (re-keying): after the role check it runs like a lifecycle method, outside a
   * transaction, and writes its own audit entry.
   */
  outsideTransaction?: T;
  /**
   * A long method (the sync round): after its gate it runs outside the call queue and queues each chunk on its own
   * transaction, so other calls are answered in between.
   */
  releasesQueue?: T;
  /** Phantom: carries the output type, never set at runtime. */
  readonly output?: O;
}

function method<O>() {
  return <I extends z.ZodType, A extends Access, T extends boolean = false>(spec: {
    input: I;
    access: A;
    audit: AuditRule;
    outsideTransaction?: T;
    releasesQueue?: T;
  }): MethodSpec<I, O, A, T> => spec;
}

const none: AuditRule = { kind: 'none' };
const read = (entity: string): AuditRule => ({ kind: 'read', entity });
const write = (entity: string): AuditRule => ({ kind: 'write', entity });
export const contract = {
  'vault.status': method<VaultStatus>()({ input: emptyInput, access: 'public', audit: none }),
  // Lifecycle methods (setup, unlock, lock) write their own audit entries: there is no session before or after them.
  'vault.setup': method<SetupResult>()({ input: setupInput, access: 'public', audit: none }),
  'vault.info': method<VaultInfo>()({ input: emptyInput, access: 'session', audit: none }),
  'vault.rekey': method<RekeyResult>()({ input: rekeyInput, access: 'admin', audit: none, outsideTransaction: true }),
  // The backup writes its own audit entry once the file is written and verified (vault-backup.ts recordBackup).
  'vault.backup': method<BackupRecord>()({ input: backupInput, access: 'admin', audit: none, outsideTransaction: true }),
  'backup.status': method<BackupStatus>()({ input: emptyInput, access: 'admin', audit: read('vault') }),
  'session.unlock': method<SessionUser>()({ input: unlockInput, access: 'public', audit: none }),
  'session.recoveryReset': method<null>()({ input: recoveryResetInput, access: 'public', audit: none }),
  'session.current': method<SessionUser | null>()({ input: emptyInput, access: 'public', audit: none }),
  'session.lock': method<null>()({ input: emptyInput, access: 'public', audit: none }),
  'session.changePassphrase': method<null>()({
    input: changePassphraseInput,
    access: 'session',
    audit: { kind: 'write', entity: 'account' },
  }),
  'drafts.save': method<DraftRecord>()({ input: draftSaveInput, access: 'session', audit: { kind: 'write', entity: 'draft' } }),
  'drafts.get': method<DraftRecord | null>()({ input: draftRefInput, access: 'session', audit: { kind: 'read', entity: 'draft' } }),
  'drafts.discard': method<null>()({ input: draftRefInput, access: 'session', audit: { kind: 'write', entity: 'draft' } }),
  'home.summary': method<HomeSummary>()({ input: emptyInput, access: 'session', audit: none }),
  'accounts.list': method<AccountSummary[]>()({ input: emptyInput, access: 'admin', audit: { kind: 'read', entity: 'account' } }),
  'accounts.create': method<AccountSummary>()({ input: accountCreateInput, access: 'admin', audit: write('account') }),
  'accounts.update': method<AccountSummary>()({ input: accountUpdateInput, access: 'admin', audit: write('account') }),
  'accounts.resetPassphrase': method<AccountSummary>()({ input: accountResetInput, access: 'admin', audit: write('account') }),
  // IT's requests to create accounts or reset passphrases: IT follows them, Datenschutz decides.
  'accounts.requests': method<AccountRequestView[]>()({ input: emptyInput, access: 'audit', audit: read('account') }),
  'accounts.decideRequest': method<AccountRequestView>()({ input: accountRequestDecisionInput, access: 'privacy', audit: write('account') }),
  'accounts.caseManagers': method<CaseManagerOption[]>()({ input: emptyInput, access: 'caseWork', audit: none }),
  'clients.search': method<SearchHit[]>()({ input: searchInput, access: 'caseWork', audit: read('client-list') }),
  'clients.checkDuplicates': method<SearchHit[]>()({ input: duplicateCheckInput, access: 'caseWork', audit: read('client-list') }),
  'clients.list': method<ClientPage>()({ input: clientListInput, access: 'caseWork', audit: read('client-list') }),
  'clients.create': method<ClientDetail>()({ input: clientCreateInput, access: 'caseWork', audit: write('client') }),
  'clients.get': method<ClientDetail>()({ input: idInput, access: 'caseWork', audit: read('client') }),
  'clients.update': method<ClientDetail>()({ input: clientUpdateInput, access: 'caseWork', audit: write('client') }),
  'household.add': method<ClientDetail>()({ input: householdMemberInput, access: 'caseWork', audit: write('client') }),
  'household.remove': method<ClientDetail>()({ input: confirmedDeleteInput, access: 'caseWork', audit: write('client') }),
  'residence.add': method<ClientDetail>()({ input: residenceStatusInput, access: 'caseWork', audit: write('client') }),
  'residence.remove': method<ClientDetail>()({ input: confirmedDeleteInput, access: 'caseWork', audit: write('client') }),
  'documents.upload': method<DocumentView>()({ input: documentUploadInput, access: 'caseWork', audit: write('document') }),
  'documents.content': method<DocumentContent>()({ input: idInput, access: 'caseWork', audit: read('document') }),
  'documents.delete': method<null>()({ input: confirmedDeleteInput, access: 'caseWork', audit: write('document') }),
  'consents.add': method<ClientDetail>()({ input: consentAddInput, access: 'caseWork', audit: write('client') }),
  'consents.revoke': method<ClientDetail>()({ input: consentRevokeInput, access: 'caseWork', audit: write('client') }),
  // A print leaves the app as a PDF: audited as a disclosure of the client's file (which consent, which language).
  'consents.printForm': method<PrintDocument>()({ input: consentPrintInput, access: 'caseWork', audit: write('client') }),
  'cases.open': method<CaseDetail>()({ input: caseOpenInput, access: 'caseWork', audit: write('case') }),
  'cases.get': method<CaseDetail>()({ input: idInput, access: 'caseWork', audit: read('case') }),
  'cases.setPhase': method<CaseDetail>()({ input: casePhaseInput, access: 'caseWork', audit: write('case') }),
  'cases.close': method<CaseDetail>()({ input: caseCloseInput, access: 'caseWork', audit: write('case') }),
  'assessment.set': method<CaseDetail>()({ input: assessmentInput, access: 'caseWork', audit: write('case') }),
  'goals.add': method<CaseDetail>()({ input: goalInput, access: 'caseWork', audit: write('case') }),
  'goals.setStatus': method<CaseDetail>()({ input: goalStatusInput, access: 'caseWork', audit: write('case') }),
  'measures.add': method<CaseDetail>()({ input: measureInput, access: 'caseWork', audit: write('case') }),
  'measures.setStatus': method<CaseDetail>()({ input: measureStatusInput, access: 'caseWork', audit: write('case') }),
  'notes.add': method<CaseDetail>()({ input: noteInput, access: 'caseWork', audit: write('note') }),
  'followUps.add': method<CaseDetail>()({ input: followUpInput, access: 'caseWork', audit: write('case') }),
  'followUps.complete': method<FollowUpView>()({ input: idInput, access: 'caseWork', audit: write('case') }),
  // Case conferences: case data of the keeping office; what other readers see is cut by category (response-fields.ts).
  'conferences.list': method<ConferenceView[]>()({ input: conferenceListInput, access: 'caseWork', audit: read('case') }),
  'conferences.save': method<ConferenceView>()({ input: conferenceSaveInput, access: 'caseWork', audit: write('case-conference') }),
  'conferenceActions.setDone': method<ConferenceView>()({ input: conferenceActionDoneInput, access: 'caseWork', audit: write('case-conference') }),
  'conferences.printMinutes': method<PrintDocument>()({ input: conferencePrintInput, access: 'caseWork', audit: write('case-conference') }),
  'work.overview': method<WorkOverview>()({ input: emptyInput, access: 'caseWork', audit: read('client-list') }),
  'audit.list': method<AuditPage>()({ input: auditListInput, access: 'audit', audit: read('audit') }),
  'audit.exportCsv': method<AuditExport>()({ input: auditExportInput, access: 'audit', audit: write('audit-export') }),
  'audit.verify': method<AuditVerification>()({ input: emptyInput, access: 'audit', audit: read('audit') }),
  // Names of data subjects: the data protection officer only (IT reads the trail but sees no client data).
  'audit.subjects': method<AuditSubject[]>()({ input: auditSubjectsInput, access: 'privacy', audit: read('client-list') }),
  'audit.users': method<AuditUserOption[]>()({ input: emptyInput, access: 'audit', audit: read('account') }),
  'settings.get': method<SettingsView>()({ input: emptyInput, access: 'session', audit: none }),
  'settings.update': method<SettingsView>()({ input: settingsUpdateInput, access: 'admin', audit: { kind: 'write', entity: 'setting' } }),
  // The network of trusted workstations: IT creates it, invites, joins and revokes; anyone unlocked sees its state.
  'network.status': method<NetworkStatus>()({ input: emptyInput, access: 'session', audit: none }),
  'network.create': method<NetworkStatus>()({ input: networkCreateInput, access: 'admin', audit: write('network') }),
  'network.invite': method<InvitationView>()({ input: networkInviteInput, access: 'admin', audit: write('network') }),
  'network.join': method<NetworkStatus>()({ input: networkJoinInput, access: 'admin', audit: write('network') }),
  'network.devices': method<NetworkDevice[]>()({ input: emptyInput, access: 'admin', audit: read('network') }),
  'network.revoke': method<NetworkDevice[]>()({ input: networkRevokeInput, access: 'admin', audit: write('network') }),
  // The health check of this workstation (kim-akte doctor, IT's "Systemzustand"): IT administration only.
  'system.health': method<HealthReport>()({ input: healthCheckInput, access: 'admin', audit: read('system') }),
  'system.repair': method<HealthRepairResult>()({ input: emptyInput, access: 'admin', audit: write('system') }),
  // One round through the shared folder, in chunks of its own transactions; it writes its own audit entries.
  'sync.run': method<SyncRoundResult>()({ input: emptyInput, access: 'session', audit: none, releasesQueue: true }),
  // Concurrent writes of one office's workstations, for case managers to confirm or correct.
  'conflicts.list': method<SyncConflictView[]>()({ input: conflictsListInput, access: 'caseWork', audit: read('sync-conflict') }),
  'conflicts.resolve': method<SyncConflictView[]>()({ input: conflictResolveInput, access: 'caseWork', audit: write('sync-conflict') }),
  // The partner directory: organisations are no personal data, their contact persons are (reads and writes audited).
  'partners.search': method<PartnerSummary[]>()({ input: partnerSearchInput, access: 'directory', audit: none }),
  'partners.get': method<PartnerDetail>()({ input: partnerIdInput, access: 'directory', audit: read('partner-contact') }),
  'partners.save': method<PartnerSummary>()({ input: partnerSaveInput, access: 'directoryEdit', audit: write('partner') }),
  'partners.archive': method<PartnerSummary>()({ input: partnerArchiveInput, access: 'directoryEdit', audit: write('partner') }),
  'partnerContacts.save': method<PartnerContactView>()({ input: contactSaveInput, access: 'directoryEdit', audit: write('partner-contact') }),
  'partnerContacts.remove': method<null>()({ input: contactRemoveInput, access: 'directoryEdit', audit: write('partner-contact') }),
  'partnerProposals.list': method<PartnerProposalView[]>()({ input: proposalListInput, access: 'directoryProposals', audit: read('partner-proposal') }),
  'partnerProposals.propose': method<PartnerProposalView>()({ input: proposalInput, access: 'directoryPropose', audit: write('partner-proposal') }),
  'partnerProposals.decide': method<PartnerProposalView>()({ input: proposalDecideInput, access: 'directoryEdit', audit: write('partner-proposal') }),
  // Concurrent edits of the directory on two workstations, for Koordination to keep one value.
  'partnerConflicts.list': method<DirectoryConflictView[]>()({ input: emptyInput, access: 'directoryEdit', audit: read('partner-conflict') }),
  'partnerConflicts.resolve': method<DirectoryConflictView[]>()({ input: conflictResolveInput, access: 'directoryEdit', audit: write('partner-conflict') }),
  // Structural findings: barriers without personal data; writes audited, reads name no person.
  'findings.record': method<FindingView>()({ input: findingRecordInput, access: 'findingsRecord', audit: write('structural-finding') }),
  'findings.list': method<FindingView[]>()({ input: findingListInput, access: 'findings', audit: none }),
  'findings.summary': method<FindingSummary>()({ input: findingSummaryInput, access: 'findingsOverview', audit: none }),
  'findings.withdraw': method<null>()({ input: findingWithdrawInput, access: 'findings', audit: write('structural-finding') }),
  // KIM statistics: aggregates of the own office only (no name, id or free text); each computation and export audited.
  'statistics.compute': method<StatisticsReport>()({ input: statisticsComputeInput, access: 'statistics', audit: read('statistics') }),
  'statistics.exportCsv': method<StatisticsFile>()({ input: statisticsExportInput, access: 'statisticsExport', audit: write('statistics-export') }),
  'statistics.exportXlsx': method<StatisticsFile>()({ input: statisticsExportInput, access: 'statisticsExport', audit: write('statistics-export') }),
  'statistics.print': method<AggregatePrintDocument>()({ input: statisticsPrintInput, access: 'statisticsExport', audit: write('statistics-export') }),
  // Across offices: counts published encrypted to Koordination's workstations through the share, added up there.
  'statistics.publish': method<AggregatePublication>()({ input: statisticsPublishInput, access: 'statisticsPublish', audit: write('statistics-aggregate') }),
  'statistics.aggregates': method<AggregateOverview>()({ input: emptyInput, access: 'statisticsCombine', audit: read('statistics-aggregate') }),
  'statistics.combine': method<CombinedStatistics>()({ input: statisticsCombineInput, access: 'statisticsCombine', audit: read('statistics-aggregate') }),
  'statistics.exportCombinedCsv': method<StatisticsFile>()({ input: statisticsCombineInput, access: 'statisticsCombine', audit: write('statistics-export') }),
  'statistics.exportCombinedXlsx': method<StatisticsFile>()({ input: statisticsCombineInput, access: 'statisticsCombine', audit: write('statistics-export') }),
  'statistics.printCombined': method<AggregatePrintDocument>()({ input: statisticsCombineInput, access: 'statisticsCombine', audit: write('statistics-export') }),
  // Referrals of a case to directory partners: case data of the keeping office; every read and write audited.
  'referrals.list': method<ReferralView[]>()({ input: referralListInput, access: 'caseWork', audit: read('referral') }),
  'referrals.create': method<ReferralView>()({ input: referralCreateInput, access: 'caseWork', audit: write('referral') }),
  'referrals.update': method<ReferralView>()({ input: referralUpdateInput, access: 'caseWork', audit: write('referral') }),
  'referrals.send': method<ReferralView>()({ input: referralSendInput, access: 'caseWork', audit: write('referral') }),
  'referrals.feedback': method<ReferralView>()({ input: referralFeedbackInput, access: 'caseWork', audit: write('referral') }),
  'referrals.reopen': method<ReferralView>()({ input: referralReopenInput, access: 'caseWork', audit: write('referral') }),
  'referrals.delete': method<null>()({ input: referralDeleteInput, access: 'caseWork', audit: write('referral') }),
  'referrals.dataHolders': method<DataHolderView[]>()({ input: referralHoldersInput, access: 'caseWork', audit: read('referral') }),
  'referrals.print': method<PrintDocument>()({ input: referralPrintInput, access: 'caseWork', audit: write('referral') }),
  // Handing a file to another of our offices (Fallübergabe): the keeping office's case management; the new office
  // takes it over. Reads name the consents and the file's categories, so they are audited like reads of the file.
  'handovers.prepare': method<HandoverPreparation>()({ input: handoverPrepareInput, access: 'caseWork', audit: read('client') }),
  'handovers.send': method<null>()({ input: handoverSendInput, access: 'caseWork', audit: write('client') }),
  'handovers.list': method<HandoverView[]>()({ input: handoverPrepareInput, access: 'caseWork', audit: read('client') }),
  'handovers.incoming': method<IncomingHandover[]>()({ input: emptyInput, access: 'caseWork', audit: read('client-list') }),
  'handovers.accept': method<HandoverView>()({ input: handoverAcceptInput, access: 'caseWork', audit: write('client') }),
  // Art. 15 DSGVO: the report of one person and its preview, audited under the person's file (the report as a disclosure).
  'dataSubject.accessPreview': method<AccessReportPreview>()({ input: accessPreviewInput, access: 'dataSubject', audit: read('client') }),
  'dataSubject.accessReport': method<PrintDocument>()({ input: accessReportInput, access: 'dataSubject', audit: write('client') }),
  // Retention and deletion (Art. 17) and restriction (Art. 18): Datenschutz asks, a second person decides.
  'retention.files': method<RetentionFilesView>()({ input: retentionFilesInput, access: 'privacy', audit: read('client-list') }),
  'deletions.list': method<DeletionRequestView[]>()({ input: emptyInput, access: 'retentionDecide', audit: read('deletion-request') }),
  'deletions.request': method<DeletionRequestView>()({ input: deletionRequestInput, access: 'retentionRequest', audit: write('deletion-request') }),
  // The package leaves the app: audited as a disclosure of the whole file to the public archive.
  'deletions.exportArchive': method<ArchivePackage>()({ input: archiveExportInput, access: 'retentionRequest', audit: write('deletion-request') }),
  'deletions.archiveDeclined': method<DeletionRequestView>()({ input: deletionIdInput, access: 'retentionRequest', audit: write('deletion-request') }),
  'deletions.reject': method<DeletionRequestView>()({ input: deletionIdInput, access: 'retentionDecide', audit: write('deletion-request') }),
  // Runs the deletion in its own transaction, then folds the WAL away (and vacuums): it writes its own audit entry.
  'deletions.approve': method<DeletionResult>()({ input: deletionApproveInput, access: 'retentionDecide', audit: none, outsideTransaction: true }),
  'restrictions.set': method<RetentionFileView>()({ input: restrictionSetInput, access: 'privacy', audit: write('client') }),
  'restrictions.lift': method<RetentionFileView>()({ input: restrictionLiftInput, access: 'privacy', audit: write('client') }),
} as const;

/**
 * Roles that may call 'caseWork' methods at all; each call is then checked against office scope, consent and
 * category by its guard in core (access/method-guards.ts). The ABH only reads, and only through consent.
 */
export const CASE_WORK_ROLES: readonly Role[] = ['fallmanagement', 'verwaltung', 'abh'];
/** Roles that may verify and read the audit trail (data protection officer, IT). */
export const AUDIT_ROLES: readonly Role[] = ['datenschutz', 'it-admin'];

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** Methods on client data: each has a guard in core (access/method-guards.ts) that checks scope and consent. */
export type CaseWorkMethod = { [M in MethodName]: Contract[M]['access'] extends 'caseWork' ? M : never }[MethodName];
/** Methods of the Art. 15 report: their own gate (data-subject area), their answers checked like client data. */
export type DataSubjectMethod = { [M in MethodName]: Contract[M]['access'] extends 'dataSubject' ? M : never }[MethodName];

export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Exclude<Contract[M]['output'], undefined>;

/**
 * Methods whose answer core gives as a print document (HTML) and the transport renders into a PDF before the page
 * sees it (electron/main/pdf-printer.ts; the harness does the same with Chromium's page.pdf).
 */
export const PRINT_METHODS = ['consents.printForm', 'referrals.print', 'conferences.printMinutes', 'dataSubject.accessReport', 'statistics.print', 'statistics.printCombined'] as const satisfies readonly MethodName[];
export type PrintMethod = (typeof PRINT_METHODS)[number];

export function isPrintMethod(method: string): method is PrintMethod {
  return (PRINT_METHODS as readonly string[]).includes(method);
}

/** What the page receives: a PDF for print methods, the core's answer otherwise. */
export type PageOutputOf<M extends MethodName> = M extends PrintMethod ? PrintedPdf : OutputOf<M>;

/** What every transport returns: a value, or an error payload; never a thrown Error across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;

/** The typed object the preload (Electron) or the shim (harness) exposes as `window.kim`. */
export type KimApi = {
  [N in Namespace]: {
    [M in MethodName as M extends `${N}.${infer F}` ? F : never]: (input: InputOf<M>) => Promise<Result<PageOutputOf<M>>>;
  };
} & {
  /** Main process asks the UI to save drafts and lock (OS suspend, screen lock, system idle). Returns unsubscribe. */
  onLockRequested(listener: (reason: LockReason) => void): () => void;
};
