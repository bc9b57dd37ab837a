import { copyFileSync, existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { VAULT_ENTITIES } from '../../electron/core/api/session/entity-list';
import { hasPlaintextHeader, loadSqliteDriver, openRawEncrypted, type SqliteDatabase } from '../../electron/core/platform/vault/sqlcipher';

/**
 * BENCHMARK ONLY: a decrypted copy of a vault, to measure what the cipher costs on the same data. Never in core —
 * the product must never write personal data unencrypted. The copy lives in the benchmark's temp dir and is deleted
 * with it.
 */
export function makePlainCopy(vaultDb: string, key: Buffer, target: string): void {
  if (existsSync(`${vaultDb}-wal`)) throw new Error('checkpoint and close the vault before copying it');
  copyFileSync(vaultDb, target);
  const db = openRawEncrypted(target, key);
  // SQLite3MultipleCiphers cannot rekey in WAL mode; leave it for the rekey, restore it below.
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey = ''`);
  db.close();
  if (!hasPlaintextHeader(target)) throw new Error('the copy is still encrypted');
}

/** The same connection settings as the vault (applySqlcipherKey + WAL), minus the key: only the cipher differs. */
function plainSettings(db: SqliteDatabase): void {
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
}

export async function openPlainDataSource(path: string): Promise<DataSource> {
  const ds = new DataSource({
    type: 'better-sqlite3',
    database: path,
    driver: loadSqliteDriver(),
    fileMustExist: true,
    enableWAL: true,
    entities: VAULT_ENTITIES,
    synchronize: false,
    logging: false,
    prepareDatabase: (db: SqliteDatabase) => plainSettings(db),
  });
  await ds.initialize();
  return ds;
}
