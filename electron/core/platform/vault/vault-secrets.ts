import { randomBytes } from 'node:crypto';

/**
 * The secrets a vault's keyring hands out: the SQLCipher database key and the audit key (the audit chain and head
 * MACs derive from it, so the trail stays verifiable when the database key changes). Format 1 vaults used the
 * database key for both.
 */
export const GRANT_NAMES = ['database', 'audit'] as const;
export type GrantName = (typeof GRANT_NAMES)[number];

export type VaultSecrets = Record<GrantName, Buffer>;

export const SECRET_BYTES = 32;

export function newVaultSecrets(): VaultSecrets {
  return { database: randomBytes(SECRET_BYTES), audit: randomBytes(SECRET_BYTES) };
}

export function copySecrets(s: VaultSecrets): VaultSecrets {
  return { database: Buffer.from(s.database), audit: Buffer.from(s.audit) };
}

export function zeroSecrets(s: VaultSecrets | undefined): void {
  if (!s) return;
  for (const name of GRANT_NAMES) s[name].fill(0);
}
