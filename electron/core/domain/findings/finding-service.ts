import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../service-context';
import { stampOf } from '../service-context';
import { AppError } from '../../contract/errors';
import type { LifeArea } from '../../contract/case-domain';
import { findingAllows, type BarrierKind } from '../../contract/finding-domain';
import type { Office } from '../../contract/offices';
import type { PartnerKind } from '../../contract/partner-domain';
import type { findingFilterSchema, findingRecordInput, findingWithdrawInput } from '../../contract/schemas/finding-schemas';
import type { FindingView } from '../../contract/types/finding-types';
import { recordChange } from '../../platform/sync/change-recorder';
import { requirePartner } from '../partners/partner-service';
import { StructuralFindingEntity } from './finding-entities';
import { personalDataIn, type ClientNames } from './personal-data-check';

/** The change-log entity of findings (sync-registry.ts: they travel to every office). */
export const FINDING_ENTITY = 'structural_finding';

const FIELDS = ['office', 'area', 'barrier', 'partnerId', 'partnerKind', 'description', 'observedIn', 'recordedBy', 'createdAt'] as const;

type Filter = z.output<typeof findingFilterSchema>;

interface FindingRow {
  id: string;
  office: Office;
  area: LifeArea;
  barrier: BarrierKind;
  partner_id: string | null;
  partner_name: string | null;
  partner_kind: PartnerKind | null;
  description: string;
  observed_in: string;
  recorded_by: string;
  version: number;
}

/** The WHERE clause of a filter over live findings (alias f); a case manager sees only their own. */
export function findingWhere(ctx: Pick<ServiceContext, 'user'>, filter: Filter): { sql: string; params: unknown[] } {
  const where = ['f.withdrawn_at IS NULL'];
  const params: unknown[] = [];
  if (!findingAllows(ctx.user.role, 'overview')) {
    where.push('f.recorded_by = ?');
    params.push(ctx.user.id);
  }
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    where.push(sql);
    params.push(value);
  };
  add('f.observed_in >= ?', filter.from);
  add('f.observed_in <= ?', filter.to);
  add('f.office = ?', filter.office);
  add('f.area = ?', filter.area);
  add('f.barrier = ?', filter.barrier);
  return { sql: where.join(' AND '), params };
}

function viewOf(ctx: Pick<ServiceContext, 'user'>, r: FindingRow): FindingView {
  return {
    id: r.id,
    office: r.office,
    area: r.area,
    barrier: r.barrier,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    partnerKind: r.partner_kind,
    description: r.description,
    observedIn: r.observed_in,
    mine: r.recorded_by === ctx.user.id,
    version: r.version,
  };
}

const SELECT = `SELECT f.id, f.office, f.area, f.barrier, f.partner_id, p.name AS partner_name, f.partner_kind, f.description,
    f.observed_in, f.recorded_by, f.version
  FROM structural_finding f LEFT JOIN partner p ON p.id = f.partner_id`;

async function loadFinding(ctx: Pick<ServiceContext, 'tx' | 'user'>, id: string): Promise<FindingView> {
  const [row] = (await ctx.tx.query(`${SELECT} WHERE f.id = ?`, [id])) as FindingRow[];
  if (!row) throw new AppError('record.notFound', { entity: 'structural-finding' });
  return viewOf(ctx, row);
}

/**
 * The names of the client of a case the caller's office keeps, to check a finding's text against; the case is
 * not stored with the finding. Another office's case is "not found": a finding is recorded from one's own cases.
 */
async function clientOfCase(ctx: Pick<ServiceContext, 'tx' | 'user'>, caseId: string): Promise<ClientNames> {
  const [c] = (await ctx.tx.query(
    `SELECT c.family_name, c.given_names, c.alternative_names FROM kim_case k JOIN client c ON c.id = k.client_id WHERE k.id = ? AND k.office = ?`,
    [caseId, ctx.user.office],
  )) as { family_name: string; given_names: string; alternative_names: string }[];
  if (!c) throw new AppError('record.notFound', { entity: 'case' });
  return { familyName: c.family_name, givenNames: c.given_names, alternativeNames: JSON.parse(c.alternative_names) as string[] };
}

/** findings.record: a case manager records a barrier; refused while its text points to a person. */
export async function recordFinding(ctx: ServiceContext, input: z.output<typeof findingRecordInput>): Promise<FindingView> {
  const { caseId, ...fields } = input;
  const client = caseId ? await clientOfCase(ctx, caseId) : null;
  const hints = personalDataIn(fields.description, client);
  if (hints.length) throw new AppError('finding.personalData', { kinds: hints.join(',') });
  let partnerKind = fields.partnerKind;
  if (fields.partnerId) {
    const partner = await requirePartner(ctx, fields.partnerId);
    partnerKind = partner.kind as PartnerKind;
  }
  const id = randomUUID();
  const now = ctx.now.toISOString();
  await ctx.tx.insert(StructuralFindingEntity, {
    id,
    office: ctx.user.office,
    area: fields.area,
    barrier: fields.barrier,
    partnerId: fields.partnerId,
    partnerKind,
    description: fields.description,
    observedIn: fields.observedIn,
    recordedBy: ctx.user.id,
    withdrawnAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await recordChange(ctx.tx, stampOf(ctx), { entity: FINDING_ENTITY, entityId: id, fields: [...FIELDS] });
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push('area', 'barrier', 'description');
  return loadFinding(ctx, id);
}

/** findings.list: newest month first; Koordination sees every office's, a case manager their own. */
export async function listFindings(ctx: ServiceContext, filter: Filter): Promise<FindingView[]> {
  const where = findingWhere(ctx, filter);
  const rows = (await ctx.tx.query(`${SELECT} WHERE ${where.sql} ORDER BY f.observed_in DESC, f.created_at DESC, f.id LIMIT 1000`, where.params)) as FindingRow[];
  return rows.map((r) => viewOf(ctx, r));
}

/** findings.withdraw: its author or Koordination takes a finding back (it stays on record, out of the counts). */
export async function withdrawFinding(ctx: ServiceContext, input: z.output<typeof findingWithdrawInput>): Promise<null> {
  const f = await ctx.tx.findOneBy(StructuralFindingEntity, { id: input.id });
  if (!f || f.withdrawnAt) throw new AppError('record.notFound', { entity: 'structural-finding' });
  if (f.recordedBy !== ctx.user.id && !findingAllows(ctx.user.role, 'overview')) throw new AppError('record.notFound', { entity: 'structural-finding' });
  if (f.version !== input.version) throw new AppError('record.staleVersion', { entity: 'structural-finding' });
  const now = ctx.now.toISOString();
  await ctx.tx.update(StructuralFindingEntity, { id: f.id }, { withdrawnAt: now, updatedAt: now, version: f.version + 1 });
  await recordChange(ctx.tx, stampOf(ctx), { entity: FINDING_ENTITY, entityId: f.id, fields: ['withdrawnAt'] });
  ctx.audit.entityIds.push(f.id);
  ctx.audit.fields.push('withdrawnAt');
  return null;
}
