/**
 * The renderer's only door to core code: types and pure modules of the API contract. Nothing here may pull in
 * Node or Electron; everything else in the renderer imports core through this file.
 */
export type {
  DraftRecord,
  HomeSummary,
  InputOf,
  KimApi,
  LockReason,
  MethodName,
  OutputOf,
  Result,
  SessionUser,
  SettingsView,
  VaultStatus,
} from '../../../electron/core/api/contract';
export { LOCK_REASONS } from '../../../electron/core/api/contract';
export type { ErrorCode, ErrorParams, ErrorPayload, ValidationIssue } from '../../../electron/core/api/errors';
export { ERROR_CODES } from '../../../electron/core/api/errors';
export {
  changePassphraseInput,
  displayNameSchema,
  loginSchema,
  officeSchema,
  settingsUpdateInput,
  unlockInput,
} from '../../../electron/core/api/schemas';
export {
  PASSPHRASE_MIN_LENGTH,
  PASSPHRASE_MIN_SCORE,
  ratePassphrase,
  type PassphraseStrength,
} from '../../../electron/core/api/passphrase-policy';
export { OFFICES, ROLES, type Office, type Role } from '../../../electron/core/shared/offices';
export type { AccountSummary } from '../../../electron/core/api/contract';
export { accountCreateInput, roleSchema } from '../../../electron/core/api/schemas';
export * from '../../../electron/core/shared/case-domain';
export * from '../../../electron/core/shared/data-categories';
