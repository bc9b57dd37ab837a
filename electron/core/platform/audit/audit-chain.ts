import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-entity';
import type { ChainBreak } from '../../contract/types/audit-types';

/**
 * The hash chain of the audit trail. Each entry's hash is an HMAC (key derived from the vault's audit key) over its
 * content and the previous entry's hash, so changing, removing or reordering an entry breaks the chain from there
 * on; the head kept outside the database (audit-head.ts) catches a cut-off tail.
 */
const chainKeys = new WeakMap<DataSource, Buffer>();

export function deriveAuditKey(auditKey: Buffer, purpose: 'chain' | 'head'): Buffer {
  return Buffer.from(hkdfSync('sha256', auditKey, Buffer.alloc(0), `kim-akte audit ${purpose} v1`, 32));
}

/** Called when a vault database is opened: appends on this connection are chained with this key. */
export function registerAuditChainKey(dataSource: DataSource, auditKey: Buffer): void {
  chainKeys.set(dataSource, deriveAuditKey(auditKey, 'chain'));
}

/** Zeroes and drops the chain key of this connection (on lock). */
export function forgetAuditChainKey(dataSource: DataSource): void {
  chainKeys.get(dataSource)?.fill(0);
  chainKeys.delete(dataSource);
}

export function auditChainKey(m: EntityManager): Buffer {
  const key = chainKeys.get(m.connection);
  if (!key) throw new Error('audit chain key not registered for this connection');
  return key;
}

type Hashable = Omit<AuditEntry, 'hash'>;

export function entryHash(key: Buffer, e: Hashable): string {
  const canonical = JSON.stringify([
    e.id,
    e.at,
    e.actorId,
    e.actorRole,
    e.office,
    e.action,
    e.entity,
    e.entityId,
    e.fields,
    e.outcome,
    e.prevHash,
  ]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export function hashesEqual(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface RawEntry {
  id: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  office: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  fields: string | null;
  outcome: AuditEntry['outcome'];
  prev_hash: string | null;
  hash: string | null;
}

export function fromRaw(r: RawEntry): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    office: r.office,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    fields: r.fields,
    outcome: r.outcome,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Chains entries written before the hash chain existed (schema upgrade), in id order, once. */
export async function chainUnhashedEntries(m: EntityManager): Promise<number> {
  // Databases deliberately kept at an older schema (tests of upgrades) have no chain columns yet.
  const columns = (await m.query(`SELECT name FROM pragma_table_info('audit_entry')`)) as { name: string }[];
  if (!columns.some((c) => c.name === 'hash')) return 0;
  const key = auditChainKey(m);
  const unhashed = (await m.query('SELECT * FROM audit_entry WHERE hash IS NULL ORDER BY id')) as RawEntry[];
  if (unhashed.length === 0) return 0;
  const before = (await m.query('SELECT hash FROM audit_entry WHERE id < ? AND hash IS NOT NULL ORDER BY id DESC LIMIT 1', [unhashed[0]!.id])) as {
    hash: string;
  }[];
  let prevHash = before[0]?.hash ?? '';
  for (const raw of unhashed) {
    const entry = { ...fromRaw(raw), prevHash };
    const hash = entryHash(key, entry);
    await m.query('UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?', [prevHash, hash, raw.id]);
    prevHash = hash;
  }
  return unhashed.length;
}

/** Walks the whole trail in id order; returns the first entry where the chain breaks, or null. */
export async function findChainBreak(m: EntityManager): Promise<ChainWalk> {
  return findChainBreakWith((sql, params) => m.query(sql, params) as Promise<RawEntry[]>, auditChainKey(m));
}

export interface ChainWalk {
  entries: number;
  lastId: number;
  lastHash: string;
  firstBreak: ChainBreak | null;
}

/** The same walk over any connection (a backup's copy, opened raw), with the chain key derived from the audit key. */
export async function findChainBreakWith(query: (sql: string, params: unknown[]) => Promise<RawEntry[]>, key: Buffer): Promise<ChainWalk> {
  const m = { query };
  const batch = 5_000;
  let prevId = 0;
  let prevHash = '';
  let entries = 0;
  for (;;) {
    const rows = (await m.query('SELECT * FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?', [prevId, batch])) as RawEntry[];
    for (const raw of rows) {
      const entry = fromRaw(raw);
      // A gap in ids or a foreign predecessor hash: something was removed or moved here.
      if (entry.id !== prevId + 1 || !hashesEqual(entry.prevHash ?? '', prevHash) && !(prevHash === '' && entry.prevHash === '')) {
        return { entries, lastId: prevId, lastHash: prevHash, firstBreak: { id: entry.id, reason: 'removed-or-reordered' } };
      }
      if (!hashesEqual(entry.hash, entryHash(key, entry))) {
        return { entries, lastId: prevId, lastHash: prevHash, firstBreak: { id: entry.id, reason: 'changed' } };
      }
      prevId = entry.id;
      prevHash = entry.hash!;
      entries++;
    }
    if (rows.length < batch) return { entries, lastId: prevId, lastHash: prevHash, firstBreak: null };
  }
}
