import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { deriveAuditKey, findChainBreakWith, type RawEntry } from '../audit/audit-chain';
import { checkAuditHead } from '../audit/audit-head';
import type { ChainBreak } from '../../contract/types/audit-types';
import { hasPlaintextHeader, openRawEncrypted, sqliteReason, type SqliteDatabase } from './sqlcipher';
import { DATABASE_FILE } from './vault';

/**
 * A consistent copy of the live vault database, taken while the app keeps writing. SQLite's backup API
 * (better-sqlite3 `db.backup()`) cannot be used: it opens the destination itself, without a key, and SQLite3
 * Multiple Ciphers refuses to copy an encrypted database into it ("backup is not supported with incompatible source
 * and target databases"; tests/integration/vault-backup.test.ts keeps this proven). `VACUUM INTO` is SQLite's other
 * online copy: it reads one snapshot inside a read transaction (WAL: writers go on) and, in SQLite3 Multiple Ciphers,
 * writes the target with the source's cipher and key. The copy is checked to be encrypted before anything else.
 * Its own connection: the session's connection and its queue are not held while the copy runs.
 */
export function snapshotDatabase(source: string, key: Buffer, target: string, nativeBinding?: string): void {
  const db = openRawEncrypted(source, key, nativeBinding);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw new AppError('backup.writeFailed', { reason: sqliteReason(error) });
  } finally {
    db.close();
  }
  if (hasPlaintextHeader(target)) throw new AppError('backup.writeFailed', { reason: 'unencrypted' });
}

export interface VerifiedCopy {
  schemaVersion: number;
  migrationNames: string[];
  auditEntries: number;
  auditHead: { id: number; hash: string } | null;
}

/**
 * Checks a vault copy in `dir` (vault.db and audit-head.json) as restore and backup need it: it opens with the key
 * and is not plain SQLite, SQLCipher's page check and SQLite's integrity check pass, the audit chain is unbroken
 * and reaches the head file. Throws backup.damaged / backup.auditBroken; reads only.
 */
export async function verifyVaultCopy(dir: string, databaseKey: Buffer, auditKey: Buffer, nativeBinding?: string): Promise<VerifiedCopy> {
  const path = join(dir, DATABASE_FILE);
  if (hasPlaintextHeader(path)) throw new AppError('backup.damaged', { reason: 'unencrypted' });
  let db: SqliteDatabase;
  try {
    db = openRawEncrypted(path, databaseKey, nativeBinding);
  } catch {
    throw new AppError('backup.damaged', { reason: 'key' });
  }
  try {
    let integrity: unknown;
    let cipherErrors: unknown[];
    try {
      cipherErrors = db.pragma('cipher_integrity_check') as unknown[];
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw new AppError('backup.damaged', { reason: sqliteReason(error) });
    }
    if (cipherErrors.length > 0) throw new AppError('backup.damaged', { reason: 'cipher_integrity_check' });
    if (integrity !== 'ok') throw new AppError('backup.damaged', { reason: 'integrity_check' });
    const query = (sql: string, params: unknown[] = []) => Promise.resolve(db.prepare(sql).all(...params));
    const migrationNames = (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    const chainKey = deriveAuditKey(auditKey, 'chain');
    let walk;
    try {
      walk = await findChainBreakWith(query as (sql: string, params: unknown[]) => Promise<RawEntry[]>, chainKey);
    } finally {
      chainKey.fill(0);
    }
    let firstBreak: ChainBreak | null = walk.firstBreak;
    if (!firstBreak && walk.entries > 0) firstBreak = await checkAuditHead({ query } as never, dir, auditKey, walk.lastId);
    if (firstBreak) throw new AppError('backup.auditBroken', { id: firstBreak.id, reason: firstBreak.reason });
    return {
      schemaVersion: migrationNames.length,
      migrationNames,
      auditEntries: walk.entries,
      auditHead: walk.entries > 0 ? { id: walk.lastId, hash: walk.lastHash } : null,
    };
  } finally {
    db.close();
  }
}
