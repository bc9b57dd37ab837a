import { accessSync, chmodSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import { KEYRING_FILE, Keyring } from './keyring';
import { formatRecoveryKey } from './recovery-key';
import { newKeyPair } from './sealed-box';
import { copySecrets, newVaultSecrets, zeroSecrets, type VaultSecrets } from './vault-secrets';
import { openVaultDatabase, type OpenDatabaseOptions } from './vault-database';
import { FieldCipher, type CategoryKeys } from './field-cipher';

export const DATABASE_FILE = 'vault.db';

export interface VaultLocation {
  dataDir: string;
  /** Path of the native SQLCipher binding built for this runtime (Electron); Node uses the default build. */
  nativeBinding?: string;
}

type Entities = OpenDatabaseOptions['entities'];

export interface OpenVault {
  dataSource: DataSource;
  schemaVersion: number;
  keyring: Keyring;
  /** A copy of the vault's secrets, for sealing them to an account; the caller zeroes the copy. */
  secrets(): VaultSecrets;
  /** The category keys this session holds, for the protected fields (see field-cipher.ts). */
  fields: FieldCipher;
  /** Zeroes the held secrets and category keys; called when the vault is locked. */
  forgetKey(): void;
}

/** Holds the secrets while unlocked (SQLCipher holds the key anyway); only copies leave. */
function holdSecrets(secrets: VaultSecrets, keyring: Keyring, categories: CategoryKeys): Pick<OpenVault, 'secrets' | 'forgetKey' | 'fields'> {
  const held = copySecrets(secrets);
  const fields = new FieldCipher(keyring.vaultId, keyring.categoryPublicKeys() ?? {}, categories);
  return {
    secrets: () => copySecrets(held),
    fields,
    forgetKey: () => {
      zeroSecrets(held);
      fields.forget();
    },
  };
}

export const vaultPaths = (dataDir: string) => ({
  database: join(dataDir, DATABASE_FILE),
  keyring: join(dataDir, KEYRING_FILE),
});

export type VaultState = 'uninitialised' | 'present';

/** A vault exists once its keyring exists; a lone vault.db without keyring is reported as corrupt on unlock. */
export function vaultState(dataDir: string): VaultState {
  const p = vaultPaths(dataDir);
  return existsSync(p.keyring) || existsSync(p.database) ? 'present' : 'uninitialised';
}

function ensureWritableDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new AppError('vault.dataDirUnavailable', { reason: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}

/**
 * Creates a new vault: random database and audit keys, a recovery key pair whose private half is shown once, the
 * SQLCipher database with the current schema, and the keyring with the first account. The keyring is written last,
 * so a crash in between leaves no half vault that looks complete.
 */
export async function createVault(
  location: VaultLocation,
  office: Office,
  login: string,
  passphrase: string,
  now: Date,
  entities: Entities,
): Promise<OpenVault & { recoveryKey: string }> {
  ensureWritableDir(location.dataDir);
  if (vaultState(location.dataDir) !== 'uninitialised') throw new AppError('vault.alreadyInitialised');
  const paths = vaultPaths(location.dataDir);
  const secrets = newVaultSecrets();
  const recovery = newKeyPair();
  try {
    const keyring = await Keyring.create(paths.keyring, office, login, passphrase, secrets, recovery.publicKey, now);
    const opened = await openVaultDatabase({ ...databaseOptions(location, secrets), create: true, entities });
    restrictToOwner(paths.database);
    return { ...opened, keyring, ...holdSecrets(secrets, keyring, {}), recoveryKey: formatRecoveryKey(recovery.privateKey) };
  } finally {
    zeroSecrets(secrets);
    recovery.privateKey.fill(0);
  }
}

function databaseOptions(location: VaultLocation, secrets: VaultSecrets) {
  return { path: vaultPaths(location.dataDir).database, key: secrets.database, auditKey: secrets.audit, nativeBinding: location.nativeBinding };
}

/** Opens an existing vault with secrets already unsealed (passphrase or recovery key); the caller zeroes its copies. */
export async function openVaultWithSecrets(
  location: VaultLocation,
  keyring: Keyring,
  secrets: VaultSecrets,
  entities: Entities,
  categories: CategoryKeys = {},
): Promise<OpenVault> {
  keyring.verifyMac(secrets.database);
  const opened = await openVaultDatabase({ ...databaseOptions(location, secrets), create: false, entities });
  return { ...opened, keyring, ...holdSecrets(secrets, keyring, categories) };
}

/** Encrypted or not, the vault files are for this account only (Windows relies on the installer's ACLs). */
function restrictToOwner(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

export function loadKeyring(dataDir: string): Keyring {
  const p = vaultPaths(dataDir);
  if (!existsSync(p.keyring)) {
    if (existsSync(p.database)) throw new AppError('vault.keyringCorrupt');
    throw new AppError('vault.notInitialised');
  }
  return Keyring.load(p.keyring);
}
