/**
 * The renderer's only door to core code: types and pure modules of the API contract. Nothing here may pull in
 * Node or Electron; everything else in the renderer imports core through this file.
 */
export type { InputOf, KimApi, MethodName, OutputOf, PageOutputOf, Result } from '../../../electron/core/contract/methods';
export { CONSENT_FORM_LANGUAGES, consentFormLanguageFor, type ConsentFormChoice } from '../../../electron/core/contract/types/print-types';
export type { LockReason } from '../../../electron/core/contract/lock-reasons';
export type {
  AccountSummary,
  DraftRecord,
  HomeSummary,
  RekeyResult,
  SessionUser,
  SettingsView,
  VaultStatus,
} from '../../../electron/core/contract/types/workstation-types';
export { LOCK_REASONS } from '../../../electron/core/contract/lock-reasons';
export { AUDIT_ROLES, CASE_WORK_ROLES } from '../../../electron/core/contract/methods';
export { DATA_SUBJECT_ROLES, dataSubjectAllows } from '../../../electron/core/contract/data-subject-domain';
export type { AccessReportCounts, AccessReportPreview, RetentionView } from '../../../electron/core/contract/types/data-subject-types';
export type { ErrorCode, ErrorParams, ErrorPayload, ValidationIssue } from '../../../electron/core/contract/errors';
export { ERROR_CODES } from '../../../electron/core/contract/errors';
export {
  changePassphraseInput,
  displayNameSchema,
  loginSchema,
  officeSchema,
  passphraseSchema,
  settingsUpdateInput,
  unlockInput,
} from '../../../electron/core/contract/schemas/common-schemas';
export type { PassphraseStrength } from '../../../electron/core/contract/passphrase-policy';
/**
 * The passphrase policy pulls in zxcvbn with its German and common dictionaries, most of the renderer's bytes: it
 * loads on first need (strength meter), so the lock screen does not wait for it.
 */
export const loadPassphrasePolicy = () => import('../../../electron/core/contract/passphrase-policy');
export { OFFICES, ROLES, type Office, type Role } from '../../../electron/core/contract/offices';
export {
  accountCreateInput,
  accountResetInput,
  accountUpdateInput,
  auditExportInput,
  newPassphraseSchema,
  recoveryResetInput,
  rekeyInput,
  roleSchema,
} from '../../../electron/core/contract/schemas/common-schemas';
export {
  caseCloseInput,
  caseOpenInput,
  followUpInput,
  householdMemberInput,
  isoDateSchema,
  noteInput,
  residenceStatusInput,
} from '../../../electron/core/contract/schemas/client-schemas';
export { consentAddInput, consentPrintInput, consentRevokeInput } from '../../../electron/core/contract/schemas/consent-schemas';
export * from '../../../electron/core/contract/case-domain';
export * from '../../../electron/core/contract/data-categories';
export {
  DEVICE_ID_PATTERN,
  INVITATION_MAX_CHARS,
  invitationCodeSchema,
  networkCreateInput,
  networkInviteInput,
  networkJoinInput,
  networkRevokeInput,
  sharePathSchema,
} from '../../../electron/core/contract/schemas/network-schemas';
export type {
  DeviceStatus,
  InvitationView,
  NetworkDevice,
  ConflictSide,
  NetworkStatus,
  SyncConflictView,
  SyncRoundResult,
  SyncRoundSummary,
} from '../../../electron/core/contract/types/network-types';
export * from '../../../electron/core/contract/partner-domain';
export * from '../../../electron/core/contract/referral-domain';
export * from '../../../electron/core/contract/handover-domain';
export * from '../../../electron/core/contract/retention-domain';
export { archiveExportInput, deletionRequestInput, restrictionSetInput } from '../../../electron/core/contract/schemas/retention-schemas';
export type { DeletionRequestView, RetentionFileView, RetentionFilesView } from '../../../electron/core/contract/types/retention-types';
export { contactFieldsSchema, partnerFieldsSchema } from '../../../electron/core/contract/schemas/partner-schemas';
export type {
  ContactFields,
  DirectoryConflictView,
  PartnerContactView,
  PartnerDetail,
  PartnerFields,
  PartnerProposalView,
  PartnerSummary,
} from '../../../electron/core/contract/types/partner-types';
export * from '../../../electron/core/contract/finding-domain';
export { findingFieldsSchema } from '../../../electron/core/contract/schemas/finding-schemas';
export type { FindingSummary, FindingView } from '../../../electron/core/contract/types/finding-types';
export { STATISTICS_ROLES, MAX_PERIOD_DAYS, statisticsAllows } from '../../../electron/core/contract/statistics-domain';
export { POLICY_KEYS, policySets, policyValue, type PolicyEntry, type PolicyKey, type PolicySource, type PolicyView } from '../../../electron/core/contract/machine-policy-keys';
export { exportKindOf, type ExportMethod } from '../../../electron/core/contract/export-methods';
export type { ExportKind } from '../../../electron/core/contract/machine-policy';
export type {
  AggregateOverview,
  AggregatePublication,
  CombinedStatistics,
  ReceivedAggregate,
  StatisticsCell,
  StatisticsFile,
  StatisticsReport,
  StatisticsTable,
} from '../../../electron/core/contract/types/statistics-types';
export { HEALTH_CHECKS, QUICK_HEALTH_CHECKS } from '../../../electron/core/contract/types/health-types';
export type { HealthCheckId, HealthFinding, HealthReport, HealthSeverity } from '../../../electron/core/contract/types/health-types';
