import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { clientCreateInput, clientListInput, clientUpdateInput, householdMemberInput, residenceStatusInput } from '../api/client-schemas';
import type { ClientDetail, ClientPage, HouseholdMemberView, ResidenceStatusView } from '../api/client-types';
import { AppError } from '../api/errors';
import { listCaseSummaries } from '../cases/case-queries';
import { listDocuments } from '../documents/document-service';
import { requireSession, type CallContext } from '../session/session';
import type { Gender, HouseholdRelation, ResidenceType } from '../shared/case-domain';
import { EXPIRY_WARNING_DAYS } from '../shared/case-domain';
import { recordChange } from '../sync/change-recorder';
import { ClientEntity, HouseholdMemberEntity, ResidenceStatusEntity, type Client, type ResidenceStatus } from './client-entities';
import { indexClientNames, nameKeys } from './client-search';
import { loadSummaries, SUMMARY_SELECT, toSummary, type SummaryRow } from './client-summaries';
import { REFRESH_CLIENT_CASE_COLUMNS } from '../vault/migrations/0005-client-list-indexes';
import { foldName } from './name-normalisation';
import { addDays, berlinDate } from './partial-date';

type ClientFields = z.output<typeof clientCreateInput>;

const CLIENT_FIELDS = [
  'familyName',
  'givenNames',
  'alternativeNames',
  'birthDate',
  'birthDatePlaceholder',
  'gender',
  'nationalities',
  'languages',
  'arrivalDate',
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
] as const;

function columnsFrom(
  input: ClientFields,
): Omit<Client, 'id' | 'office' | 'createdAt' | 'updatedAt' | 'version' | 'currentStatusType' | 'currentStatusBasis' | 'currentStatusUntil' | 'casePhase' | 'caseManagerId'> {
  return {
    familyName: input.familyName,
    givenNames: input.givenNames,
    alternativeNames: JSON.stringify(input.alternativeNames),
    birthDate: input.birthDate,
    birthDatePlaceholder: input.birthDatePlaceholder,
    gender: input.gender,
    nationalities: JSON.stringify(input.nationalities),
    languages: JSON.stringify(input.languages),
    arrivalDate: input.arrivalDate,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    phone: input.phone,
    email: input.email,
    sortName: foldName(`${input.familyName} ${input.givenNames}`),
  };
}

export async function requireClient(m: EntityManager, id: string): Promise<Client> {
  const client = await m.findOneBy(ClientEntity, { id });
  if (!client) throw new AppError('record.notFound', { entity: 'client' });
  return client;
}

/** Creates a client in the caller's office (or the given one) with its search keys. */
export async function createClient(ctx: CallContext, input: ClientFields): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  const at = ctx.now.toISOString();
  const client: Client = {
    id: randomUUID(),
    office: input.office ?? session.user.office,
    ...columnsFrom(input),
    currentStatusType: null,
    currentStatusBasis: null,
    currentStatusUntil: null,
    casePhase: null,
    caseManagerId: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await tx.insert(ClientEntity, client);
  await indexClientNames(tx, client.id, nameKeys(input.familyName, input.givenNames, input.alternativeNames));
  await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'client', entityId: client.id, fields: ['office', ...CLIENT_FIELDS] });
  ctx.audit.entityIds.push(client.id);
  ctx.audit.fields.push(...CLIENT_FIELDS.filter((f) => input[f] !== null && !(Array.isArray(input[f]) && input[f].length === 0)));
  return loadClientDetail(ctx, client.id);
}

/**
 * Updates master data if `version` is still current: a second window editing the same client gets
 * record.staleVersion instead of silently overwriting the first save.
 */
export async function updateClient(ctx: CallContext, input: z.output<typeof clientUpdateInput>): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  const existing = await requireClient(tx, input.id);
  const next = columnsFrom(input);
  const changed = CLIENT_FIELDS.filter((f) => {
    const column = f as keyof typeof next;
    return String(next[column]) !== String(existing[column as keyof Client]);
  });
  const result = await tx.update(
    ClientEntity,
    { id: input.id, version: input.version },
    { ...next, updatedAt: ctx.now.toISOString(), version: input.version + 1 },
  );
  if (!result.affected) throw new AppError('record.staleVersion', { entity: 'client' });
  if (changed.some((f) => f === 'familyName' || f === 'givenNames' || f === 'alternativeNames')) {
    await indexClientNames(tx, input.id, nameKeys(input.familyName, input.givenNames, input.alternativeNames));
  }
  if (changed.length) await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'client', entityId: input.id, fields: changed });
  ctx.audit.entityIds.push(existing.id);
  ctx.audit.fields.push(...changed);
  return loadClientDetail(ctx, input.id);
}

/** Everything the client screen shows, in one call. */
export async function loadClientDetail(ctx: CallContext, id: string): Promise<ClientDetail> {
  const { tx } = requireSession(ctx);
  const today = berlinDate(ctx.now);
  const client = await requireClient(tx, id);
  const [row] = (await tx.query(`${SUMMARY_SELECT} WHERE c.id = ?`, [id])) as SummaryRow[];
  const household = await tx.find(HouseholdMemberEntity, { where: { clientId: id }, order: { createdAt: 'ASC' } });
  const residence = await tx.find(ResidenceStatusEntity, { where: { clientId: id }, order: { validFrom: 'DESC', createdAt: 'DESC' } });
  if (!ctx.audit.entityIds.includes(id)) ctx.audit.entityIds.push(id);
  return {
    ...toSummary(row!, today),
    alternativeNames: JSON.parse(client.alternativeNames) as string[],
    gender: client.gender as Gender,
    languages: JSON.parse(client.languages) as ClientDetail['languages'],
    arrivalDate: client.arrivalDate,
    street: client.street,
    postalCode: client.postalCode,
    city: client.city,
    phone: client.phone,
    email: client.email,
    version: client.version,
    createdAt: client.createdAt,
    household: household.map(
      (h): HouseholdMemberView => ({ id: h.id, name: h.name, relation: h.relation as HouseholdRelation, birthYear: h.birthYear }),
    ),
    residenceHistory: residence.map(toResidenceView),
    documents: await listDocuments(tx, { clientId: id }),
    cases: await listCaseSummaries(tx, id),
  };
}

function toResidenceView(r: ResidenceStatus): ResidenceStatusView {
  return {
    id: r.id,
    type: r.type as ResidenceType,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    createdAt: r.createdAt,
  };
}

/** The status in force today (latest start wins); if none is in force, the most recent one (e.g. expired). */
export function pickCurrentStatus(statuses: ResidenceStatus[], today: string): ResidenceStatus | null {
  const byStart = [...statuses].sort(
    (a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? '') || b.createdAt.localeCompare(a.createdAt),
  );
  const inForce = byStart.find((s) => (!s.validFrom || s.validFrom <= today) && (!s.validUntil || s.validUntil >= today));
  return inForce ?? byStart[0] ?? null;
}

async function refreshCurrentStatus(m: EntityManager, clientId: string, today: string): Promise<void> {
  const current = pickCurrentStatus(await m.find(ResidenceStatusEntity, { where: { clientId } }), today);
  await m.update(
    ClientEntity,
    { id: clientId },
    { currentStatusType: current?.type ?? null, currentStatusBasis: current?.legalBasis ?? null, currentStatusUntil: current?.validUntil ?? null },
  );
}

async function touchClient(ctx: CallContext, m: EntityManager, clientId: string, fields: string[]): Promise<void> {
  const { session } = requireSession(ctx);
  await m.update(ClientEntity, { id: clientId }, { updatedAt: ctx.now.toISOString() });
  await m.increment(ClientEntity, { id: clientId }, 'version', 1);
  await recordChange(m, session.deviceId, ctx.now.getTime(), { entity: 'client', entityId: clientId, fields });
}

export async function addResidenceStatus(ctx: CallContext, input: z.output<typeof residenceStatusInput>): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  await requireClient(tx, input.clientId);
  const status: ResidenceStatus = {
    id: randomUUID(),
    clientId: input.clientId,
    type: input.type,
    legalBasis: input.legalBasis,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    createdAt: ctx.now.toISOString(),
  };
  await tx.insert(ResidenceStatusEntity, status);
  await recordChange(tx, session.deviceId, ctx.now.getTime(), {
    entity: 'residence_status',
    entityId: status.id,
    fields: ['clientId', 'type', 'legalBasis', 'validFrom', 'validUntil'],
  });
  await refreshCurrentStatus(tx, input.clientId, berlinDate(ctx.now));
  await touchClient(ctx, tx, input.clientId, ['residence']);
  return loadClientDetail(ctx, input.clientId);
}

export async function removeResidenceStatus(ctx: CallContext, id: string): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  const status = await tx.findOneBy(ResidenceStatusEntity, { id });
  if (!status) throw new AppError('record.notFound', { entity: 'residence' });
  await tx.delete(ResidenceStatusEntity, { id });
  await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'residence_status', entityId: id, fields: [], operation: 'delete' });
  await refreshCurrentStatus(tx, status.clientId, berlinDate(ctx.now));
  await touchClient(ctx, tx, status.clientId, ['residence']);
  return loadClientDetail(ctx, status.clientId);
}

export async function addHouseholdMember(ctx: CallContext, input: z.output<typeof householdMemberInput>): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  await requireClient(tx, input.clientId);
  const id = randomUUID();
  await tx.insert(HouseholdMemberEntity, {
    id,
    clientId: input.clientId,
    name: input.name,
    relation: input.relation,
    birthYear: input.birthYear,
    createdAt: ctx.now.toISOString(),
  });
  await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'household_member', entityId: id, fields: ['clientId', 'name', 'relation', 'birthYear'] });
  await touchClient(ctx, tx, input.clientId, ['household']);
  return loadClientDetail(ctx, input.clientId);
}

export async function removeHouseholdMember(ctx: CallContext, id: string): Promise<ClientDetail> {
  const { session, tx } = requireSession(ctx);
  const member = await tx.findOneBy(HouseholdMemberEntity, { id });
  if (!member) throw new AppError('record.notFound', { entity: 'household' });
  await tx.delete(HouseholdMemberEntity, { id });
  await recordChange(tx, session.deviceId, ctx.now.getTime(), { entity: 'household_member', entityId: id, fields: [], operation: 'delete' });
  await touchClient(ctx, tx, member.clientId, ['household']);
  return loadClientDetail(ctx, member.clientId);
}

/**
 * ORDER BY per sort and direction, each matching one index of migration 0005 so a page is an index range read.
 * Unknown dates and expiries stay last in both directions.
 */
function listOrder(sort: z.output<typeof clientListInput>['sort'], desc: boolean): string {
  const d = desc ? 'DESC' : 'ASC';
  const nullable = (col: string) =>
    desc ? `(${col} IS NOT NULL) DESC, ${col} DESC, c.sort_name DESC, c.id DESC` : `(${col} IS NULL), ${col}, c.sort_name, c.id`;
  switch (sort) {
    case 'name':
      return `c.sort_name ${d}, c.id ${d}`;
    case 'updated':
      return `c.updated_at ${d}, c.id ${d}`;
    case 'birthDate':
      return nullable('c.birth_date');
    case 'statusExpiry':
      return nullable('c.current_status_until');
  }
}

/**
 * A filtered, sorted page of the client list (the table virtualises by fetching pages by offset). Filters and
 * sorts touch client columns only; the page's summaries are then loaded for its 100 ids.
 */
export async function listClients(ctx: CallContext, input: z.output<typeof clientListInput>): Promise<ClientPage> {
  const { tx } = requireSession(ctx);
  const today = berlinDate(ctx.now);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  if (input.office) add('c.office = ?', input.office);
  if (input.phase) add('c.case_phase = ?', input.phase);
  if (input.caseManagerId) add('c.case_manager_id = ?', input.caseManagerId);
  if (input.expiringOnly) add('c.current_status_until <= ?', addDays(today, EXPIRY_WARNING_DAYS));
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const order = listOrder(input.sort, input.direction === 'desc');
  const ids = (await tx.query(`SELECT c.id FROM client c${filter} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, input.limit, input.offset])) as {
    id: string;
  }[];
  const [{ total }] = (await tx.query(`SELECT count(*) AS total FROM client c${filter}`, params)) as [{ total: number }];
  return { rows: await loadSummaries(tx, ids.map((r) => r.id), today), total };
}

/** Copies the phase and manager of the client's current case onto the client row (list filters read them there). */
export async function refreshClientCaseColumns(m: EntityManager, clientId: string): Promise<void> {
  await m.query(`${REFRESH_CLIENT_CASE_COLUMNS} WHERE id = ?`, [clientId]);
}
