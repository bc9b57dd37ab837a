import type { EntityManager } from 'typeorm';
import { auditChainKey, entryHash } from './audit-chain';
import type { AuditEntry, AuditOutcome } from './audit-entity';

export interface AuditActor {
  id: string;
  role: string;
  office: string;
}

export interface AuditRecord {
  at: Date;
  actor: AuditActor | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  fields?: string[];
  outcome?: AuditOutcome;
}

/**
 * Appends one audit entry in the caller's transaction, chained to the previous one. Holds ids and field names,
 * never field values. Calls are serialised by the dispatcher, so "last id + 1" is safe here.
 */
export async function appendAudit(m: EntityManager, r: AuditRecord): Promise<void> {
  const [last] = (await m.query('SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1')) as { id: number; hash: string | null }[];
  const entry: AuditEntry = {
    id: (last?.id ?? 0) + 1,
    at: r.at.toISOString(),
    actorId: r.actor?.id ?? null,
    actorRole: r.actor?.role ?? null,
    office: r.actor?.office ?? null,
    action: r.action,
    entity: r.entity ?? null,
    entityId: r.entityId ?? null,
    fields: r.fields ? JSON.stringify(r.fields) : null,
    outcome: r.outcome ?? 'ok',
    prevHash: last?.hash ?? '',
    hash: null,
  };
  entry.hash = entryHash(auditChainKey(m), entry);
  // A plain statement, not m.insert: every call writes at least one entry, and the query builder cost more than the
  // insert itself (about 0.25 ms per entry).
  await m.query(
    `INSERT INTO audit_entry (id, at, actor_id, actor_role, office, action, entity, entity_id, fields, outcome, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [entry.id, entry.at, entry.actorId, entry.actorRole, entry.office, entry.action, entry.entity, entry.entityId, entry.fields, entry.outcome, entry.prevHash, entry.hash],
  );
}
