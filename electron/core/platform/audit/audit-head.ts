import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { writeFileAtomic } from '../files/atomic-file';
import { readSetting, SETTING_KEYS, writeSetting } from '../settings/settings-store';
import { deriveAuditKey, forgetAuditChainKey, hashesEqual } from './audit-chain';
import type { ChainBreak } from '../../contract/types/audit-types';

/**
 * The newest audit entry (id and hash) kept outside the database, MAC'd under a key derived from the vault's audit key.
 * If entries at the end are cut off, the database no longer reaches this head. Written after each committed call;
 * after a crash the head may lag behind the database, which is fine: only a database behind its head is a break.
 * The database records that a head was written, so a deleted head file is a break too, not a fresh start.
 */
export const AUDIT_HEAD_FILE = 'audit-head.json';

interface AuditHead {
  format: 'kim-akte-audit-head';
  lastId: number;
  lastHash: string;
  mac: string;
}

interface HeadState {
  key: Buffer;
  auditKey: Buffer;
  dataDir: string;
  /** Last id written by this connection; -1 before the first write. */
  written: number;
  /** The head on disk did not match the database when opened: keep it as evidence, never overwrite. */
  frozen: boolean;
}

const headKeys = new WeakMap<DataSource, HeadState>();

export function registerAuditHead(dataSource: DataSource, auditKey: Buffer, dataDir: string): void {
  headKeys.set(dataSource, { key: deriveAuditKey(auditKey, 'head'), auditKey: Buffer.from(auditKey), dataDir, written: -1, frozen: false });
}

/** Zeroes the audit keys held for this connection, the chain key included (on lock). */
export function forgetAuditHead(dataSource: DataSource): void {
  forgetAuditChainKey(dataSource);
  const state = headKeys.get(dataSource);
  state?.key.fill(0);
  state?.auditKey.fill(0);
  headKeys.delete(dataSource);
}

function mac(key: Buffer, lastId: number, lastHash: string): string {
  return createHmac('sha256', key).update(`${lastId}:${lastHash}`).digest('hex');
}

/**
 * Writes the head if the trail grew since the last write on this connection. Cheap when nothing changed. The first
 * write of a connection first checks the head already on disk: if the database no longer reaches it (cut-off tail)
 * the old head is kept as evidence for `audit verify` instead of being overwritten.
 */
export async function syncAuditHead(dataSource: DataSource): Promise<void> {
  const state = headKeys.get(dataSource);
  if (!state || state.frozen || !dataSource.isInitialized) return;
  const [last] = (await dataSource.query('SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1')) as { id: number; hash: string }[];
  if (!last || last.id === state.written) return;
  if (state.written === -1) {
    // A head written before must still be there and match: a deleted or cut-off head stays reported.
    const wroteBefore = (await readSetting(dataSource.manager, SETTING_KEYS.auditHeadWritten)) !== null;
    const onDisk = existsSync(join(state.dataDir, AUDIT_HEAD_FILE));
    if ((onDisk || wroteBefore) && (await checkAuditHead(dataSource.manager, state.dataDir, state.auditKey, last.id))) {
      state.frozen = true;
      return;
    }
  }
  // No fsync: a head lost to a power cut only lags, which verification accepts.
  writeFileAtomic(join(state.dataDir, AUDIT_HEAD_FILE), headFileContent(state.key, last.id, last.hash), { durable: false });
  // Recorded after the file exists, so a crash in between never makes a fresh vault look tampered with.
  if (state.written === -1) await writeSetting(dataSource.manager, SETTING_KEYS.auditHeadWritten, '1');
  state.written = last.id;
}

function headFileContent(headKey: Buffer, lastId: number, lastHash: string): string {
  const head: AuditHead = { format: 'kim-akte-audit-head', lastId, lastHash, mac: mac(headKey, lastId, lastHash) };
  return JSON.stringify(head);
}

/** The head file for a copy of the database (a backup): made from the copy's own newest entry, not the live file. */
export function auditHeadFileFor(auditKey: Buffer, lastId: number, lastHash: string): string {
  const key = deriveAuditKey(auditKey, 'head');
  try {
    return headFileContent(key, lastId, lastHash);
  } finally {
    key.fill(0);
  }
}

/** The entry id a head file names, if its MAC holds under `auditKey`; null when missing, damaged or foreign. */
export function readAuditHeadId(dataDir: string, auditKey: Buffer): number | null {
  const path = join(dataDir, AUDIT_HEAD_FILE);
  if (!existsSync(path)) return null;
  try {
    const head = JSON.parse(readFileSync(path, 'utf8')) as AuditHead;
    const key = deriveAuditKey(auditKey, 'head');
    const ok = typeof head.lastId === 'number' && typeof head.lastHash === 'string' && typeof head.mac === 'string' && hashesEqual(head.mac, mac(key, head.lastId, head.lastHash));
    key.fill(0);
    return ok ? head.lastId : null;
  } catch {
    return null;
  }
}

/** Compares the database's trail with the head outside it; null when consistent. */
export async function checkAuditHead(m: Pick<EntityManager, 'query'>, dataDir: string, auditKey: Buffer, lastId: number): Promise<ChainBreak | null> {
  const path = join(dataDir, AUDIT_HEAD_FILE);
  if (!existsSync(path)) return { id: lastId, reason: 'head-missing' };
  let head: AuditHead;
  try {
    head = JSON.parse(readFileSync(path, 'utf8')) as AuditHead;
  } catch {
    return { id: lastId, reason: 'head-invalid' };
  }
  const key = deriveAuditKey(auditKey, 'head');
  if (typeof head.lastId !== 'number' || typeof head.lastHash !== 'string' || !hashesEqual(head.mac, mac(key, head.lastId, head.lastHash))) {
    return { id: lastId, reason: 'head-invalid' };
  }
  if (head.lastId > lastId) return { id: lastId + 1, reason: 'tail-cut' };
  const [atHead] = (await m.query('SELECT hash FROM audit_entry WHERE id = ?', [head.lastId])) as { hash: string }[];
  if (!atHead || !hashesEqual(atHead.hash, head.lastHash)) return { id: head.lastId, reason: 'changed' };
  return null;
}
