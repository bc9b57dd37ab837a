import { z } from 'zod';
import { OFFICES, ROLES } from '../offices';
import { PASSPHRASE_MAX_LENGTH } from '../passphrase-limits';

/**
 * Input schemas of the API, shared with the renderer's forms. Pure zod: this file must stay free of Node and
 * Electron so the renderer can import it.
 */
export const officeSchema = z.enum(OFFICES);
export const roleSchema = z.enum(ROLES);

/** Logins: lower-case letters, digits, dot, dash, underscore; what municipal IT uses for Windows accounts. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);

export const displayNameSchema = z.string().trim().min(2).max(120);

/** A passphrase as typed to unlock or confirm; strength is checked by the service (zxcvbn), not by the schema. */
export const passphraseSchema = z.string().min(1).max(1024);
/** A passphrase being chosen: at most PASSPHRASE_MAX_LENGTH characters, so rating it stays quick. */
export const newPassphraseSchema = z.string().min(1).max(PASSPHRASE_MAX_LENGTH);

export const setupInput = z.strictObject({
  office: officeSchema,
  adminLogin: loginSchema,
  adminName: displayNameSchema,
  passphrase: newPassphraseSchema,
});

export const unlockInput = z.strictObject({
  login: loginSchema,
  passphrase: passphraseSchema,
});

export const changePassphraseInput = z.strictObject({
  currentPassphrase: passphraseSchema,
  newPassphrase: newPassphraseSchema,
});

export const emptyInput = z.strictObject({}).optional();

/** Draft form input saved before locking: flat field → value pairs, bounded in size. */
export const formIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9.:-]{0,99}$/);
export const draftDataSchema = z
  .record(z.string().max(100), z.union([z.string().max(20_000), z.boolean(), z.number(), z.null()]))
  .refine((r) => Object.keys(r).length <= 200, { message: 'too_many_fields' });

export const draftSaveInput = z.strictObject({ formId: formIdSchema, data: draftDataSchema });
export const draftRefInput = z.strictObject({ formId: formIdSchema });

export const settingsUpdateInput = z.strictObject({
  idleLockMinutes: z.number().int().min(1).max(120),
});

export const accountCreateInput = z.strictObject({
  login: loginSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  passphrase: newPassphraseSchema,
  /** A KIM office other than the workstation's (a colleague standing in); ABH accounts always belong to the ABH. */
  office: z.enum(['lunen', 'werne', 'selm']).optional(),
});

/** Sensitive admin actions ask for the caller's own passphrase again (re-authentication). */
export const accountUpdateInput = z.strictObject({
  id: z.uuid(),
  version: z.int().min(1),
  displayName: displayNameSchema,
  role: roleSchema,
  active: z.boolean(),
  confirmPassphrase: passphraseSchema,
});

export const accountResetInput = z.strictObject({
  id: z.uuid(),
  newPassphrase: newPassphraseSchema,
  confirmPassphrase: passphraseSchema,
});

/** Re-keying the vault: the administrator's own passphrase again. */
export const rekeyInput = z.strictObject({ confirmPassphrase: passphraseSchema });

/** Datenschutz approves or rejects IT's request to create an account or reset its passphrase. */
export const accountRequestDecisionInput = z.strictObject({
  id: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  confirmPassphrase: passphraseSchema,
});

/** Forgotten passphrase without another administrator: IT uses the recovery key from the safe. */
export const recoveryResetInput = z.strictObject({
  recoveryKey: z.string().max(200),
  login: loginSchema,
  newPassphrase: newPassphraseSchema,
});

/** Filters of the audit view (data protection officer): person (record id), user, period, action. */
export const auditFilterSchema = z.strictObject({
  actorId: z.uuid().optional(),
  entity: z.string().regex(/^[a-z-]{1,40}$/).optional(),
  entityId: z.string().max(80).optional(),
  action: z.string().regex(/^[a-zA-Z.]{1,60}$/).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const auditListInput = auditFilterSchema.extend({
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});
export const auditExportInput = auditFilterSchema.extend({ confirmPassphrase: passphraseSchema });

/**
 * The data protection officer looks up a data subject (name or birth date, as in the client search) to filter the
 * trail by that record; the answer carries only what identifies the person.
 */
export const auditSubjectsInput = z.strictObject({
  query: z.string().trim().min(2).max(200),
  limit: z.int().min(1).max(50).default(20),
});

/** An absolute file path (POSIX, drive letter or UNC), as IT names a backup file; relative paths are refused. */
export const absoluteFilePath = z
  .string()
  .min(2)
  .max(1024)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p) && !p.includes('\u0000'), { message: 'absolute path required' });

export const backupInput = z.strictObject({ to: absoluteFilePath });
