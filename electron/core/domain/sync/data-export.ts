import type { EntityManager } from 'typeorm';
import type { Office } from '../../contract/offices';
import { AppError } from '../../contract/errors';
import { berlinDate } from '../../contract/dates';
import type { KeyProtectedCategory } from '../../contract/data-categories';
import { readClocks, ROW, type StoredClock } from '../../platform/sync/field-clock';
import { allows, consentParties, grantedCategories, OWN_SCOPE, type Scope } from './consent-scope';
import type { DataPayload, PayloadAccount, PayloadFile, PayloadRow, WireClock, WireWrite } from './data-payload';
import { copyFor } from './document-copies';
import { handedAway } from './handover-scope';
import { openConflicts, type Head } from './conflict-heads';
import { advanceSent, type OutgoingContent } from './log-writer';
import type { OwnDevice } from './own-device';
import { placeOf, protectedCategory, SYNC_ENTITIES, SYNC_ENTITY, type SourceRow, type SyncEntity, type SyncField } from './sync-registry';
import { rowsById, rowsOfClients } from './sync-rows';
import type { NetworkContext } from './sync-context';

/** Change-log entries per file: a few MB of content, one transaction on the receiving side. */
export const EXPORT_BATCH = 10_000;
/** Document content whose copies one file names at most: one transaction writes (and reads) a bounded amount. */
export const DOCUMENT_BYTES_PER_FILE = 64 * 1024 * 1024;

/** Member devices that have been sent the change log up to the same entry: they get the same files. */
export interface RecipientGroup {
  office: Office;
  devices: { id: string; boxPublic: Buffer }[];
}

export type BatchState = 'sent' | 'empty' | 'done' | 'waitingForKey';

export async function recipientGroups(m: EntityManager, own: OwnDevice): Promise<RecipientGroup[]> {
  const rows = (await m.query(`SELECT device_id, office, box_key, sent_upto FROM sync_device WHERE status = 'member' AND device_id <> ? ORDER BY office, sent_upto, device_id`, [
    own.deviceId,
  ])) as { device_id: string; office: Office; box_key: string; sent_upto: number }[];
  const groups = new Map<string, RecipientGroup>();
  for (const r of rows) {
    const key = `${r.office}/${r.sent_upto}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { office: r.office, devices: [] }));
    g.devices.push({ id: r.device_id, boxPublic: Buffer.from(r.box_key, 'base64') });
  }
  return [...groups.values()];
}

/** Change-log entries after what the group was sent: its share of a round's work (progress). */
export async function entriesBehind(m: EntityManager, group: RecipientGroup): Promise<number> {
  const ids = group.devices.map((d) => d.id);
  const [row] = (await m.query(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM change_entry) - MIN(sent_upto) AS n FROM sync_device WHERE device_id IN (${ids.map(() => '?').join(',')})`,
    ids,
  )) as { n: number | null }[];
  return Math.max(0, Number(row?.n ?? 0));
}

interface Entry {
  id: number;
  entity: string;
  eid: string;
  operation: 'upsert' | 'delete';
  hlc: string;
  device: string;
}

/**
 * The next EXPORT_BATCH entries of the change log after `upto` (what one file covers) and the last one's id (null: the
 * log holds no more). With an echo device, its own entries are left out in SQL: a joining workstation's log is the
 * office it received, all echoes, and turning 10,000 of them into objects to skip them cost more than the rest of
 * such an empty batch.
 */
async function nextEntries(m: EntityManager, upto: number, echo: string | null): Promise<{ entries: Entry[]; last: number | null }> {
  const columns = 'id, entity, entity_id AS eid, operation, hlc, device_id AS device';
  if (!echo) {
    const entries = (await m.query(`SELECT ${columns} FROM change_entry WHERE id > ? ORDER BY id LIMIT ?`, [upto, EXPORT_BATCH])) as Entry[];
    return { entries, last: entries.at(-1)?.id ?? null };
  }
  const [end] = (await m.query('SELECT id FROM change_entry WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?', [upto, EXPORT_BATCH - 1])) as { id: number }[];
  let last = end?.id ?? null;
  if (last === null) {
    // Fewer than EXPORT_BATCH entries left: the file covers them all.
    const [newest] = (await m.query('SELECT MAX(id) AS last FROM change_entry WHERE id > ?', [upto])) as { last: number | null }[];
    last = newest?.last ?? null;
  }
  if (last === null) return { entries: [], last };
  const entries = (await m.query(`SELECT ${columns} FROM change_entry WHERE id > ? AND id <= ? AND device_id <> ? ORDER BY id`, [upto, last, echo])) as Entry[];
  return { entries, last };
}

/** Thrown when a protected value must be sent but this session holds no key for it: the file waits. */
class WaitingForKey extends Error {}

const wire = (c: Pick<StoredClock, 'hlc' | 'device' | 'actor'>): WireClock => [c.hlc, c.device, c.actor];

/** The fields of an entity as [name, field] pairs, listed once per entity rather than once per exported row. */
const FIELD_LISTS = new Map<SyncEntity, [string, SyncField][]>();
function fieldList(spec: SyncEntity): [string, SyncField][] {
  let list = FIELD_LISTS.get(spec);
  if (!list) FIELD_LISTS.set(spec, (list = Object.entries(spec.fields)));
  return list;
}

const NO_HEADS: readonly Head[] = [];

/** Another head of an open conflict as it travels: its plain value, clock and vector. */
function otherWrite(ctx: NetworkContext, category: KeyProtectedCategory | null, place: string, h: Head): WireWrite {
  let value = h.value as string | number | null;
  if (category && value !== null) {
    if (!ctx.fields.holds(category)) throw new WaitingForKey();
    value = ctx.fields.decrypt(category, String(value), place);
  }
  return [value, wire(h), h.vv];
}

/**
 * One row as the audience may receive it, or null when it may not receive the row at all. Runs once per row of a
 * whole office on a new workstation: no closures or arrays made per field unless the field needs them.
 */
function exportRow(
  ctx: NetworkContext,
  spec: SyncEntity,
  row: SourceRow,
  clocks: Map<string, StoredClock> | undefined,
  fallback: Pick<StoredClock, 'hlc' | 'device' | 'actor'>,
  scope: Scope,
  accounts: Set<string>,
  heads: Map<string, Head[]> | undefined,
): PayloadRow | null {
  const rowRule = spec.rowRule(row);
  if (!allows(scope, rowRule)) return null;
  const id = String(row['_id']);
  const rowClock = clocks?.get(ROW) ?? fallback;
  const whole = scope.owner || spec.network === true;
  const fields: PayloadRow['f'] = {};
  let may: ((rule: Parameters<typeof allows>[1]) => boolean) | undefined;
  for (const [name, f] of fieldList(spec)) {
    const rule = f.rule === 'row' ? rowRule : f.rule;
    if (!allows(scope, rule)) continue;
    let value = row[f.column] as string | number | null;
    const category = protectedCategory(f, row);
    if (category && value !== null) {
      if (!ctx.fields.holds(category)) throw new WaitingForKey();
      value = ctx.fields.decrypt(category, String(value), placeOf(spec.entity, id, name));
    }
    if (f.narrow && value !== null && !scope.owner) value = f.narrow(value, (may ??= (r) => allows(scope, r))) as string;
    if (f.account && value !== null) accounts.add(String(value));
    const clock = clocks?.get(name);
    // The other writes of an open conflict go along within the office (and the network's directory everywhere), so
    // every workstation holds the same ones.
    const open = whole ? heads?.get(name) : undefined;
    const others = open ? open.filter((h) => h.hlc !== clock?.hlc || h.device !== clock?.device) : NO_HEADS;
    // There the writers travel as staff rows too: the conflict list names who wrote what.
    if (whole) {
      if (clock?.actor) accounts.add(clock.actor);
      for (const h of others) if (h.actor) accounts.add(h.actor);
    }
    if (!clock) fields[name] = [value];
    else if (!others.length) fields[name] = [value, wire(clock), clock.vv];
    else fields[name] = [value, wire(clock), clock.vv, others.map((h) => otherWrite(ctx, category, placeOf(spec.entity, id, name), h))];
  }
  return { e: spec.entity, id, r: wire(rowClock), f: fields };
}

/** The copy of a document for `office`; null when its file here is unreadable (opening it here says so too). */
async function documentCopy(ctx: NetworkContext, own: OwnDevice, row: SourceRow, office: Office): Promise<PayloadFile | null> {
  try {
    const copy = await copyFor(ctx, own, row, office);
    if (!copy) throw new WaitingForKey();
    return copy;
  } catch (error) {
    if (error instanceof AppError && error.code === 'document.unreadable') return null;
    throw error;
  }
}

/** A row's client file; '' (no file) for the directory, which is no office's. */
const fileOf = (r: SourceRow): string => r._client ?? '';

/** The entries up to the one whose document would take the file's copies past DOCUMENT_BYTES_PER_FILE (at least one). */
async function cutAtDocuments(m: EntityManager, entries: Entry[]): Promise<Entry[]> {
  const docs = [...new Set(entries.filter((e) => e.entity === 'document' && e.operation !== 'delete').map((e) => e.eid))];
  if (!docs.length) return entries;
  const sizes = new Map<string, number>();
  for (let i = 0; i < docs.length; i += 500) {
    const part = docs.slice(i, i + 500);
    const rows = (await m.query(`SELECT id, size FROM document WHERE id IN (${part.map(() => '?').join(',')})`, part)) as { id: string; size: number }[];
    for (const r of rows) sizes.set(r.id, r.size);
  }
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.entity !== 'document' || e.operation === 'delete') continue;
    total += sizes.get(e.eid) ?? 0;
    if (total > DOCUMENT_BYTES_PER_FILE && i > 0) return entries.slice(0, i);
  }
  return entries;
}

async function accountsOf(m: EntityManager, ids: Set<string>): Promise<PayloadAccount[]> {
  if (!ids.size) return [];
  const list = [...ids];
  const out: PayloadAccount[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    const rows = (await m.query(`SELECT id, display_name, role, office FROM account WHERE id IN (${part.map(() => '?').join(',')})`, part)) as {
      id: string;
      display_name: string;
      role: PayloadAccount['role'];
      office: PayloadAccount['office'];
    }[];
    out.push(...rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, office: r.office })));
  }
  return out;
}

/**
 * Builds the next file for a group of devices: the rows the change log touched after what the group was sent,
 * as they are now (a row changed five times travels once), filtered for the group's office. Its own office
 * receives every row; another office only rows of files this office keeps, with the categories that consents in
 * force grant it, plus the consents that name it; a consent that names it brings the whole file as far as it
 * grants (the current state, not only later changes). A file handed over to the office goes to it whole, as the
 * keeping office's own workstations get it. The partner directory goes to every office whole. Tombstones go to
 * everyone: they carry only ids. A document row goes with the copy of its content for the group's office
 * (document-copies.ts), written first if need be.
 */
export async function buildDataBatch(ctx: NetworkContext, own: OwnDevice, group: RecipientGroup): Promise<{ state: BatchState; content: OutgoingContent | null }> {
  const m = ctx.tx;
  const ids = group.devices.map((d) => d.id);
  const [{ upto } = { upto: 0 }] = (await m.query(`SELECT MIN(sent_upto) AS upto FROM sync_device WHERE device_id IN (${ids.map(() => '?').join(',')})`, ids)) as {
    upto: number;
  }[];
  // A change written by the one device this file is for is not sent back to it (a joining workstation relays the
  // whole office it received; its source needs none of that).
  const echo = group.devices.length === 1 && group.office === own.office ? group.devices[0]!.id : null;
  const next = await nextEntries(m, upto, echo);
  if (next.last === null) return { state: 'done', content: null };
  const entries = await cutAtDocuments(m, next.entries);
  // Cut short for the documents' sake: the file then covers the log only up to its last entry.
  const last = entries.length < next.entries.length ? entries.at(-1)!.id : next.last;
  const touched = new Map<string, Map<string, Entry>>();
  for (const e of entries) {
    if (!SYNC_ENTITY.has(e.entity) || e.device === echo) continue;
    let byId = touched.get(e.entity);
    if (!byId) touched.set(e.entity, (byId = new Map()));
    byId.set(e.eid, e);
  }
  const sameOffice = group.office === own.office;
  const today = berlinDate(ctx.now);
  const rows: PayloadRow[] = [];
  const files: PayloadFile[] = [];
  const accounts = new Set<string>();
  try {
    // Read every touched row first: another office's scope depends on the files and consents among them.
    const read = new Map<SyncEntity, SourceRow[]>();
    const tombstones: PayloadRow[] = [];
    for (const spec of SYNC_ENTITIES) {
      const byId = touched.get(spec.entity);
      if (!byId) continue;
      const deleted = [...byId.values()].filter((e) => e.operation === 'delete');
      if (deleted.length) {
        const clocks = await readClocks(m, spec.entity, deleted.map((e) => e.eid));
        for (const e of deleted) {
          const c = clocks.get(e.eid)?.get(ROW);
          tombstones.push({ e: spec.entity, id: e.eid, r: c ? wire(c) : [e.hlc, e.device, null], d: 1, f: {} });
        }
      }
      const live = [...byId.values()].filter((e) => e.operation !== 'delete').map((e) => e.eid);
      if (live.length) read.set(spec, await rowsById(m, spec, live));
    }
    let scopes: (client: string) => Scope = () => OWN_SCOPE;
    let sendsWhole = sameOffice;
    if (!sameOffice) {
      const files = [...new Set([...read.values()].flat().map(fileOf).filter((c) => c !== ''))];
      const kept = await keptClients(m, files, own.office);
      // A file handed over from here is still this office's to pass on: whole to its new keeping office, and to
      // others the change of keeper, as far as a consent lets them hold the file (handover-scope.ts).
      const away = await handedAway(m, files, own.office);
      for (const c of away.keys()) kept.add(c);
      const handed = new Set([...away].filter(([, to]) => to === group.office).map(([c]) => c));
      // A consent naming the office brings the file's current state along; so does the hand-over, whole.
      const named = (read.get(SYNC_ENTITY.get('consent')!) ?? []).filter((c) => kept.has(fileOf(c)) && consentParties(c['parties']).includes(group.office));
      const handovers = (read.get(SYNC_ENTITY.get('file_handover')!) ?? []).filter((h) => handed.has(fileOf(h)));
      const snapshot = [...new Set([...named, ...handovers].map(fileOf))];
      for (const spec of SYNC_ENTITIES) {
        if (!snapshot.length) break;
        if (spec.network) continue;
        const have = new Set((read.get(spec) ?? []).map((r) => String(r['_id'])));
        const more = (await rowsOfClients(m, spec, snapshot)).filter((r) => !have.has(String(r['_id'])));
        read.set(spec, [...(read.get(spec) ?? []), ...more]);
      }
      for (const c of snapshot) kept.add(c);
      const granted = await grantedCategories(m, [...kept], group.office, today);
      const namedIds = new Set(named.map((c) => String(c['_id'])));
      scopes = (client) => (handed.has(client) ? OWN_SCOPE : { owner: false, categories: granted.get(client) ?? new Set() });
      for (const [spec, list] of read) {
        // The directory is every office's: its rows go whole, with no file or consent to ask.
        if (spec.network) continue;
        read.set(
          spec,
          list.filter(
            (r) => kept.has(fileOf(r)) && (handed.has(fileOf(r)) || granted.has(fileOf(r)) || (spec.entity === 'consent' && namedIds.has(String(r['_id'])))),
          ),
        );
      }
      // Consents that do not name the office stay in the keeping office (a handed file's go with it).
      const consents = SYNC_ENTITY.get('consent')!;
      read.set(consents, (read.get(consents) ?? []).filter((c) => handed.has(fileOf(c)) || consentParties(c['parties']).includes(group.office)));
      sendsWhole = handed.size > 0;
    }
    for (const spec of SYNC_ENTITIES) {
      const list = read.get(spec);
      if (!list?.length) continue;
      const clocks = await readClocks(m, spec.entity, list.map((r) => String(r['_id'])));
      const conflicts = sendsWhole || spec.network ? await openConflicts(m, spec.entity, list.map((r) => String(r['_id']))) : new Map<string, Map<string, Head[]>>();
      const byId = touched.get(spec.entity);
      for (const row of list) {
        const id = String(row['_id']);
        const entry = byId?.get(id);
        const fallback = { hlc: entry?.hlc ?? '000000000000000-000000', device: entry?.device ?? own.deviceId, actor: null };
        const out = exportRow(ctx, spec, row, clocks.get(id), fallback, scopes(fileOf(row)), accounts, conflicts.get(id));
        if (!out) continue;
        if (spec.entity === 'document') {
          const copy = await documentCopy(ctx, own, row, group.office);
          // A document whose file is damaged here stays here: a row without content would only wait forever there.
          if (!copy) continue;
          files.push(copy);
        }
        rows.push(out);
      }
    }
    rows.push(...tombstones);
  } catch (error) {
    if (error instanceof WaitingForKey) return { state: 'waitingForKey', content: null };
    throw error;
  }
  const sentTo = { devices: ids, upto: last };
  if (!rows.length) {
    // Nothing in this stretch of the log is for the group: it moves on without a file.
    await advanceSent(ctx, sentTo);
    return { state: 'empty', content: null };
  }
  const payload: DataPayload = { v: 1, audience: group.office, accounts: await accountsOf(m, accounts), rows, files };
  return {
    state: 'sent',
    content: { recipients: group.devices.map((d) => ({ device: d.id, boxPublic: d.boxPublic })), payload: Buffer.from(JSON.stringify(payload), 'utf8'), sentTo },
  };
}

/** The clients among `ids` that `office` keeps: only the keeping office sends a file to others. */
async function keptClients(m: EntityManager, ids: readonly string[], office: Office): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = (await m.query(`SELECT id FROM client WHERE office = ? AND id IN (${part.map(() => '?').join(',')})`, [office, ...part])) as { id: string }[];
    for (const r of rows) out.add(r.id);
  }
  return out;
}
