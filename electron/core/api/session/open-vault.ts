import type { Office } from '../../contract/offices';
import type { Keyring } from '../../platform/vault/keyring';
import { createVault, openVaultWithKey, type OpenVault, type VaultLocation } from '../../platform/vault/vault';
import { rebuildNameKeysIfOutdated } from '../../domain/clients/name-key-rebuild';
import { VAULT_ENTITIES } from './entity-list';

/**
 * Opens the vault with every area's entities: the API floor is the one place that knows them all. Derived data that
 * domain code computes and frozen migrations cannot (the name search keys) is brought up to date here, before the
 * vault is used.
 */
export async function openVault(location: VaultLocation, keyring: Keyring, key: Buffer): Promise<OpenVault> {
  return upToDate(await openVaultWithKey(location, keyring, key, VAULT_ENTITIES));
}

/** Creates a new vault (see platform/vault createVault) with every area's entities. */
export function createWorkstationVault(
  location: VaultLocation,
  office: Office,
  login: string,
  passphrase: string,
  now: Date,
): Promise<OpenVault & { recoveryKey: string }> {
  return createVault(location, office, login, passphrase, now, VAULT_ENTITIES);
}

async function upToDate(vault: OpenVault): Promise<OpenVault> {
  try {
    await rebuildNameKeysIfOutdated(vault.dataSource);
    return vault;
  } catch (error) {
    vault.forgetKey();
    await vault.dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
