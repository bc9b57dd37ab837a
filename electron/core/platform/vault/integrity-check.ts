import type { EntityManager } from 'typeorm';
import { applySqlcipherKey, loadSqliteDriver, sqliteReason, type SqliteDatabase } from './sqlcipher';

export interface IntegrityResult {
  /** Problems SQLite reported (0: "ok"); a check that could not finish counts as one. */
  problems: number;
  /** The SQLite error code when the check could not finish (e.g. SQLITE_CORRUPT), never a message with data. */
  aborted: string | null;
}

/**
 * SQLite's own structural check (b-trees, indexes, free list) on a second, read-only connection with the raw key:
 * a damaged page makes SQLite abort the statement, and on the session's connection that could roll back the call's
 * transaction (and its audit entry) with it. WAL mode lets the second connection read the last committed state.
 */
export function runIntegrityCheck(path: string, rawKey: Buffer, nativeBinding?: string): IntegrityResult {
  const Database = loadSqliteDriver();
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(path, { fileMustExist: true, readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    applySqlcipherKey(db, rawKey);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return { problems: rows.filter((r) => r.integrity_check !== 'ok').length, aborted: null };
  } catch (error) {
    return { problems: 1, aborted: sqliteReason(error) };
  } finally {
    db?.close();
  }
}

/** The page size of the open vault, for the page check of the file. */
export async function databasePageSize(m: EntityManager): Promise<number> {
  const rows = (await m.query('PRAGMA page_size')) as { page_size: number }[];
  return rows[0]?.page_size ?? 4096;
}
