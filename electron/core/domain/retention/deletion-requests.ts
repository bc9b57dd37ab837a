import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { berlinDate } from '../../contract/dates';
import type { Office } from '../../contract/offices';
import type { ArchiveOutcome, DeletionGround, DeletionStatus } from '../../contract/retention-domain';
import type { DeletionRequestView } from '../../contract/types/retention-types';
import { loadKeyring } from '../../platform/vault/vault';
import type { ServiceContext } from '../service-context';
import { confirmCaller } from '../users/reauthentication';
import { erasePerson, type ErasureCounts } from './person-erasure';
import { retentionFacts, type RetentionYears } from './retention-files';

interface RequestRow {
  id: string;
  client_id: string;
  office: Office;
  ground: DeletionGround;
  reason: string | null;
  archive: ArchiveOutcome | null;
  status: DeletionStatus;
  requested_by: string;
  requested_by_name: string | null;
  requested_at: string;
  decided_by_name: string | null;
  decided_at: string | null;
  version: number;
}

const SELECT = `SELECT d.*, a.display_name AS requested_by_name, b.display_name AS decided_by_name
  FROM deletion_request d LEFT JOIN account a ON a.id = d.requested_by LEFT JOIN account b ON b.id = d.decided_by`;

/** Whether the caller may see who the file is about: Datenschutz only (Koordination approves the facts). */
const seesPerson = (ctx: ServiceContext) => ctx.user.role === 'datenschutz';

async function toView(ctx: ServiceContext, r: RequestRow, years: RetentionYears): Promise<DeletionRequestView> {
  const m = ctx.tx;
  const facts = r.status === 'pending' ? await retentionFacts(m, r.client_id, years, berlinDate(ctx.now)) : null;
  const count = async (sql: string) => (r.status === 'pending' ? Number(((await m.query(sql, [r.client_id])) as { n: number }[])[0]?.n ?? 0) : 0);
  const person = seesPerson(ctx) && facts;
  return {
    id: r.id,
    clientId: r.client_id,
    office: r.office,
    name: person ? facts.name : null,
    birthDate: person ? facts.birthDate : null,
    ground: r.ground,
    reason: r.reason,
    archive: r.archive,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name ?? '',
    requestedAt: r.requested_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    counts: {
      cases: await count('SELECT COUNT(*) AS n FROM kim_case WHERE client_id = ?'),
      notes: await count('SELECT COUNT(*) AS n FROM note WHERE client_id = ?'),
      documents: await count('SELECT COUNT(*) AS n FROM document WHERE client_id = ?'),
    },
    kind: facts?.kind ?? null,
    lastDate: facts?.lastDate ?? null,
    dueFrom: facts?.dueFrom ?? null,
  };
}

async function findRequest(m: EntityManager, id: string): Promise<RequestRow> {
  const [row] = (await m.query(`${SELECT} WHERE d.id = ?`, [id])) as RequestRow[];
  if (!row) throw new AppError('record.notFound', { entity: 'deletion-request' });
  return row;
}

async function pendingRequest(ctx: ServiceContext, id: string): Promise<RequestRow> {
  const row = await findRequest(ctx.tx, id);
  if (row.status !== 'pending') throw new AppError('deletion.notPending', { status: row.status });
  // Each office decides about the files it keeps.
  if (row.office !== ctx.user.office && ctx.user.role !== 'koordination') throw new AppError('record.notFound', { entity: 'deletion-request' });
  return row;
}

/** Open requests first, then the last 100 decided ones, of the caller's office (Koordination: of every office). */
export async function listDeletionRequests(ctx: ServiceContext, years: RetentionYears): Promise<DeletionRequestView[]> {
  const scope = ctx.user.role === 'koordination' ? '' : 'WHERE d.office = ?';
  const params = ctx.user.role === 'koordination' ? [] : [ctx.user.office];
  const rows = (await ctx.tx.query(`${SELECT} ${scope} ORDER BY d.status = 'pending' DESC, d.requested_at DESC LIMIT 200`, params)) as RequestRow[];
  const out: DeletionRequestView[] = [];
  for (const r of rows) out.push(await toView(ctx, r, years));
  return out;
}

/**
 * Datenschutz asks for a file of its own office to be deleted: because the retention period ended (the file must be
 * due) or because the person asked (with a reason). One open request per file.
 */
export async function requestDeletion(
  ctx: ServiceContext,
  input: { clientId: string; ground: DeletionGround; reason: string },
  years: RetentionYears,
): Promise<DeletionRequestView> {
  const m = ctx.tx;
  const facts = await retentionFacts(m, input.clientId, years, berlinDate(ctx.now));
  if (!facts) throw new AppError('record.notFound', { entity: 'client' });
  if (facts.office !== ctx.user.office) throw new AppError('deletion.otherOffice');
  if (facts.pendingRequestId) throw new AppError('deletion.alreadyRequested');
  if (input.ground === 'retention' && !facts.due) throw new AppError('deletion.notDue');
  const id = randomUUID();
  await m.query(
    `INSERT INTO deletion_request (id, client_id, office, ground, reason, archive, status, requested_by, requested_at, version)
     VALUES (?, ?, ?, ?, ?, NULL, 'pending', ?, ?, 1)`,
    [id, input.clientId, facts.office, input.ground, input.reason || null, ctx.user.id, ctx.now.toISOString()],
  );
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push(`ground:${input.ground}`, `client:${input.clientId}`);
  return toView(ctx, await findRequest(m, id), years);
}

/** Records the archive's answer to the offer: it does not want the file (ArchivG NRW). */
export async function recordArchiveDeclined(ctx: ServiceContext, id: string, years: RetentionYears): Promise<DeletionRequestView> {
  await pendingRequest(ctx, id);
  await setArchive(ctx.tx, id, 'declined');
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push('archive:declined');
  return toView(ctx, await findRequest(ctx.tx, id), years);
}

export async function setArchive(m: EntityManager, id: string, outcome: ArchiveOutcome): Promise<void> {
  await m.query('UPDATE deletion_request SET archive = ?, version = version + 1 WHERE id = ?', [outcome, id]);
}

/** Turns a request down (the second person), or withdraws it (the person who asked). Nothing is deleted. */
export async function rejectDeletion(ctx: ServiceContext, id: string, years: RetentionYears): Promise<DeletionRequestView> {
  await pendingRequest(ctx, id);
  await ctx.tx.query(`UPDATE deletion_request SET status = 'rejected', decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?`, [
    ctx.user.id,
    ctx.now.toISOString(),
    id,
  ]);
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push('status:rejected');
  return toView(ctx, await findRequest(ctx.tx, id), years);
}

/**
 * The second person approves with their own passphrase (re-authentication, throttled like an unlock): a different
 * account than the one that asked, the archive offer settled. Then the file is erased in the same transaction and
 * the request keeps only ids, the ground and who decided when (its free-text reason goes with the file).
 */
export async function approveDeletion(
  ctx: ServiceContext,
  input: { id: string; passphrase: string },
  years: RetentionYears,
): Promise<{ request: DeletionRequestView; counts: ErasureCounts }> {
  const row = await pendingRequest(ctx, input.id);
  if (row.requested_by === ctx.user.id) throw new AppError('deletion.sameApprover');
  if (!row.archive) throw new AppError('deletion.archivePending');
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), input.passphrase);
  const counts = await erasePerson(ctx, row.client_id);
  await ctx.tx.query(
    `UPDATE deletion_request SET status = 'done', reason = NULL, decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?`,
    [ctx.user.id, ctx.now.toISOString(), input.id],
  );
  return { request: await toView(ctx, await findRequest(ctx.tx, input.id), years), counts };
}
