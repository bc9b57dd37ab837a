import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import type { Keyring, UnlockedSecrets } from '../../platform/vault/keyring';
import { createVault, loadKeyring, openVaultWithSecrets, vaultPaths, type OpenVault, type VaultLocation } from '../../platform/vault/vault';
import { parseRecoveryKey } from '../../platform/vault/recovery-key';
import { openRawEncrypted } from '../../platform/vault/sqlcipher';
import { removeRekeyLeftovers } from '../../platform/vault/rekey-database';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { rebuildNameKeysIfOutdated } from '../../domain/clients/name-key-rebuild';
import { VAULT_ENTITIES } from './entity-list';
import { settleCategoryKeys } from './category-keys';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';

/** What happened to a re-keying that a crash interrupted: nothing pending, completed, or rolled back. */
export type RekeySettlement = 'none' | 'completed' | 'aborted';

/**
 * Opens the vault with every area's entities (the API floor is the one place that knows them all), settles an
 * interrupted re-keying (a database that still opens with the current key rolls it back; one that opens only with
 * the new key completes it), and brings derived data that domain code computes and frozen migrations cannot (the
 * name search keys) up to date before the vault is used. Zeroes the unsealed secrets; the vault keeps its own copy.
 */
export async function openUnlockedVault(
  location: VaultLocation,
  keyring: Keyring,
  unlocked: UnlockedSecrets,
): Promise<{ vault: OpenVault; rekey: RekeySettlement }> {
  const opened = await openSettlingRekey(location, keyring, unlocked);
  return { vault: await upToDate(opened.vault), rekey: opened.rekey };
}

async function upToDate(vault: OpenVault): Promise<OpenVault> {
  try {
    await rebuildNameKeysIfOutdated(vault.dataSource);
    await settleCategoryKeys(vault);
    return vault;
  } catch (error) {
    vault.forgetKey();
    await vault.dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

async function openSettlingRekey(location: VaultLocation, keyring: Keyring, unlocked: UnlockedSecrets): Promise<{ vault: OpenVault; rekey: RekeySettlement }> {
  removeRekeyLeftovers(vaultPaths(location.dataDir).database);
  try {
    let vault: OpenVault;
    try {
      vault = await openVaultWithSecrets(location, keyring, unlocked.current, VAULT_ENTITIES, unlocked.categories);
    } catch (error) {
      const wrongKey = error instanceof AppError && error.code === 'vault.databaseCorrupt';
      if (!unlocked.next || !wrongKey) throw error;
      vault = await openVaultWithSecrets(location, keyring, unlocked.next, VAULT_ENTITIES, unlocked.categories);
      keyring.finishRekey(unlocked.next.database);
      keyring.save();
      return { vault, rekey: 'completed' };
    }
    if (!keyring.rekeyPending) return { vault, rekey: 'none' };
    keyring.abortRekey(unlocked.current.database);
    keyring.save();
    return { vault, rekey: 'aborted' };
  } finally {
    zeroSecrets(unlocked.current);
    zeroSecrets(unlocked.next);
    zeroCategoryKeys(unlocked.categories);
  }
}

/**
 * Opens the vault with the recovery key from IT's safe (settling an interrupted re-keying like an unlock). A key
 * that is not this vault's is recoveryKey.invalid, whatever step notices it.
 */
export async function openWithRecoveryKey(location: VaultLocation, recoveryKey: string): Promise<OpenVault> {
  const key = parseRecoveryKey(recoveryKey);
  const keyring = loadKeyring(location.dataDir);
  try {
    const unlocked = keyring.openWithRecoveryKey(key);
    if (!unlocked) throw new AppError('recoveryKey.invalid');
    return (await openUnlockedVault(location, keyring, unlocked)).vault;
  } catch (error) {
    // A wrong format 1 recovery key fails the keyring MAC: say "wrong key", not "tampered".
    if (error instanceof AppError && error.code === 'vault.keyringTampered') throw new AppError('recoveryKey.invalid');
    throw error;
  } finally {
    key.fill(0);
  }
}

/**
 * The SQLCipher key for a standard SQLCipher 4 tool, after checking the recovery key against the keyring's MAC
 * and the database file. Changes nothing (no migrations run). The caller zeroes the key.
 */
export function databaseKeyForRecoveryKey(location: VaultLocation, recoveryKey: string): Buffer {
  const key = parseRecoveryKey(recoveryKey);
  const keyring = loadKeyring(location.dataDir);
  const unlocked = keyring.openWithRecoveryKey(key);
  key.fill(0);
  if (!unlocked) throw new AppError('recoveryKey.invalid');
  const candidates = [unlocked.current, ...(unlocked.next ? [unlocked.next] : [])];
  let found: Buffer | null = null;
  for (const secrets of candidates) {
    if (found) break;
    try {
      keyring.verifyMac(secrets.database);
      openRawEncrypted(vaultPaths(location.dataDir).database, secrets.database, location.nativeBinding).close();
      found = Buffer.from(secrets.database);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  for (const secrets of candidates) zeroSecrets(secrets);
  zeroCategoryKeys(unlocked.categories);
  if (!found) throw new AppError('recoveryKey.invalid');
  return found;
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
