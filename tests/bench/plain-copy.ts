import type { FieldCipher } from '../../electron/core/platform/vault/field-cipher';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { VAULT_ENTITIES } from '../../electron/core/api/session/entity-list';
import { registerAuditChainKey } from '../../electron/core/platform/audit/audit-chain';
import { AUDIT_HEAD_FILE, registerAuditHead } from '../../electron/core/platform/audit/audit-head';
import { KEYRING_FILE } from '../../electron/core/platform/vault/keyring';
import { MIGRATIONS } from '../../electron/core/platform/vault/migrations';
import {
  applyConnectionSettings,
  hasPlaintextHeader,
  loadSqliteDriver,
  openRawEncrypted,
  type SqliteDatabase,
} from '../../electron/core/platform/vault/sqlcipher';
import { DATABASE_FILE, loadKeyring, type OpenVault } from '../../electron/core/platform/vault/vault';
import { copySecrets, zeroSecrets, type VaultSecrets } from '../../electron/core/platform/vault/vault-secrets';

/**
 * BENCHMARK ONLY: a decrypted copy of a vault folder, to measure what the cipher costs on the same data. Never in
 * core — the product must never write personal data unencrypted. The copy lives in the benchmark's temp dir and is
 * deleted with it. The keyring and audit head are copied beside it, so the copy's folder looks like the vault's.
 */
export function makePlainCopy(vaultDir: string, key: Buffer, targetDir: string): void {
  const vaultDb = join(vaultDir, DATABASE_FILE);
  if (existsSync(`${vaultDb}-wal`)) throw new Error('checkpoint and close the vault before copying it');
  mkdirSync(targetDir, { recursive: true });
  const target = join(targetDir, DATABASE_FILE);
  copyFileSync(vaultDb, target);
  for (const file of [KEYRING_FILE, AUDIT_HEAD_FILE]) if (existsSync(join(vaultDir, file))) copyFileSync(join(vaultDir, file), join(targetDir, file));
  const db = openRawEncrypted(target, key);
  // SQLite3MultipleCiphers cannot rekey in WAL mode; leave it for the rekey (the DataSource turns WAL on again).
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = ''`);
  db.close();
  if (!hasPlaintextHeader(target)) throw new Error('the copy is still encrypted');
}

/**
 * The plain copy opened like the vault (openVaultDatabase): the same TypeORM options (WAL) and the same connection
 * settings (applyConnectionSettings: page cache, secure_delete, fsync, temp store), minus the key; the audit chain and
 * head keys registered from the vault's own audit secret as at unlock, so that the copy's head (copied beside it)
 * verifies and a dispatcher over it writes the same audit entries and head file. With any other key the head would
 * not match, stay frozen as evidence and never be written: the plain side would skip a file write per call.
 */
export async function openPlainVault(dir: string, secrets: VaultSecrets, fields: FieldCipher): Promise<OpenVault> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: join(dir, DATABASE_FILE),
    driver: loadSqliteDriver(),
    fileMustExist: true,
    enableWAL: true,
    entities: VAULT_ENTITIES,
    synchronize: false,
    logging: false,
    prepareDatabase: (db: SqliteDatabase) => applyConnectionSettings(db),
  });
  await dataSource.initialize();
  registerAuditChainKey(dataSource, secrets.audit);
  registerAuditHead(dataSource, secrets.audit, dir);
  const held = copySecrets(secrets);
  return {
    dataSource,
    schemaVersion: MIGRATIONS.length,
    keyring: loadKeyring(dir),
    secrets: () => copySecrets(held),
    fields,
    forgetKey: () => zeroSecrets(held),
  };
}
