import { EntitySchema } from 'typeorm';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** One audit entry: who did what to which record. Hash chaining is added by the access issue. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  office: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  fields: string | null;
  outcome: AuditOutcome;
}

export const AuditEntryEntity = new EntitySchema<AuditEntry>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'text' },
    actorId: { type: 'text', name: 'actor_id', nullable: true },
    actorRole: { type: 'text', name: 'actor_role', nullable: true },
    office: { type: 'text', nullable: true },
    action: { type: 'text' },
    entity: { type: 'text', nullable: true },
    entityId: { type: 'text', name: 'entity_id', nullable: true },
    fields: { type: 'text', nullable: true },
    outcome: { type: 'text' },
  },
});
