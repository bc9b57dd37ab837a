import { stampOf } from '../service-context';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { clientCreateInput, clientListInput, clientUpdateInput, householdMemberInput, residenceStatusInput } from '../../contract/schemas/client-schemas';
import type { ClientPage } from '../../contract/types/client-types';
import { AppError } from '../../contract/errors';
import { EXPIRY_WARNING_DAYS } from '../../contract/case-domain';
import { recordChange } from '../../platform/sync/change-recorder';
import { confirmCaller } from '../users/reauthentication';
import { loadKeyring } from '../../platform/vault/vault';
import { ClientEntity, HouseholdMemberEntity, ResidenceStatusEntity, type Client, type ResidenceStatus } from './client-entities';
import { indexClientNames, nameKeys } from './client-search';
import { loadSummaries } from './client-summaries';
import { CLIENT_SORT_INDEX, REFRESH_CLIENT_CASE_COLUMNS } from './client-case-columns';
import { foldName } from './name-normalisation';
import { addDays, berlinDate } from '../../contract/dates';
import { shapeSummaries } from '../access/call-access';
import type { ClientDataContext } from '../access/call-access';

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
export async function createClient(ctx: ClientDataContext, input: ClientFields): Promise<string> {
  const { tx } = ctx;
  const at = ctx.now.toISOString();
  const client: Client = {
    id: randomUUID(),
    office: input.office ?? ctx.user.office,
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
  await recordChange(tx, stampOf(ctx), { entity: 'client', entityId: client.id, fields: ['office', ...CLIENT_FIELDS] });
  ctx.audit.entityIds.push(client.id);
  ctx.audit.fields.push(...CLIENT_FIELDS.filter((f) => input[f] !== null && !(Array.isArray(input[f]) && input[f].length === 0)));
  return client.id;
}

/**
 * Updates master data if `version` is still current: a second window editing the same client gets
 * record.staleVersion instead of silently overwriting the first save.
 */
export async function updateClient(ctx: ClientDataContext, input: z.output<typeof clientUpdateInput>): Promise<string> {
  const { tx } = ctx;
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
  if (changed.length) await recordChange(tx, stampOf(ctx), { entity: 'client', entityId: input.id, fields: changed });
  ctx.audit.entityIds.push(existing.id);
  ctx.audit.fields.push(...changed);
  return input.id;
}


/** The status in force today (latest start wins); if none is in force, the most recent one (e.g. expired). */
export function pickCurrentStatus(statuses: ResidenceStatus[], today: string): ResidenceStatus | null {
  const byStart = [...statuses].sort(
    (a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? '') || b.createdAt.localeCompare(a.createdAt),
  );
  const inForce = byStart.find((s) => (!s.validFrom || s.validFrom <= today) && (!s.validUntil || s.validUntil >= today));
  return inForce ?? byStart[0] ?? null;
}

export async function refreshCurrentStatus(m: EntityManager, clientId: string, today: string): Promise<void> {
  const current = pickCurrentStatus(await m.find(ResidenceStatusEntity, { where: { clientId } }), today);
  await m.update(
    ClientEntity,
    { id: clientId },
    { currentStatusType: current?.type ?? null, currentStatusBasis: current?.legalBasis ?? null, currentStatusUntil: current?.validUntil ?? null },
  );
}

async function touchClient(ctx: ClientDataContext, m: EntityManager, clientId: string, fields: string[]): Promise<void> {
  await m.update(ClientEntity, { id: clientId }, { updatedAt: ctx.now.toISOString() });
  await m.increment(ClientEntity, { id: clientId }, 'version', 1);
  await recordChange(m, stampOf(ctx), { entity: 'client', entityId: clientId, fields });
}

export async function addResidenceStatus(ctx: ClientDataContext, input: z.output<typeof residenceStatusInput>): Promise<string> {
  const { tx } = ctx;
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
  await recordChange(tx, stampOf(ctx), {
    entity: 'residence_status',
    entityId: status.id,
    fields: ['clientId', 'type', 'legalBasis', 'validFrom', 'validUntil'],
  });
  await refreshCurrentStatus(tx, input.clientId, berlinDate(ctx.now));
  await touchClient(ctx, tx, input.clientId, ['residence']);
  return input.clientId;
}

/** Removes one entry of the residence history after re-authentication (the caller's own passphrase). */
export async function removeResidenceStatus(ctx: ClientDataContext, { id, passphrase }: { id: string; passphrase: string }): Promise<string> {
  const { tx } = ctx;
  // Before anything is looked up: a wrong passphrase learns nothing and changes nothing.
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), passphrase);
  const status = await tx.findOneBy(ResidenceStatusEntity, { id });
  if (!status) throw new AppError('record.notFound', { entity: 'residence' });
  await tx.delete(ResidenceStatusEntity, { id });
  await recordChange(tx, stampOf(ctx), { entity: 'residence_status', entityId: id, fields: [], operation: 'delete' });
  await refreshCurrentStatus(tx, status.clientId, berlinDate(ctx.now));
  await touchClient(ctx, tx, status.clientId, ['residence']);
  return status.clientId;
}

export async function addHouseholdMember(ctx: ClientDataContext, input: z.output<typeof householdMemberInput>): Promise<string> {
  const { tx } = ctx;
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
  await recordChange(tx, stampOf(ctx), { entity: 'household_member', entityId: id, fields: ['clientId', 'name', 'relation', 'birthYear'] });
  await touchClient(ctx, tx, input.clientId, ['household']);
  return input.clientId;
}

/** Removes a household member after re-authentication (the caller's own passphrase). */
export async function removeHouseholdMember(ctx: ClientDataContext, { id, passphrase }: { id: string; passphrase: string }): Promise<string> {
  const { tx } = ctx;
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), passphrase);
  const member = await tx.findOneBy(HouseholdMemberEntity, { id });
  if (!member) throw new AppError('record.notFound', { entity: 'household' });
  await tx.delete(HouseholdMemberEntity, { id });
  await recordChange(tx, stampOf(ctx), { entity: 'household_member', entityId: id, fields: [], operation: 'delete' });
  await touchClient(ctx, tx, member.clientId, ['household']);
  return member.clientId;
}

type ListInput = z.output<typeof clientListInput>;

/** The conditions of a list query, ANDed; each `?` of a condition has its value in `params`, in order. */
interface ListFilter {
  where: string[];
  params: unknown[];
}

const whereSql = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

/** The nullable column a sort orders by first (unknown values last in both directions), or null. */
const NULLABLE_SORT_COLUMN: Record<ListInput['sort'], string | null> = {
  name: null,
  updated: null,
  birthDate: 'c.birth_date',
  statusExpiry: 'c.current_status_until',
};

/**
 * The ids of one page. Each sort has indexes of migration 0006 ordered like the page (led by the phase or manager
 * filter if one is set, and holding `office` and `id` for the other conditions), so the page is one index range
 * read in order, the offset skipped inside the index. Unknown birth dates and expiries stay last in both
 * directions: the known ones come from the range `col IS NOT NULL`, then the unknown ones from `col IS NULL`, both of
 * the same (col, sort_name, id) index. `total`, when given, is the number of clients of `filter` (cheap for the
 * whole list, see wholeListTotal).
 */
async function listPageIds(m: EntityManager, filter: ListFilter, input: ListInput, total?: () => Promise<number>): Promise<string[]> {
  const d = input.direction === 'desc' ? 'DESC' : 'ASC';
  const page = async (extra: string[], order: string, limit: number, offset: number) =>
    (
      (await m.query(`SELECT c.id FROM client c${whereSql([...filter.where, ...extra])} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...filter.params,
        limit,
        offset,
      ])) as { id: string }[]
    ).map((r) => r.id);
  const byName = `c.sort_name ${d}, c.id ${d}`;
  if (input.sort === 'name') return page([], byName, input.limit, input.offset);
  if (input.sort === 'updated') return page([], `c.updated_at ${d}, c.id ${d}`, input.limit, input.offset);
  const col = NULLABLE_SORT_COLUMN[input.sort]!;
  const known = await page([`${col} IS NOT NULL`], `${col} ${d}, ${byName}`, input.limit, input.offset);
  if (known.length === input.limit) return known;
  // The page reaches past the known values: how many there are tells where the unknown ones start. On the whole list,
  // the total less the unknown ones (a short range of the sort index) beats counting the known ones (most clients).
  const knownCount =
    known.length > 0 || input.offset === 0
      ? input.offset + known.length
      : total
        ? (await total()) - (await countClients(m, filter, { extra: `${col} IS NULL` }))
        : await countClients(m, filter, { extra: `${col} IS NOT NULL` });
  return [...known, ...(await page([`${col} IS NULL`], byName, input.limit - known.length, Math.max(0, input.offset - knownCount)))];
}

/** Counts the clients of `filter` (and `extra`), reading `index` if given. */
async function countClients(m: EntityManager, filter: ListFilter, o: { extra?: string; index?: string } = {}): Promise<number> {
  const from = `client c${o.index ? ` INDEXED BY ${o.index}` : ''}`;
  const where = whereSql(o.extra ? [...filter.where, o.extra] : filter.where);
  const [{ n }] = (await m.query(`SELECT count(*) AS n FROM ${from}${where}`, filter.params)) as [{ n: number }];
  return n;
}

/**
 * The number of clients of a filter without a narrowing condition (only office and access scope), remembered per
 * connection: counting it reads an entry of every client (10–20 ms at 50,000), and the list asks for it on every
 * first page, again for each sort and direction. The remembered number is used while neither the clients (their
 * count, newest row and latest change; a client never changes office) nor the consents behind the scope
 * (AccessPolicy.scopeStamp) changed. In a temp table (memory only, temp_store=MEMORY): a rolled-back call forgets it.
 */
async function wholeListTotal(ctx: ClientDataContext, filter: ListFilter): Promise<number> {
  const { tx } = ctx;
  // Three statements: each alone takes SQLite's shortcut (page counts, one seek); combined they scan an index.
  const [{ clients }] = (await tx.query('SELECT count(*) AS clients FROM client')) as [{ clients: number }];
  const [{ newest }] = (await tx.query('SELECT max(rowid) AS newest FROM client')) as [{ newest: number | null }];
  const [{ changed }] = (await tx.query('SELECT max(updated_at) AS changed FROM client')) as [{ changed: string | null }];
  const stamp = `${await ctx.policy.scopeStamp()}|${clients}|${newest ?? ''}|${changed ?? ''}`;
  const key = JSON.stringify([filter.where, filter.params]);
  await tx.query('CREATE TEMP TABLE IF NOT EXISTS kim_list_total (key TEXT PRIMARY KEY, stamp TEXT NOT NULL, n INTEGER NOT NULL)');
  const [known] = (await tx.query('SELECT stamp, n FROM temp.kim_list_total WHERE key = ?', [key])) as { stamp: string; n: number }[];
  if (known?.stamp === stamp) return known.n;
  // The narrowest index holding office and id (the scope's columns), whatever the sort.
  const total = await countClients(tx, filter, { index: CLIENT_SORT_INDEX.name });
  await tx.query('INSERT OR REPLACE INTO temp.kim_list_total (key, stamp, n) VALUES (?, ?, ?)', [key, stamp, total]);
  return total;
}

/**
 * A filtered, sorted page of the client list (the table virtualises by fetching pages by offset). Filters and
 * sorts touch client columns only; the page's summaries are then loaded for its ids. The total is counted for the
 * first page (offset 0) only: the list asks for it first and keeps its total while it fetches further pages.
 */
export async function listClients(ctx: ClientDataContext, input: ListInput): Promise<ClientPage> {
  const { tx } = ctx;
  const today = berlinDate(ctx.now);
  const filter: ListFilter = { where: [], params: [] };
  const add = (cond: string, ...values: unknown[]) => {
    filter.where.push(cond);
    filter.params.push(...values);
  };
  if (input.office) add('c.office = ?', input.office);
  if (input.phase) add('c.case_phase = ?', input.phase);
  // Who works a case is the keeping office's (contract/response-fields.ts): the filter must not reveal it elsewhere.
  if (input.caseManagerId) add('c.case_manager_id = ? AND c.office = ?', input.caseManagerId, ctx.user.office);
  // Few clients have a status running out within the warning period (or already expired). likelihood() tells the
  // planner so: it reads them by the expiry index and sorts them, instead of walking a sort index past all others.
  if (input.expiringOnly) add('likelihood(c.current_status_until <= ?, 0.05)', addDays(today, EXPIRY_WARNING_DAYS));
  // Access scope: the own office's clients plus those shared by consent. Filtering or sorting by expiry keeps only
  // clients whose residence category the caller may see, so the order cannot reveal a status it may not read.
  const scope = await ctx.policy.visibleClientsSql(input.expiringOnly || input.sort === 'statusExpiry' ? 'residence' : undefined);
  // Filtered to the caller's own office, the scope holds for every row by office alone: not testing it again per row
  // saves a consent lookup for each row skipped by a deep offset.
  if (!(input.office && scope.sql !== '0' && ctx.policy.ownsOffice(input.office))) add(scope.sql, ...scope.params);
  const wholeList = !input.phase && !input.caseManagerId && !input.expiringOnly;
  const total = wholeList ? () => wholeListTotal(ctx, filter) : undefined;
  const ids = await listPageIds(tx, filter, input, total);
  return {
    rows: await shapeSummaries(ctx, await loadSummaries(tx, ids, today)),
    total: input.offset === 0 ? await (total ?? (() => countClients(tx, filter)))() : null,
  };
}

/** Copies the phase and manager of the client's current case onto the client row (list filters read them there). */
export async function refreshClientCaseColumns(m: EntityManager, clientId: string): Promise<void> {
  await m.query(`${REFRESH_CLIENT_CASE_COLUMNS} WHERE id = ?`, [clientId]);
}

/** refreshClientCaseColumns for many clients, one statement per 500 (sync applies a file's clients together). */
export async function refreshClientCaseColumnsOf(m: EntityManager, clientIds: readonly string[]): Promise<void> {
  for (let i = 0; i < clientIds.length; i += 500) {
    const part = clientIds.slice(i, i + 500);
    await m.query(`${REFRESH_CLIENT_CASE_COLUMNS} WHERE id IN (${part.map(() => '?').join(',')})`, part);
  }
}
