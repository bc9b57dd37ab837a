import type { DataSource } from 'typeorm';
import type { SqliteDatabase } from '../../../electron/core/platform/vault/sqlcipher';

/**
 * The better-sqlite3 connection under an open vault's DataSource, for bulk work that TypeORM makes too slow
 * (prepared statements in large transactions). TypeORM 1.x's better-sqlite3 driver keeps it in
 * `driver.databaseConnection`; this is the only place that reaches into the driver, so an upgrade breaks here loudly.
 */
export function rawConnection(dataSource: DataSource): SqliteDatabase {
  const connection = (dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  if (!dataSource.isInitialized || !connection || typeof connection.prepare !== 'function') {
    throw new Error('the vault DataSource has no open better-sqlite3 connection');
  }
  return connection;
}
