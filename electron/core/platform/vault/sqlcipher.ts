import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../contract/errors';

const requireCjs = createRequire(__filename);

export type SqliteDatabase = BetterSqlite3.Database;
type DatabaseCtor = typeof BetterSqlite3;

/** The JS part of better-sqlite3-multiple-ciphers; the native part is picked per runtime via `nativeBinding`. */
export function loadSqliteDriver(): DatabaseCtor {
  return requireCjs('better-sqlite3-multiple-ciphers') as DatabaseCtor;
}

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** True when the file starts with the plain SQLite header, i.e. it is NOT encrypted. */
export function hasPlaintextHeader(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < PLAINTEXT_HEADER.length) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a fresh connection into SQLCipher 4 mode with the raw 256-bit key, before any other statement, and proves the
 * key works; then applies the vault's connection settings.
 */
export function applySqlcipherKey(db: SqliteDatabase, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new AppError('vault.databaseCorrupt', { reason: sqliteReason(error) });
  }
  applyConnectionSettings(db);
}

/**
 * The settings of every vault connection after its key: secure_delete so removed personal data is overwritten; temp
 * data in memory, never in unencrypted temp files; full fsync on commit; a page cache large enough for the hot
 * indexes and rows. Exported for the benchmark's plain copy, so that the cipher is the only difference it measures.
 */
export function applyConnectionSettings(db: SqliteDatabase): void {
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('synchronous = FULL');
  // 128 MiB of decrypted pages: the hot indexes and rows of search, lists and client screens at 50,000 clients stay
  // decrypted instead of being decrypted again per query. With 64 MiB, list pages missed the cache often enough that
  // the cipher cost them half again their plain time (bench: cipher ratio 1.29, lists 1.46; with 128 MiB 1.12, 1.18).
  db.pragma('cache_size = -131072');
}

/** A short English reason from a SQLite error, without paths or data. */
export function sqliteReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** Opens the vault file directly (no TypeORM) with a raw key, e.g. for tools and tests. */
export function openRawEncrypted(path: string, key: Buffer, nativeBinding?: string): SqliteDatabase {
  const Database = loadSqliteDriver();
  const db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applySqlcipherKey(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
