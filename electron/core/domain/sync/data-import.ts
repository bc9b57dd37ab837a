import type { EntityManager } from 'typeorm';
import type { Office } from '../../contract/offices';
import { berlinDate } from '../../contract/dates';
import { clockId, compareClocks, covers, ownVector, readClocks, ROW, writeClock, writeTombstone, type Clock, type StoredClock, type VersionVector } from '../../platform/sync/field-clock';
import { preparedStatements } from '../../platform/vault/prepared-statements';
import { conflictId, openConflicts, winnerOf, type Head } from './conflict-heads';
import { foldName } from '../clients/name-normalisation';
import { indexClientNamesOf, nameKeys } from '../clients/client-search';
import { refreshClientCaseColumnsOf, refreshCurrentStatus } from '../clients/client-service';
import { consentParties } from './consent-scope';
import { parseDataPayload, type PayloadAccount, type PayloadFile, type PayloadRow, type WireClock } from './data-payload';
import { fetchCopy } from './document-copies';
import { deleteEncryptedDocument, writeEncryptedDocument } from '../documents/document-store';
import { storedFileKey } from '../documents/document-service';
import { findDevice } from './device-registry';
import { latestHandovers } from './handover-scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { VerifiedFile } from './log-reader';
import type { OwnDevice } from './own-device';
import { emptyValue, officePlaceholderAccount, placeOf, protectedCategory, SYNC_ENTITIES, SYNC_ENTITY, type SourceRow, type SyncEntity, type SyncField } from './sync-registry';
import { keyWhere, rowsById } from './sync-rows';
import type { RoundCounts } from './sync-step';
import type { NetworkContext } from './sync-context';
import { SYNCED_STAFF_LOGIN_PREFIX } from '../users/account-service';

const fromWire = (c: WireClock): Clock => ({ hlc: c[0], device: c[1], actor: c[2] });

/** What applying one file changed, for the derived columns and the counts. */
interface Applied {
  clients: Set<string>;
  names: Set<string>;
  residence: Set<string>;
  cases: Set<string>;
  consents: boolean;
  rows: number;
  conflicts: number;
  /** Document copies that were not the document their row describes. */
  rejected: number;
}

interface ApplyScope {
  ctx: NetworkContext;
  own: OwnDevice;
  sender: { device: string; office: Office };
  foreign: boolean;
  applied: Applied;
  /** Where the content of the file's document rows lies (document-copies.ts). */
  files: Map<string, PayloadFile>;
  /** Files this file hands over to this office: client → the office that hands it over. */
  handedHere: Map<string, Office>;
  /** Files ever handed over from this office, read once per file: most rows need no further look. */
  handedFromHere?: Promise<Set<string>>;
}

/** Staff named by received rows become accounts that cannot log in here (home_device: where they work). */
async function putStaff(m: EntityManager, accounts: PayloadAccount[], sender: ApplyScope['sender'], at: string): Promise<void> {
  for (const a of accounts) {
    await m.query(
      `INSERT INTO account (id, login, display_name, role, office, active, created_at, updated_at, version, home_device)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name WHERE account.home_device IS NOT NULL`,
      [a.id, `${SYNCED_STAFF_LOGIN_PREFIX}${a.id}`, a.displayName, a.role, a.office, at, at, sender.device],
    );
  }
}

/** The placeholder account a copy's case names as its manager (see sync-registry.ts: required fields). */
export async function ensurePlaceholder(m: EntityManager, office: Office, at: string): Promise<string> {
  const id = officePlaceholderAccount(office);
  await m.query(
    `INSERT OR IGNORE INTO account (id, login, display_name, role, office, active, created_at, updated_at, version, home_device)
     VALUES (?, ?, '', 'fallmanagement', ?, 0, ?, ?, 1, ?)`,
    [id, `${SYNCED_STAFF_LOGIN_PREFIX}${id}`, office, at, at, `office:${office}`],
  );
  return id;
}

/** The stored form of a received value: protected fields under this vault's category key (sealed if no key is held). */
function stored(ctx: NetworkContext, spec: SyncEntity, id: string, name: string, value: unknown, row: SourceRow): unknown {
  const f = spec.fields[name]!;
  const category = protectedCategory(f, row);
  if (!category || value === null) return value;
  return ctx.fields.encrypt(category, String(value), placeOf(spec.entity, id, name));
}

function plainOf(ctx: NetworkContext, spec: SyncEntity, id: string, name: string, value: unknown, row: SourceRow): unknown {
  const category = protectedCategory(spec.fields[name]!, row);
  if (!category || value === null || !ctx.fields.holds(category)) return value;
  try {
    return ctx.fields.decrypt(category, String(value), placeOf(spec.entity, id, name));
  } catch {
    return value;
  }
}

/** Compares values for a conflict: equal writes (the same text typed twice) are no conflict. */
function sameValue(ctx: NetworkContext, spec: SyncEntity, id: string, name: string, row: SourceRow, a: unknown, b: unknown): boolean {
  return plainOf(ctx, spec, id, name, a, row) === plainOf(ctx, spec, id, name, b, row);
}

/**
 * Keeps a field's conflict in step with its heads: open while writes made without seeing each other hold different
 * values, settled once one write covers them. Counts a conflict when it opens.
 */
async function storeHeads(s: ApplyScope, spec: SyncEntity, id: string, name: string, client: string | null, heads: Head[], row: SourceRow, wasOpen: boolean): Promise<void> {
  const m = s.ctx.tx;
  heads.sort(compareClocks);
  const first = heads[0]!;
  const open = heads.length > 1 && heads.some((h) => !sameValue(s.ctx, spec, id, name, row, h.value, first.value));
  if (open) {
    await m.query(
      `INSERT INTO sync_conflict (id, entity, entity_id, field, client_id, heads, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET heads = excluded.heads, client_id = excluded.client_id,
         detected_at = CASE WHEN sync_conflict.resolved_at IS NULL THEN sync_conflict.detected_at ELSE excluded.detected_at END,
         resolved_at = NULL, resolved_by = NULL, resolution = NULL`,
      [conflictId(spec.entity, id, name), spec.entity, id, name, client, JSON.stringify(heads), s.ctx.now.toISOString()],
    );
    if (!wasOpen) s.applied.conflicts++;
  } else if (wasOpen) {
    await m.query(`UPDATE sync_conflict SET resolved_at = ?, resolution = 'superseded' WHERE id = ?`, [s.ctx.now.toISOString(), conflictId(spec.entity, id, name)]);
  }
}

async function recordRelay(m: EntityManager, spec: SyncEntity, id: string, fields: string[], clock: Clock, operation: 'upsert' | 'delete'): Promise<void> {
  // Kept in the change log so that this workstation passes the change on (its own office's later members, other
  // offices whose consent it learns of later); its clocks stay the writer's.
  // A plain INSERT, prepared once: the entity manager's insert would read the generated id back, a second statement per row.
  preparedStatements(m).run('INSERT INTO change_entry (entity, entity_id, fields, hlc, device_id, operation) VALUES (?, ?, ?, ?, ?, ?)', [
    spec.entity,
    id,
    JSON.stringify(fields.sort()),
    clock.hlc,
    clock.device,
    operation,
  ]);
}

/**
 * The parent rows of a batch of rows of one entity, read once: the rows of an entity never change their parents'
 * table while they are applied (parents come earlier in a file's order). undefined: the row names no parent.
 */
type Parents = (row: PayloadRow) => Promise<SourceRow | null | undefined>;

async function parentsOf(m: EntityManager, spec: SyncEntity, rows: readonly PayloadRow[]): Promise<Parents> {
  if (!spec.parent) return () => Promise.resolve(undefined);
  const field = spec.parent.field;
  const parentSpec = SYNC_ENTITY.get(spec.parent.entity)!;
  const ids = [...new Set(rows.map((r) => r.f[field]?.[0]).filter((v): v is string => typeof v === 'string'))];
  const found = new Map((await rowsById(m, parentSpec, ids)).map((r) => [String(r['_id']), r]));
  return (row) => {
    const parentId = row.f[field]?.[0];
    return Promise.resolve(typeof parentId === 'string' ? (found.get(parentId) ?? null) : undefined);
  };
}

/** The client a row belongs to, from its own fields or its parent's row. */
async function clientOfNew(spec: SyncEntity, row: PayloadRow, parents: Parents): Promise<string | null> {
  if (spec.entity === 'client') return row.id;
  const direct = row.f['clientId']?.[0];
  if (typeof direct === 'string') return direct;
  if (!spec.parent) return null;
  const parent = await parents(row);
  return parent ? parent._client : null;
}

/** A document of the file itself (no case) names no parent row but its client, which must be here first. */
async function fileWithoutClient(m: EntityManager, spec: SyncEntity, row: PayloadRow, client: string | null): Promise<{ entity: string; id: string } | null> {
  if (spec.entity !== 'document' || client === null || typeof row.f['caseId']?.[0] === 'string') return null;
  return (await officeOfClient(m, client)) === null ? { entity: 'client', id: client } : null;
}

async function officeOfClient(m: EntityManager, clientId: string): Promise<Office | null> {
  const [row] = (await m.query('SELECT office FROM client WHERE id = ?', [clientId])) as { office: Office }[];
  return row?.office ?? null;
}

async function parentExists(spec: SyncEntity, row: PayloadRow, parents: Parents): Promise<{ entity: string; id: string } | null> {
  if (!spec.parent) return null;
  const parent = await parents(row);
  if (parent === undefined) return null;
  return parent ? null : { entity: spec.parent.entity, id: String(row.f[spec.parent.field]![0]) };
}

async function regrant(m: EntityManager, consentId: string): Promise<void> {
  const [c] = (await m.query('SELECT client_id, parties, categories FROM consent WHERE id = ?', [consentId])) as { client_id: string; parties: string; categories: string }[];
  await m.query('DELETE FROM consent_grant WHERE consent_id = ?', [consentId]);
  if (!c) return;
  const categories = JSON.parse(c.categories) as string[];
  for (const party of consentParties(c.parties)) {
    for (const category of categories) {
      await m.query('INSERT OR IGNORE INTO consent_grant (consent_id, party, category, client_id) VALUES (?, ?, ?, ?)', [consentId, party, category, c.client_id]);
    }
  }
}

/** Entities with a version (an open form's optimistic lock) and time of local change, kept by the receiver. */
const VERSIONED = new Set(['client', 'case', 'consent', 'referral', 'case_conference', 'partner', 'structural_finding']);

/** Columns the receiver keeps itself: sort keys, versions, times of local change. */
async function derivedOnInsert(s: ApplyScope, spec: SyncEntity, values: Record<string, unknown>): Promise<void> {
  const at = s.ctx.now.toISOString();
  if (spec.entity === 'client') {
    values['sort_name'] = foldName(`${String(values['family_name'])} ${String(values['given_names'])}`);
    Object.assign(values, { updated_at: at, version: 1 });
  } else if (spec.entity === 'case') {
    if (values['case_manager_id'] === officePlaceholderAccount(s.sender.office)) await ensurePlaceholder(s.ctx.tx, s.sender.office, at);
    Object.assign(values, { updated_at: at, version: 1 });
  } else if (VERSIONED.has(spec.entity)) {
    Object.assign(values, { updated_at: at, version: 1 });
  } else if (spec.entity === 'partner_contact') {
    values['updated_at'] = at;
  }
}

function note(s: ApplyScope, spec: SyncEntity, client: string | null, columns: Iterable<string>): void {
  if (client === null) return; // the directory: nothing derived from it
  s.applied.clients.add(client);
  if (spec.entity === 'client') {
    const cols = new Set(columns);
    if (cols.has('family_name') || cols.has('given_names') || cols.has('alternative_names')) s.applied.names.add(client);
  }
  if (spec.entity === 'residence_status' || spec.entity === 'client') s.applied.residence.add(client);
  if (spec.entity === 'case') s.applied.cases.add(client);
  if (spec.entity === 'consent') s.applied.consents = true;
}

/** The writes a received field carries: the one in force at the sender, and the other heads of an open conflict. */
function writesOf(v: PayloadRow['f'][string], rowClock: WireClock): { plain: unknown; clock: Clock; vv: VersionVector }[] {
  if (v.length === 1) return [{ plain: v[0], clock: fromWire(rowClock), vv: ownVector(fromWire(rowClock)) }];
  const first = { plain: v[0], clock: fromWire(v[1]), vv: v[2] };
  return v.length === 3 ? [first] : [first, ...v[3].map((w) => ({ plain: w[0], clock: fromWire(w[1]), vv: w[2] }))];
}

const headOf = (value: unknown, c: Clock, vv: VersionVector): Head => ({ value, hlc: c.hlc, device: c.device, actor: c.actor, vv });

/** The fields of an entity as [name, field] pairs, listed once per entity rather than once per received row. */
const FIELD_LISTS = new Map<SyncEntity, [string, SyncField][]>();
function fieldList(spec: SyncEntity): [string, SyncField][] {
  let list = FIELD_LISTS.get(spec);
  if (!list) FIELD_LISTS.set(spec, (list = Object.entries(spec.fields)));
  return list;
}

/** The INSERT of an entity's row with these columns: built again only when the columns differ from the last row's. */
const INSERTS = new Map<SyncEntity, { columns: string[]; sql: string }>();
function insertSql(spec: SyncEntity, columns: string[]): string {
  const last = INSERTS.get(spec);
  if (last && last.columns.length === columns.length && last.columns.every((c, i) => c === columns[i])) return last.sql;
  const sql = `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  INSERTS.set(spec, { columns, sql });
  return sql;
}

async function insertRow(s: ApplyScope, spec: SyncEntity, row: PayloadRow, client: string | null, parents: Parents, local: Record<string, unknown> = {}): Promise<void> {
  const m = s.ctx.tx;
  const plain = {} as SourceRow;
  for (const k in row.f) plain[spec.fields[k]?.column ?? k] = row.f[k]![0];
  plain._client = client;
  // A row whose category follows its parent's life area (a measure, its goal's): the area decides which fields are
  // stored under the health key, as the export reads it (sync-rows.ts: _area).
  if (spec.areaSql && spec.parent) {
    const parent = await parents(row);
    plain._area = parent?.['area'] ?? parent?.['_area'] ?? null;
  }
  const values: Record<string, unknown> = {};
  spec.keyColumns.forEach((c, i) => (values[c] = spec.keyColumns.length === 1 ? row.id : row.id.split('/')[i]));
  for (const [name, f] of fieldList(spec)) {
    const given = row.f[name];
    values[f.column] = given ? stored(s.ctx, spec, row.id, name, given[0], plain) : emptyValue(f, s.sender.office);
  }
  await derivedOnInsert(s, spec, values);
  Object.assign(values, local);
  const columns = Object.keys(values);
  preparedStatements(m).run(insertSql(spec, columns), columns.map((c) => values[c]));
  const rowClock = fromWire(row.r);
  await writeClock(m, spec.entity, row.id, { ...rowClock, field: ROW, vv: ownVector(rowClock), deleted: false });
  for (const [name, v] of Object.entries(row.f)) {
    if (v.length === 1 || !spec.fields[name]) continue;
    const writes = writesOf(v, row.r);
    await writeClock(m, spec.entity, row.id, { ...writes[0]!.clock, field: name, vv: writes[0]!.vv, deleted: false });
    if (writes.length > 1) {
      const heads = writes.map((w, i) => headOf(i === 0 ? values[spec.fields[name]!.column] : stored(s.ctx, spec, row.id, name, w.plain, plain), w.clock, w.vv));
      await storeHeads(s, spec, row.id, name, client, heads, plain, false);
    }
  }
  if (spec.entity === 'consent') await regrant(m, row.id);
  await recordRelay(m, spec, row.id, Object.keys(row.f), rowClock, 'upsert');
  note(s, spec, client, columns);
  s.applied.rows++;
}

/**
 * Merges a received row into the local one, field by field. A received write that some local head already covers
 * is old news; one that covers local heads replaces them; one that neither covers nor is covered stands beside
 * them (a conflict). The value in force is the latest head by clock, the same on every workstation whatever order
 * the writes arrived in.
 */
async function mergeRow(
  s: ApplyScope,
  spec: SyncEntity,
  row: PayloadRow,
  local: SourceRow,
  clocks: Map<string, StoredClock> | undefined,
  conflicts: Map<string, Head[]> | undefined,
): Promise<void> {
  const m = s.ctx.tx;
  const updates: Record<string, unknown> = {};
  const changedFields: string[] = [];
  let newest: Clock | null = null;
  let valueChanged = false;
  for (const [name, v] of Object.entries(row.f)) {
    const f = spec.fields[name];
    if (!f) continue;
    const open = conflicts?.get(name);
    const mine = clocks?.get(name) ?? clocks?.get(ROW);
    let heads: Head[] = open ? [...open] : mine ? [headOf(local[f.column], mine, mine.vv)] : [];
    const before = heads.length ? winnerOf(heads) : null;
    let changed = false;
    for (const w of writesOf(v, row.r)) {
      if (heads.some((h) => covers(h.vv, w.vv))) continue;
      heads = heads.filter((h) => !covers(w.vv, h.vv));
      heads.push(headOf(stored(s.ctx, spec, row.id, name, w.plain, local), w.clock, w.vv));
      changed = true;
    }
    if (!changed) continue;
    const winner = winnerOf(heads);
    await writeClock(m, spec.entity, row.id, { hlc: winner.hlc, device: winner.device, actor: winner.actor, field: name, vv: winner.vv, deleted: false });
    await storeHeads(s, spec, row.id, name, local._client, heads, local, open !== undefined);
    if (before && clockId(before) === clockId(winner)) continue;
    if (!sameValue(s.ctx, spec, row.id, name, local, winner.value, local[f.column])) valueChanged = true;
    updates[f.column] = winner.value;
    changedFields.push(name);
    if (!newest || compareClocks(winner, newest) > 0) newest = winner;
  }
  if (!changedFields.length) return;
  // The version counts changes of content: a write that brings the same value does not make open forms stale.
  if (valueChanged && VERSIONED.has(spec.entity)) {
    updates['updated_at'] = s.ctx.now.toISOString();
    updates['version'] = Number(local['version'] ?? 0) + 1;
  }
  if (spec.entity === 'client' && ('family_name' in updates || 'given_names' in updates)) {
    updates['sort_name'] = foldName(`${String(updates['family_name'] ?? local['family_name'])} ${String(updates['given_names'] ?? local['given_names'])}`);
  }
  const columns = Object.keys(updates);
  const key = keyWhere(spec, row.id);
  await m.query(`UPDATE ${spec.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${key.where}`, [...columns.map((c) => updates[c]), ...key.params]);
  if (spec.entity === 'consent') await regrant(m, row.id);
  await recordRelay(m, spec, row.id, changedFields, newest!, 'upsert');
  note(s, spec, local._client, columns);
  s.applied.rows++;
}

async function deleteRow(s: ApplyScope, spec: SyncEntity, row: PayloadRow, local: SourceRow | undefined, clocks: Map<string, StoredClock> | undefined): Promise<void> {
  const m = s.ctx.tx;
  if (clocks?.get(ROW)?.deleted) return;
  const clock = fromWire(row.r);
  if (local) {
    const key = keyWhere(spec, row.id);
    await m.query(`DELETE FROM ${spec.table} WHERE ${key.where}`, key.params);
    if (spec.entity === 'document') forgetDocumentFile(s.ctx, local);
    note(s, spec, local._client, []);
  }
  await m.query('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ?', [spec.entity, row.id]);
  // What else names the row: both sides of an open conflict, and unsaved forms of the file or case (drafts).
  await m.query('DELETE FROM sync_conflict WHERE entity = ? AND entity_id = ?', [spec.entity, row.id]);
  if (spec.entity === 'client' || spec.entity === 'case') await m.query('DELETE FROM draft WHERE instr(form_id, ?) > 0', [row.id]);
  await writeTombstone(m, spec.entity, row.id, clock);
  await recordRelay(m, spec, row.id, [], clock, 'delete');
  s.applied.rows++;
}

/** What a parked row waits for: a parent row, or (parent_entity 'copy') its document's copy on the share. */
const COPY_PARENT = 'copy';

interface ParkedChange {
  row: PayloadRow;
  sender: ApplyScope['sender'];
  file?: PayloadFile;
}

async function park(s: ApplyScope, spec: SyncEntity, row: PayloadRow, parent: { entity: string; id: string }): Promise<void> {
  const change: ParkedChange = { row, sender: s.sender, file: s.files.get(row.id) };
  await s.ctx.tx.query(
    `INSERT INTO sync_parked (entity, entity_id, parent_entity, parent_id, change) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id) DO UPDATE SET change = excluded.change, parent_entity = excluded.parent_entity, parent_id = excluded.parent_id`,
    [spec.entity, row.id, parent.entity, parent.id, JSON.stringify(change)],
  );
}

/** Removes a deleted document's file once the deletion has committed (the key row is gone already). */
export function forgetDocumentFile(ctx: NetworkContext, row: SourceRow): void {
  const fileId = String(row['file_id']);
  ctx.afterCommit(() => deleteEncryptedDocument(ctx.dataDir, fileId));
}

/**
 * A received document's content, fetched from the sender's copy and stored under a new key of this vault (the
 * health key protects it as the upload does): the local columns of its row, or null while the copy is missing or
 * not the document the row describes (the row then waits, see retryParkedDocuments).
 */
async function receiveDocument(s: ApplyScope, row: PayloadRow): Promise<Record<string, unknown> | null> {
  const ref = s.files.get(row.id);
  const sha256 = row.f['sha256']?.[0];
  const content = ref && typeof sha256 === 'string' ? await fetchCopy(s.ctx, s.own, s.sender.device, ref, sha256) : 'invalid';
  if (content === 'invalid') s.applied.rejected++;
  if (typeof content === 'string') return null;
  const written = writeEncryptedDocument(s.ctx.dataDir, content);
  content.fill(0);
  const { ctx } = s;
  ctx.onRollback(() => deleteEncryptedDocument(ctx.dataDir, written.fileId));
  return { file_id: written.fileId, file_key: storedFileKey(ctx.fields, { id: row.id, category: String(row.f['category']?.[0]) }, written.fileKeyHex) };
}

/** Whether the sending office handed this file over to this office (in this file, or recorded here earlier). */
async function handedBySender(s: ApplyScope, client: string): Promise<boolean> {
  if (s.handedHere.get(client) === s.sender.office) return true;
  const latest = (await latestHandovers(s.ctx.tx, [client])).get(client);
  return latest?.from === s.sender.office && latest.to === s.own.office;
}

/** Whether the file's latest hand-over went to the sending office: its keeper now, though no copy of it is here. */
async function handedToSender(s: ApplyScope, client: string): Promise<boolean> {
  return (await latestHandovers(s.ctx.tx, [client])).get(client)?.to === s.sender.office;
}

/** Whether the file was handed over from this office and its copy has been removed here since. */
async function leftThisOffice(s: ApplyScope, client: string): Promise<boolean> {
  s.handedFromHere ??= s.ctx.tx
    .query('SELECT DISTINCT client_id AS c FROM file_handover WHERE from_office = ?', [s.own.office])
    .then((rows: { c: string }[]) => new Set(rows.map((r) => r.c)));
  if (!(await s.handedFromHere).has(client)) return false;
  if ((await officeOfClient(s.ctx.tx, client)) !== null) return false;
  return (await latestHandovers(s.ctx.tx, [client])).get(client)?.from === s.own.office;
}

/** The receiving office's audit trail records a file handed over to it as it arrives (the sender's records the sending). */
async function noteHandoverReceived(s: ApplyScope, row: PayloadRow): Promise<void> {
  if (row.f['toOffice']?.[0] !== s.own.office) return;
  await appendAudit(s.ctx.tx, {
    at: s.ctx.now,
    actor: null,
    action: 'sync.handoverReceived',
    entity: 'client',
    entityId: String(row.f['clientId']?.[0]),
    fields: [`handover:${row.id}`, `from:${String(row.f['fromOffice']?.[0])}`],
  });
}

/** Applies the rows of one entity (one batch of a file). */
async function applyRows(s: ApplyScope, spec: SyncEntity, rows: PayloadRow[]): Promise<void> {
  const m = s.ctx.tx;
  const ids = rows.map((r) => r.id);
  const clocks = await readClocks(m, spec.entity, ids);
  const conflicts = await openConflicts(m, spec.entity, ids);
  const locals = new Map((await rowsById(m, spec, ids)).map((r) => [String(r['_id']), r]));
  const parents = await parentsOf(m, spec, rows.filter((r) => !locals.has(r.id)));
  for (const row of rows) {
    const rowClocks = clocks.get(row.id);
    const local = locals.get(row.id);
    if (rowClocks?.get(ROW)?.deleted) continue; // deleted wins: a late write never brings a row back
    // Across offices there is one writer per file: the keeping office, or the office that handed it over to this
    // one (its rows up to the hand-over). Anything else from another office is refused. Where this office handed
    // the file away and holds only the record of it, the new keeper's delete (an erasure) removes the record too.
    const client = local ? local._client : await clientOfNew(spec, row, parents);
    if (s.foreign && client !== null) {
      const office = spec.entity === 'client' && !local ? (row.f['office']?.[0] as Office | undefined) : await officeOfClient(m, client);
      const handedRecord = row.d && local && office === null && (await handedToSender(s, client));
      if (office !== s.sender.office && !(office === null && !local) && !handedRecord && !(await handedBySender(s, client))) continue;
    }
    // A file that left this office by hand-over and whose copy is gone here does not come back through a colleague's
    // workstation that wrote before it learnt of the hand-over (that colleague sends its writes to the new office).
    if (!s.foreign && client !== null && !local && (await leftThisOffice(s, client))) continue;
    if (row.d) {
      await deleteRow(s, spec, row, local, rowClocks);
      continue;
    }
    if (local) {
      await mergeRow(s, spec, row, local, rowClocks, conflicts.get(row.id));
      continue;
    }
    const missing = (await parentExists(spec, row, parents)) ?? (await fileWithoutClient(m, spec, row, client));
    if (missing || (client === null && !spec.network)) {
      await park(s, spec, row, missing ?? { entity: spec.parent?.entity ?? 'client', id: '' });
      continue;
    }
    if (spec.entity !== 'document') {
      await insertRow(s, spec, row, client, parents);
      if (spec.entity === 'file_handover') await noteHandoverReceived(s, row);
      continue;
    }
    const file = await receiveDocument(s, row);
    if (file) await insertRow(s, spec, row, client, parents, file);
    else await park(s, spec, row, { entity: COPY_PARENT, id: row.id });
  }
}

/** Applies a parked row again with the scope it arrived in. */
async function applyParked(s: ApplyScope, entity: string, change: string): Promise<void> {
  const { row, sender, file } = JSON.parse(change) as ParkedChange;
  await s.ctx.tx.query('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ?', [entity, row.id]);
  const files = new Map(file ? [[row.id, file]] : []);
  await applyRows({ ...s, sender, foreign: sender.office !== s.own.office, files }, SYNC_ENTITY.get(entity)!, [row]);
}

/** Rows parked for a parent that has arrived now (a row's parent, or the client of a document without a case). */
async function unpark(s: ApplyScope): Promise<void> {
  const m = s.ctx.tx;
  for (let pass = 0; pass < 8; pass++) {
    let moved = 0;
    for (const parentSpec of SYNC_ENTITIES) {
      const ready = (await m.query(
        `SELECT p.entity, p.change FROM sync_parked p WHERE p.parent_entity = ? AND EXISTS (SELECT 1 FROM ${parentSpec.table} x WHERE x.${parentSpec.keyColumns[0]} = p.parent_id)`,
        [parentSpec.entity],
      )) as { entity: string; change: string }[];
      for (const r of ready) {
        if (!SYNC_ENTITY.has(r.entity)) continue;
        await applyParked(s, r.entity, r.change);
        moved++;
      }
    }
    if (!moved) return;
  }
}

async function refreshDerived(s: ApplyScope): Promise<void> {
  const m = s.ctx.tx;
  const today = berlinDate(s.ctx.now);
  // Names and case columns set-based, a few statements per 500 clients: a file brings hundreds of clients.
  const names = [...s.applied.names];
  for (let i = 0; i < names.length; i += 500) {
    const part = names.slice(i, i + 500);
    const rows = (await m.query(`SELECT id, family_name, given_names, alternative_names FROM client WHERE id IN (${part.map(() => '?').join(',')})`, part)) as {
      id: string;
      family_name: string;
      given_names: string;
      alternative_names: string;
    }[];
    await indexClientNamesOf(m, rows.map((c) => ({ clientId: c.id, keys: nameKeys(c.family_name, c.given_names, JSON.parse(c.alternative_names) as string[]) })));
  }
  for (const id of s.applied.residence) if ((await officeOfClient(m, id)) !== null) await refreshCurrentStatus(m, id, today);
  await refreshClientCaseColumnsOf(m, [...s.applied.cases]);
}

/**
 * Applies a data file addressed to this workstation, in the file's transaction: staff rows, then every row in
 * parent-before-child order, then rows that waited for a parent, then the derived columns. Returns whether consents
 * changed (the round then re-checks what copies of other offices' files may stay).
 */
export async function applyDataFile(ctx: NetworkContext, own: OwnDevice, file: VerifiedFile, counts: RoundCounts): Promise<boolean> {
  if (!file.payload?.length) return false;
  const payload = parseDataPayload(file.payload);
  if (!payload) {
    counts.rejected++;
    return false;
  }
  if (payload.audience !== own.office) return false;
  const device = await findDevice(ctx.tx, file.device);
  if (!device) return false;
  const sender = { device: file.device, office: device.office };
  const s = applyScope(ctx, own, sender, new Map(payload.files.map((f) => [f.id, f])));
  for (const row of payload.rows) {
    if (row.e === 'file_handover' && !row.d && row.f['toOffice']?.[0] === own.office && row.f['fromOffice']?.[0] === sender.office) {
      s.handedHere.set(String(row.f['clientId']?.[0]), sender.office);
    }
  }
  await putStaff(ctx.tx, payload.accounts, sender, ctx.now.toISOString());
  const byEntity = new Map<string, PayloadRow[]>();
  for (const row of payload.rows) {
    const list = byEntity.get(row.e) ?? [];
    list.push(row);
    byEntity.set(row.e, list);
  }
  // Tombstones first and children before parents (a deleted file arrives as one tombstone per row): a child's
  // keeper check still finds its client, its document file is removed with it, and no parent delete runs into a
  // child that still names it.
  for (const spec of [...SYNC_ENTITIES].sort((a, b) => b.order - a.order)) {
    const rows = byEntity.get(spec.entity)?.filter((r) => r.d);
    if (rows?.length) await applyRows(s, spec, rows);
  }
  for (const spec of [...SYNC_ENTITIES].sort((a, b) => a.order - b.order)) {
    const rows = byEntity.get(spec.entity)?.filter((r) => !r.d);
    if (rows?.length) await applyRows(s, spec, rows);
  }
  await unpark(s);
  await refreshDerived(s);
  addCounts(counts, s.applied);
  return s.applied.consents;
}

function applyScope(ctx: NetworkContext, own: OwnDevice, sender: ApplyScope['sender'], files: Map<string, PayloadFile>): ApplyScope {
  return {
    ctx,
    own,
    sender,
    foreign: sender.office !== own.office,
    applied: { clients: new Set(), names: new Set(), residence: new Set(), cases: new Set(), consents: false, rows: 0, conflicts: 0, rejected: 0 },
    files,
    handedHere: new Map(),
  };
}

function addCounts(counts: RoundCounts, applied: Applied): void {
  counts.applied += applied.rows;
  counts.conflicts += applied.conflicts;
  counts.rejected += applied.rejected;
}

/**
 * Documents whose copy was missing or damaged when their row arrived: tried again once per round (a share restored
 * by IT brings them back). A row whose document was deleted meanwhile was dropped with the tombstone.
 */
export async function retryParkedDocuments(ctx: NetworkContext, own: OwnDevice, counts: RoundCounts): Promise<void> {
  const parked = (await ctx.tx.query('SELECT entity, change FROM sync_parked WHERE parent_entity = ?', [COPY_PARENT])) as { entity: string; change: string }[];
  if (!parked.length) return;
  const s = applyScope(ctx, own, { device: own.deviceId, office: own.office }, new Map());
  for (const p of parked) if (SYNC_ENTITY.has(p.entity)) await applyParked(s, p.entity, p.change);
  await refreshDerived(s);
  addCounts(counts, s.applied);
}
