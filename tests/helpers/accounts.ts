import type { Role } from '../../electron/core/contract/offices';
import { insertAccount } from '../../electron/core/domain/users/account-service';
import { readSetting, SETTING_KEYS } from '../../electron/core/platform/settings/settings-store';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { zeroSecrets } from '../../electron/core/platform/vault/vault-secrets';

/**
 * Adds a second account the way IT will (row in the vault + wrap in the keyring), opened with the recovery key.
 * The accounts UI and API come with the access issue; until then tests use this.
 */
export async function addAccount(
  dataDir: string,
  recoveryKey: string,
  a: { login: string; displayName: string; role: Role; passphrase: string },
): Promise<void> {
  const vault = await openWithRecoveryKey({ dataDir }, recoveryKey);
  const keyring = vault.keyring;
  const secrets = vault.secrets();
  try {
    await vault.dataSource.transaction(async (m) => {
      const deviceId = (await readSetting(m, SETTING_KEYS.deviceId))!;
      await insertAccount(m, { login: a.login, displayName: a.displayName, role: a.role, office: keyring.office }, deviceId, new Date());
    });
    await keyring.setAccountPassphrase(a.login, a.passphrase, secrets);
    keyring.save();
  } finally {
    zeroSecrets(secrets);
    vault.forgetKey();
    await vault.dataSource.destroy();
  }
}
