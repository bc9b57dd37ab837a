import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { chainUnhashedEntries, registerAuditChainKey } from '../audit/audit-chain';
import { registerAuditHead } from '../audit/audit-head';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppError } from '../../contract/errors';
import { MIGRATIONS } from './migrations';
import { applySqlcipherKey, hasPlaintextHeader, loadSqliteDriver, sqliteReason } from './sqlcipher';
import { restorePreMigrationCopy, takePreMigrationCopy } from './pre-migration-copy';

type MigrationCtor = (typeof MIGRATIONS)[number];

export interface OpenDatabaseOptions {
  path: string;
  /** The SQLCipher key. */
  key: Buffer;
  /** The audit key (audit chain and head MACs); format 1 vaults use the database key. Defaults to `key`. */
  auditKey?: Buffer;
  create: boolean;
  nativeBinding?: string;
  /** The entity schemas of every area; the API floor passes them, so the platform knows no domain. */
  entities: NonNullable<DataSourceOptions['entities']>;
  /** Tests pass a prefix of MIGRATIONS to build an older schema (or append a failing one). */
  migrations?: readonly MigrationCtor[];
  /** For the name of the copy taken before migrations run. */
  now?: Date;
}

export interface OpenedDatabase {
  dataSource: DataSource;
  schemaVersion: number;
}

/**
 * Opens (or creates) the SQLCipher vault database and brings its schema up to date. Refuses files that are plain
 * SQLite, that the key does not open, or whose schema comes from a newer app version.
 */
export async function openVaultDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const exists = existsSync(options.path);
  if (!exists && !options.create) throw new AppError('vault.databaseCorrupt', { reason: 'missing' });
  if (exists && options.create) throw new AppError('vault.alreadyInitialised');
  if (hasPlaintextHeader(options.path)) throw new AppError('vault.databaseCorrupt', { reason: 'unencrypted' });

  const key = Buffer.from(options.key);
  const auditKey = Buffer.from(options.auditKey ?? options.key);
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.path,
    driver: loadSqliteDriver(),
    nativeBinding: options.nativeBinding,
    fileMustExist: !options.create,
    enableWAL: true,
    entities: options.entities,
    migrations: [...migrations],
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    prepareDatabase: (db: Parameters<typeof applySqlcipherKey>[0]) => applySqlcipherKey(db, key),
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    key.fill(0);
    auditKey.fill(0);
    if (error instanceof AppError) throw error;
    throw new AppError('vault.databaseCorrupt', { reason: sqliteReason(error) });
  }
  key.fill(0);
  // The audit chain and head keys derive from the audit key; registered before any audit entry is appended.
  registerAuditChainKey(dataSource, auditKey);
  registerAuditHead(dataSource, auditKey, dirname(options.path));
  auditKey.fill(0);
  try {
    const known = new Set(migrations.map((m) => m.name));
    const applied = await appliedMigrationNames(dataSource);
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new AppError('vault.schemaTooNew', { found: applied.length, known: migrations.length });
    await migrateWithCopy(dataSource, options.path, applied.length, migrations, options.now ?? new Date());
    await dataSource.transaction((m) => chainUnhashedEntries(m));
    const schemaVersion = (await appliedMigrationNames(dataSource)).length;
    if (hasPlaintextHeader(options.path)) throw new AppError('vault.databaseCorrupt', { reason: 'unencrypted' });
    return { dataSource, schemaVersion };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError('vault.databaseCorrupt', { reason: sqliteReason(error) });
  }
}

async function appliedMigrationNames(ds: DataSource): Promise<string[]> {
  const table = (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`)) as unknown[];
  if (table.length === 0) return [];
  const rows = (await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Runs pending migrations on an existing vault after copying it (pre-migration-copy.ts). If one fails, the
 * migrations before it in this run are committed already (one transaction each), so the copy is put back: the vault
 * is as the previous app version left it, and the error says so. A new vault (no migration applied yet) needs no copy.
 */
async function migrateWithCopy(dataSource: DataSource, path: string, applied: number, migrations: readonly MigrationCtor[], now: Date): Promise<void> {
  if (applied >= migrations.length) return;
  const copy = applied > 0 ? await takePreMigrationCopy(dataSource, path, applied, now) : null;
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (!copy) throw error;
    const done = await appliedMigrationNames(dataSource).catch(() => [] as string[]);
    const failed = migrations[done.length]?.name ?? 'unknown';
    await dataSource.destroy();
    try {
      restorePreMigrationCopy(copy, path);
    } catch {
      throw new AppError('vault.migrationRollbackFailed', { migration: failed, copy });
    }
    throw new AppError('vault.migrationFailed', { migration: failed });
  }
}
