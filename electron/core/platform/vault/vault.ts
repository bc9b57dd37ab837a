import { accessSync, chmodSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AppError } from '../../contract/errors';
import type { Office } from '../../contract/offices';
import { newDatabaseKey } from './key-crypto';
import { KEYRING_FILE, Keyring } from './keyring';
import { formatRecoveryKey } from './recovery-key';
import { openVaultDatabase, type OpenDatabaseOptions } from './vault-database';

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
  /** A copy of the database key, for wrapping it for a new account; the caller zeroes the copy. */
  databaseKey(): Buffer;
  /** Zeroes the held key; called when the vault is locked. */
  forgetKey(): void;
}

/** Holds the database key while unlocked (SQLCipher holds it anyway); only copies leave. */
function holdKey(key: Buffer): Pick<OpenVault, 'databaseKey' | 'forgetKey'> {
  const held = Buffer.from(key);
  return { databaseKey: () => Buffer.from(held), forgetKey: () => held.fill(0) };
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
 * Creates a new vault: random database key, SQLCipher database with the current schema, keyring with the first
 * account's wrap. The keyring is written last, so a crash in between leaves no half vault that looks complete.
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
  const key = newDatabaseKey();
  try {
    const keyring = await Keyring.create(paths.keyring, office, login, passphrase, key, now);
    const opened = await openVaultDatabase({ path: paths.database, key, create: true, nativeBinding: location.nativeBinding, entities });
    restrictToOwner(paths.database);
    return { ...opened, keyring, ...holdKey(key), recoveryKey: formatRecoveryKey(key) };
  } finally {
    key.fill(0);
  }
}

/** Opens an existing vault with a database key already unwrapped (passphrase) or typed in (recovery key). */
export async function openVaultWithKey(location: VaultLocation, keyring: Keyring, key: Buffer, entities: Entities): Promise<OpenVault> {
  keyring.verifyMac(key);
  const opened = await openVaultDatabase({
    path: vaultPaths(location.dataDir).database,
    key,
    create: false,
    nativeBinding: location.nativeBinding,
    entities,
  });
  return { ...opened, keyring, ...holdKey(key) };
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
