import { findChainBreak } from '../../platform/audit/audit-chain';
import { checkAuditHead } from '../../platform/audit/audit-head';
import type { AuditVerification } from '../../contract/types/audit-types';
import type { VaultKeyContext } from '../service-context';
import { zeroSecrets } from '../../platform/vault/vault-secrets';

/** Checks the whole audit trail: the chain inside the database, then its end against the head outside it. */
export async function verifyAuditTrail(ctx: VaultKeyContext): Promise<AuditVerification> {
  const { tx } = ctx;
  const chain = await findChainBreak(tx);
  if (chain.firstBreak) return { ok: false, entries: chain.entries, firstBreak: chain.firstBreak };
  const secrets = ctx.vaultSecrets();
  try {
    const headBreak = await checkAuditHead(tx, ctx.dataDir, secrets.audit, chain.lastId);
    return { ok: headBreak === null, entries: chain.entries, firstBreak: headBreak };
  } finally {
    zeroSecrets(secrets);
  }
}
