import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { EntityManager } from 'typeorm';
import type { SqliteDatabase } from './sqlcipher';

/**
 * Statements run straight on the vault's better-sqlite3 connection, each prepared once per connection and reused.
 *
 * Why: applying a data file writes several rows per received row (the row, its clocks, its change-log entry), a few
 * million for a whole office. TypeORM's `query()` adds several microseconds to each: it copies the parameters,
 * broadcasts before and after events and awaits three times per call (sync bench profile: about a tenth of the
 * import's CPU for these writes, plus garbage).
 *
 * The seam: TypeORM 1.x's better-sqlite3 driver runs every query runner on its one connection,
 * `driver.databaseConnection` (AbstractSqliteQueryRunner.connect returns it). A transaction is BEGIN … COMMIT on that
 * connection, so a statement run here is part of whatever the entity manager's query runner has open, exactly as
 * `m.query` would be. This module is the only place in the app that reaches into the driver: an upgrade that
 * changes it fails here loudly. For hot paths only; everything else keeps `m.query`.
 */
export interface PreparedStatements {
  /** Runs a writing statement; returns the number of rows it changed. */
  run(sql: string, params: readonly unknown[]): number;
  /** Runs a reading statement; returns its rows. */
  all<T>(sql: string, params: readonly unknown[]): T[];
}

/** Statements per connection: far more than the hot paths' fixed texts; the oldest goes first beyond it. */
const MAX_STATEMENTS = 200;

const byConnection = new WeakMap<SqliteDatabase, { cache: Map<string, Statement>; api: PreparedStatements }>();

/** better-sqlite3 binds no booleans; TypeORM passes them as 0/1, and so does this. Bound as one array (no spread). */
const bindable = (params: readonly unknown[]): unknown[] => (params.some((p) => typeof p === 'boolean') ? params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p)) : (params as unknown[]));

function connectionOf(m: EntityManager): SqliteDatabase {
  const connection = (m.connection.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
  if (!connection || typeof connection.prepare !== 'function' || !connection.open) throw new Error('the vault has no open better-sqlite3 connection');
  return connection;
}

export function preparedStatements(m: EntityManager): PreparedStatements {
  const connection = connectionOf(m);
  const known = byConnection.get(connection);
  if (known) return known.api;
  const cache = new Map<string, Statement>();
  const statement = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = connection.prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, s);
    }
    return s;
  };
  const api: PreparedStatements = {
    run: (sql, params) => statement(sql).run(bindable(params)).changes,
    all: <T>(sql: string, params: readonly unknown[]) => statement(sql).all(bindable(params)) as T[],
  };
  byConnection.set(connection, { cache, api });
  return api;
}
