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
});

export type MachinePolicy = z.output<typeof machinePolicySchema>;

export const DEFAULT_MACHINE_POLICY: MachinePolicy = machinePolicySchema.parse({});
