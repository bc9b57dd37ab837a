import { findChainBreak } from '../../platform/audit/audit-chain';
import { checkAuditHead } from '../../platform/audit/audit-head';
import type { AuditVerification } from '../../contract/types/audit-types';
import type { VaultKeyContext } from '../service-context';

/** Checks the whole audit trail: the chain inside the database, then its end against the head outside it. */
export async function verifyAuditTrail(ctx: VaultKeyContext): Promise<AuditVerification> {
  const { tx } = ctx;
  const chain = await findChainBreak(tx);
  if (chain.firstBreak) return { ok: false, entries: chain.entries, firstBreak: chain.firstBreak };
  const key = ctx.databaseKey();
  try {
    const headBreak = await checkAuditHead(tx, ctx.dataDir, key, chain.lastId);
    return { ok: headBreak === null, entries: chain.entries, firstBreak: headBreak };
  } finally {
    key.fill(0);
  }
}
