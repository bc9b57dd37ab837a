import { randomUUID } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { recordChange } from '../../platform/sync/change-recorder';
import { stampOf } from '../service-context';
import { berlinDate } from '../../contract/dates';
import type { RetentionFileView } from '../../contract/types/retention-types';
import type { ServiceContext } from '../service-context';
import { retentionFacts, type RetentionYears } from './retention-files';

const RESTRICTION = 'client_restriction';

async function ownFile(ctx: ServiceContext, clientId: string, years: RetentionYears): Promise<RetentionFileView> {
  const facts = await retentionFacts(ctx.tx, clientId, years, berlinDate(ctx.now));
  if (!facts) throw new AppError('record.notFound', { entity: 'client' });
  if (facts.office !== ctx.user.office) throw new AppError('deletion.otherOffice');
  return facts;
}

/**
 * Restricts processing of a file (Art. 18: the person contests its accuracy, objects, or needs it kept for a
 * claim): from now on every write to the file is refused (api/method-guards.ts), reads stay possible. The reason
 * is Datenschutz's own note and stays in the keeping office. Audited as a write of the client file.
 */
export async function restrictProcessing(ctx: ServiceContext, input: { clientId: string; reason: string }, years: RetentionYears): Promise<RetentionFileView> {
  await ownFile(ctx, input.clientId, years);
  const [existing] = (await ctx.tx.query('SELECT id FROM client_restriction WHERE client_id = ?', [input.clientId])) as { id: string }[];
  const at = ctx.now.toISOString();
  if (existing) {
    await ctx.tx.query('UPDATE client_restriction SET reason = ?, restricted_by = ?, restricted_at = ? WHERE id = ?', [input.reason, ctx.user.id, at, existing.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: RESTRICTION, entityId: existing.id, fields: ['reason', 'restrictedBy', 'restrictedAt'] });
  } else {
    const id = randomUUID();
    await ctx.tx.query('INSERT INTO client_restriction (id, client_id, reason, restricted_by, restricted_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      input.clientId,
      input.reason,
      ctx.user.id,
      at,
    ]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: RESTRICTION, entityId: id, fields: ['clientId', 'reason', 'restrictedBy', 'restrictedAt'] });
  }
  ctx.audit.entityIds.push(input.clientId);
  ctx.audit.fields.push('restriction:set');
  return (await retentionFacts(ctx.tx, input.clientId, years, berlinDate(ctx.now)))!;
}

/** Lifts the restriction (Art. 18(3): the person is told before). */
export async function liftRestriction(ctx: ServiceContext, clientId: string, years: RetentionYears): Promise<RetentionFileView> {
  await ownFile(ctx, clientId, years);
  const rows = (await ctx.tx.query('SELECT id FROM client_restriction WHERE client_id = ?', [clientId])) as { id: string }[];
  for (const r of rows) {
    await ctx.tx.query('DELETE FROM client_restriction WHERE id = ?', [r.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: RESTRICTION, entityId: r.id, fields: [], operation: 'delete' });
  }
  ctx.audit.entityIds.push(clientId);
  ctx.audit.fields.push('restriction:lift');
  return (await retentionFacts(ctx.tx, clientId, years, berlinDate(ctx.now)))!;
}
