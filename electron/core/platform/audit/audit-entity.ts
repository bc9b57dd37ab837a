import { EntitySchema } from 'typeorm';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** One audit entry: who did what to which record, chained to the previous entry by an HMAC (audit-chain.ts). */
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
  /** Hash of the previous entry ('' for the first), and this entry's hash over its content and prevHash. */
  prevHash: string | null;
  hash: string | null;
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
    prevHash: { type: 'text', name: 'prev_hash', nullable: true },
    hash: { type: 'text', nullable: true },
  },
});
