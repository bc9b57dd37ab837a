import { addDays, berlinDate } from '../../contract/dates';
import type { DataCategory } from '../../contract/data-categories';
import { appendAudit } from '../../platform/audit/audit-log';
import { writeClock } from '../../platform/sync/field-clock';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { allows, consentParties, grantedCategories, type Scope } from './consent-scope';
import { readPredecessors, type OwnDevice } from './own-device';
import { HANDED_COPY_DAYS, handedAwayHere } from './handover-scope';
import { ensurePlaceholder, forgetDocumentFile } from './data-import';
import type { Office } from '../../contract/offices';
import { emptyValue, SYNC_ENTITIES, type SourceRow, type SyncEntity } from './sync-registry';
import { keyWhere, rowsOfClients } from './sync-rows';
import type { NetworkContext } from './sync-context';

/** A clock below every real one: a field emptied here takes the keeping office's value again when a consent returns. */
const EMPTIED = { hlc: '000000000000000-000000', device: '', actor: null, vv: {}, deleted: false };

async function dropRow(ctx: NetworkContext, spec: SyncEntity, id: string, row: SourceRow): Promise<void> {
  if (spec.entity === 'document') forgetDocumentFile(ctx, row);
  await ctx.tx.query('DELETE FROM sync_clock WHERE entity = ? AND entity_id = ?', [spec.entity, id]);
  await ctx.tx.query('DELETE FROM sync_conflict WHERE entity = ? AND entity_id = ?', [spec.entity, id]);
  const key = keyWhere(spec, id);
  await ctx.tx.query(`DELETE FROM ${spec.table} WHERE ${key.where}`, key.params);
}

/** Removes what `scope` no longer covers of one copied file; returns whether anything was removed. */
async function narrowFile(ctx: NetworkContext, clientId: string, keepingOffice: Office, scope: Scope | null): Promise<boolean> {
  let removed = false;
  // Children first, so that a removed case takes nothing with it that the loop has not seen.
  for (const spec of [...SYNC_ENTITIES].sort((a, b) => b.order - a.order)) {
    // The record of a hand-over stays: it tells this workstation that the file left this office (data-import.ts).
    if (spec.entity === 'file_handover') continue;
    for (const row of await rowsOfClients(ctx.tx, spec, [clientId])) {
      const id = String(row['_id']);
      const rowRule = spec.rowRule(row);
      if (!scope || !allows(scope, rowRule)) {
        await dropRow(ctx, spec, id, row);
        removed = true;
        continue;
      }
      const emptied: string[] = [];
      for (const [name, f] of Object.entries(spec.fields)) {
        const rule = f.rule === 'row' ? rowRule : f.rule;
        const empty = emptyValue(f, keepingOffice);
        if (f.required) await ensurePlaceholder(ctx.tx, keepingOffice, ctx.now.toISOString());
        if (allows(scope, rule) || row[f.column] === empty || row[f.column] === null) continue;
        emptied.push(name);
        const key = keyWhere(spec, id);
        await ctx.tx.query(`UPDATE ${spec.table} SET ${f.column} = ? WHERE ${key.where}`, [empty, ...key.params]);
        await writeClock(ctx.tx, spec.entity, id, { ...EMPTIED, field: name });
      }
      if (emptied.length) removed = true;
    }
  }
  return removed;
}

/**
 * Keeps copies of other offices' files within what consents in force grant this office: a file with no consent
 * left is removed with everything in it; a file whose consent narrowed loses the rows and fields of the categories
 * no longer granted. Runs after a round that received consent changes, and once a day for consents that expired.
 * Each removal is an audit entry. Returns how many files were narrowed or removed.
 */
export async function purgeForeignCopies(ctx: NetworkContext, own: OwnDevice, consentsChanged: boolean): Promise<number> {
  const today = berlinDate(ctx.now);
  // Files handed over from here stay whole until the hand-over has been sent to every workstation; then they are
  // copies like any other (handover-scope.ts), checked at once rather than with tomorrow's check.
  const away = await handedAwayHere(ctx.tx, own.office, own.deviceId);
  const handedOut = [...away].filter(([, h]) => h.sent).map(([id, h]) => ({ id, office: h.office }));
  const full = consentsChanged || (await readSetting(ctx.tx, SETTING_KEYS.syncScopeCheckedOn)) !== today;
  if (!full && !handedOut.length) return 0;
  // Only copies that arrived by sync: a file this vault created itself is never removed here, unless it was handed over.
  const ownIds = [own.deviceId, ...(await readPredecessors(ctx.tx)).map((p) => p.device)];
  const received = full
    ? ((await ctx.tx.query(
        `SELECT c.id, c.office FROM client c JOIN sync_clock k ON k.entity = 'client' AND k.entity_id = c.id AND k.field = '*'
         WHERE c.office <> ? AND k.device NOT IN (${ownIds.map(() => '?').join(',')})`,
        [own.office, ...ownIds],
      )) as { id: string; office: Office }[])
    : [];
  const copies = [...received.filter((c) => !away.has(c.id)), ...handedOut];
  // The document copies written for the new keeping office outlive this vault's copy of the file for a while.
  const keptUntil = addDays(today, HANDED_COPY_DAYS);
  for (const c of handedOut) {
    await ctx.tx.query(`UPDATE sync_blob SET kept_until = ? WHERE office = ? AND document_id IN (SELECT id FROM document WHERE client_id = ?)`, [keptUntil, c.office, c.id]);
  }
  const granted = await grantedCategories(ctx.tx, copies.map((c) => c.id), own.office, today);
  let count = 0;
  for (const { id, office } of copies) {
    const categories = granted.get(id);
    const scope: Scope | null = categories ? { owner: false, categories } : null;
    if (!(await narrowFile(ctx, id, office, scope))) continue;
    count++;
    const kept: DataCategory[] = categories ? [...categories].sort() : [];
    await appendAudit(ctx.tx, {
      at: ctx.now,
      actor: null,
      action: 'sync.purge',
      entity: 'client',
      entityId: id,
      fields: categories ? kept.map((c) => `kept:${c}`) : ['removed'],
    });
  }
  if (!full) return count;
  const checkedOn = await readSetting(ctx.tx, SETTING_KEYS.syncScopeCheckedOn);
  if (checkedOn !== today) await recordEndedConsents(ctx, own, checkedOn ?? addDays(today, -1), today);
  await writeSetting(ctx.tx, SETTING_KEYS.syncScopeCheckedOn, today);
  return count;
}

/**
 * The keeping office's side of an expiry: consents of its own files that named another office and ended since the
 * last check (valid until a day from `since` to yesterday) are recorded in its audit trail; the receiving office
 * records the removal of its copy.
 */
async function recordEndedConsents(ctx: NetworkContext, own: OwnDevice, since: string, today: string): Promise<void> {
  const ended = (await ctx.tx.query(
    `SELECT k.id, k.client_id, k.parties FROM consent k JOIN client c ON c.id = k.client_id
     WHERE c.office = ? AND k.revoked_on IS NULL AND k.parties <> '[]' AND k.valid_until >= ? AND k.valid_until < ?`,
    [own.office, since, today],
  )) as { id: string; client_id: string; parties: string }[];
  for (const k of ended) {
    await appendAudit(ctx.tx, {
      at: ctx.now,
      actor: null,
      action: 'sync.consentEnded',
      entity: 'client',
      entityId: k.client_id,
      fields: [`consent:${k.id}`, ...consentParties(k.parties).map((p) => `party:${p}`)],
    });
  }
}
