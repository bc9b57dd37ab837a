import { z } from 'zod';

/**
 * The machine policy IT places once per workstation (policy.json). Only the keys built so far; unknown keys are
 * refused, so a typo never silently falls back to a default. Every key has a default: a missing file is a valid
 * policy.
 */
export const machinePolicySchema = z.strictObject({
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
    })
    .default({ intervalSeconds: 60 }),
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
