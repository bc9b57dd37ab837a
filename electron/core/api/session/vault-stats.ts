import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../../platform/audit/audit-entity';
import { DraftEntity } from '../../domain/drafts/draft-entity';
import { ChangeEntryEntity } from '../../platform/sync/change-entity';
import { AccountEntity } from '../../domain/users/account-entity';

export interface VaultCounts {
  accounts: number;
  auditEntries: number;
  changes: number;
  drafts: number;
}

/** Row counts for administration (no personal data, only numbers). */
export async function countRows(m: EntityManager): Promise<VaultCounts> {
  return {
    accounts: await m.count(AccountEntity),
    auditEntries: await m.count(AuditEntryEntity),
    changes: await m.count(ChangeEntryEntity),
    drafts: await m.count(DraftEntity),
  };
}
