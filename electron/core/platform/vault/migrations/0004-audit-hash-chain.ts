import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper-evident audit trail: every entry carries the hash of the previous one. Entries written before this
 * migration are chained once, in order, by the first unlock after it (see audit-chain.ts), since the chain key is
 * derived from the database key, which a migration does not see.
 */
export class AuditHashChain1764000000004 implements MigrationInterface {
  name = 'AuditHashChain1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entry ADD COLUMN prev_hash TEXT`);
    await q.query(`ALTER TABLE audit_entry ADD COLUMN hash TEXT`);
    await q.query(`CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id, at)`);
    await q.query(`CREATE INDEX ix_audit_entry_entity ON audit_entry (entity, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_audit_entry_entity`);
    await q.query(`DROP INDEX ix_audit_entry_actor`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN hash`);
    await q.query(`ALTER TABLE audit_entry DROP COLUMN prev_hash`);
  }
}
