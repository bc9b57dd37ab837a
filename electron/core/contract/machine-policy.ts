import { z } from 'zod';
import { officeSchema } from './schemas/common-schemas';

/** A folder as IT writes it in the policy: absolute (C:\…, \\server\share\…, /srv/…), never relative to wherever the app starts. */
const policyFolder = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0'), 'must not contain a NUL character')
  .refine((s) => /^([A-Za-z]:[\\/]|\\\\[^\\]|\/)/.test(s), 'must be an absolute path (C:\\…, \\\\server\\share\\… or /…)');

/** What a user may write out of the vault; each kind IT leaves out is refused with `policy.exportNotAllowed`. */
export const EXPORT_KINDS = ['pdf', 'csv', 'xlsx', 'archive'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * The machine policy IT places once per workstation (policy.json; README "For IT"). Unknown keys are
 * refused, so a typo never silently falls back to a default. Every key has a default: a missing file is a valid
 * policy.
 */
export const machinePolicySchema = z.strictObject({
  /** The vault folder on this machine; the user profile's folder when unset. */
  dataFolder: policyFolder.optional(),
  /** The office this machine serves; a vault of another office is refused at start. */
  office: officeSchema.optional(),
  accounts: z
    .strictObject({
      /**
       * Creating an account that sees client data, or resetting its passphrase, waits for a second person's
       * approval (the Datenschutz role). Small offices may switch this off; each such change is then audited as
       * unapproved.
       */
      requireApproval: z.boolean().default(true),
    })
    .default({ requireApproval: true }),
  sync: z
    .strictObject({
      /** Seconds between background sync rounds while a user is signed in (issue 9); on demand at any time. */
      intervalSeconds: z.int().min(15).max(3600).default(60),
      /** The shared folder of the sync network; when set, users cannot choose another one. */
      shareFolder: policyFolder.optional(),
    })
    .default({ intervalSeconds: 60 }),
  lock: z
    .strictObject({
      /** Minutes without input before the app locks, unless the user chose fewer. */
      idleMinutes: z.int().min(1).max(240).default(10),
      /** The longest idle time a user may choose in the settings. */
      maxIdleMinutes: z.int().min(1).max(240).default(60),
    })
    .refine((l) => l.idleMinutes <= l.maxIdleMinutes, { message: 'idleMinutes must not exceed maxIdleMinutes', path: ['idleMinutes'] })
    .default({ idleMinutes: 10, maxIdleMinutes: 60 }),
  logs: z
    .strictObject({
      /** Where the rotating log files go; the app's own log folder when unset. */
      folder: policyFolder.optional(),
      /** Days a log file is kept before rotation deletes it. */
      keepDays: z.int().min(1).max(365).default(30),
    })
    .default({ keepDays: 30 }),
  exports: z
    .strictObject({
      /** The kinds of file users may export (PDF reports, CSV and XLSX statistics, encrypted archive packages). */
      allowed: z.array(z.enum(EXPORT_KINDS)).max(EXPORT_KINDS.length).default([...EXPORT_KINDS]),
    })
    .default({ allowed: [...EXPORT_KINDS] }),
  backup: z
    .strictObject({
      /** The folder the app writes scheduled backups to; no scheduled backup when unset. */
      folder: policyFolder.optional(),
      /** Hours between scheduled backups. */
      intervalHours: z.int().min(1).max(168).default(24),
      /** How many backups the rotation keeps in the folder. */
      keep: z.int().min(1).max(365).default(14),
    })
    .default({ intervalHours: 24, keep: 14 }),
  retention: z
    .strictObject({
      /** Full years a client's file is kept after the end of the year its last case was closed (retention-domain.ts). */
      clientYears: z.int().min(1).max(30).default(10),
      /** Full years the file of a person who never became a client is kept after the end of the year of last contact. */
      contactYears: z.int().min(1).max(30).default(3),
      /**
       * Rebuild the database file (VACUUM) after each deletion. secure_delete already overwrites every freed page
       * and the WAL is truncated after each deletion, so no bytes of the person remain either way; VACUUM also
       * returns the freed pages to the file system. Off by default: it rewrites the whole vault (seconds at 50,000
       * clients, measured in the bench) and IT may run it in a quiet hour (`kim-akte` maintenance).
       */
      vacuumAfterDeletion: z.boolean().default(false),
    })
    .default({ clientYears: 10, contactYears: 3, vacuumAfterDeletion: false }),
});

export type MachinePolicy = z.output<typeof machinePolicySchema>;

export const DEFAULT_MACHINE_POLICY: MachinePolicy = machinePolicySchema.parse({});
