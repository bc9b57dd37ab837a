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
});

export type MachinePolicy = z.output<typeof machinePolicySchema>;

export const DEFAULT_MACHINE_POLICY: MachinePolicy = machinePolicySchema.parse({});
