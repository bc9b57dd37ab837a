import type { EntityManager } from 'typeorm';
import { AuditEntryEntity, type AuditOutcome } from './audit-entity';

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

/** Appends one audit entry in the caller's transaction. Holds ids and field names, never field values. */
export async function appendAudit(m: EntityManager, r: AuditRecord): Promise<void> {
  await m.insert(AuditEntryEntity, {
    at: r.at.toISOString(),
    actorId: r.actor?.id ?? null,
    actorRole: r.actor?.role ?? null,
    office: r.actor?.office ?? null,
    action: r.action,
    entity: r.entity ?? null,
    entityId: r.entityId ?? null,
    fields: r.fields ? JSON.stringify(r.fields) : null,
    outcome: r.outcome ?? 'ok',
  });
}
