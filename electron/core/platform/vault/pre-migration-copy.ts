import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { replaceFileAtomic } from '../files/atomic-file';
import { hasPlaintextHeader } from './sqlcipher';

/** Beside the vault: the copies taken before a schema upgrade, newest kept. */
export const PRE_MIGRATION_DIR = 'backups';
export const PRE_MIGRATION_KEEP = 3;
const PREFIX = 'pre-migration-';

/**
 * Copies the database before migrations run (issue 13, upgrades): through the open connection with `VACUUM INTO`,
 * so the copy is encrypted under the same key (see vault-copy.ts). Only the database: a migration changes nothing
 * else of the vault. Older copies beyond PRE_MIGRATION_KEEP are removed. Returns the copy's path.
 */
export async function takePreMigrationCopy(dataSource: DataSource, databasePath: string, schemaVersion: number, now: Date): Promise<string> {
  const dir = join(dirname(databasePath), PRE_MIGRATION_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const copy = join(dir, `${PREFIX}schema${schemaVersion}-${stamp}.db`);
  rmSync(copy, { force: true });
  await dataSource.query('VACUUM INTO ?', [copy]);
  if (hasPlaintextHeader(copy)) {
    rmSync(copy, { force: true });
    throw new Error('pre-migration copy is not encrypted');
  }
  const copies = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.db')).sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - PRE_MIGRATION_KEEP))) rmSync(join(dir, old), { force: true });
  return copy;
}

/** Puts the pre-migration copy back over the database (connection closed): the WAL of the failed run goes first. */
export function restorePreMigrationCopy(copy: string, databasePath: string): void {
  for (const f of [`${databasePath}-wal`, `${databasePath}-shm`]) rmSync(f, { force: true });
  const staged = join(dirname(databasePath), `.${basename(databasePath)}.rollback`);
  copyFileSync(copy, staged);
  replaceFileAtomic(staged, databasePath);
}
