import { AppError } from '../../../electron/core/contract/errors';
import { loadKeyring, type OpenVault, type VaultLocation } from '../../../electron/core/platform/vault/vault';
import { openUnlockedVault } from '../../../electron/core/api/session/open-vault';

/**
 * Opens the vault with an account's passphrase for a bulk import that runs outside the dispatcher. Callers unlock
 * through the dispatcher first (which throttles and audits the unlock and checks the role); this only repeats the
 * key unwrap to get a DataSource of their own.
 */
export async function openVaultForImport(location: VaultLocation, login: string, passphrase: string): Promise<OpenVault> {
  const keyring = loadKeyring(location.dataDir);
  const unlocked = await keyring.unlockAccount(login, passphrase);
  if (!unlocked) throw new AppError('unlock.failed');
  return (await openUnlockedVault(location, keyring, unlocked)).vault;
}
