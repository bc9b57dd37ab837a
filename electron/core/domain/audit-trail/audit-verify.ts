import { requireSession, type CallContext } from '../../api/call-context';
import { findChainBreak } from '../../platform/audit/audit-chain';
import { checkAuditHead } from '../../platform/audit/audit-head';
import type { AuditVerification } from "../../contract/types/audit-types";

/** Checks the whole audit trail: the chain inside the database, then its end against the head outside it. */
export async function verifyAuditTrail(ctx: CallContext): Promise<AuditVerification> {
  const { session, tx } = requireSession(ctx);
  const chain = await findChainBreak(tx);
  if (chain.firstBreak) return { ok: false, entries: chain.entries, firstBreak: chain.firstBreak };
  const key = session.vault.databaseKey();
  try {
    const headBreak = await checkAuditHead(tx, ctx.location.dataDir, key, chain.lastId);
    return { ok: headBreak === null, entries: chain.entries, firstBreak: headBreak };
  } finally {
    key.fill(0);
  }
}
