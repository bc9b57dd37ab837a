import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { berlinDate } from '../../contract/dates';
import { OFFICES, type Office } from '../../contract/offices';
import type { AggregateOverview, AggregatePublication, AggregateRecipient, CombinedStatistics, ReceivedAggregate } from '../../contract/types/statistics-types';
import { appendAudit } from '../../platform/audit/audit-log';
import { readShareFile, writeNewFile } from '../../platform/files/share-io';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { decodeHlc, encodeHlc, HLC_ZERO, tickHlc } from '../../platform/sync/hlc';
import { listDevices, type DeviceRow } from './device-registry';
import { loadOwnDevice, type OwnDevice } from './own-device';
import { onShare } from './share-errors';
import { shareLayout } from './share-layout';
import type { NetworkContext } from './sync-context';
import {
  AGGREGATE_MAX_BYTES,
  latestPerOfficeAndPeriod,
  openAggregate,
  openRecipient,
  sealAggregate,
  signRecipient,
  type AggregateHeader,
  type AggregateRefusal,
} from '../statistics/aggregate-record';
import { combineCounts, countStatistics, type StatisticsCounts } from '../statistics/statistics-counts';
import { statisticsDefinitions } from '../statistics/statistics-definitions';
import { publishStatistics } from '../statistics/statistics-report';

/**
 * Figures across offices without moving personal data (issue 12 item 2). An office's workstation counts its own
 * files (unsuppressed: the sum must be suppressed, not the parts) and puts the counts as a signed record into its
 * own device folder on the share, encrypted only to the workstations that receive aggregates for Koordination.
 * Koordination's workstation reads every member's records, refuses (and logs) what does not verify, keeps the
 * latest per office and period, adds the offices' counts and suppresses the sum.
 *
 * Which workstations are Koordination's: devices carry an office, not a role (a Koordination account sits on some
 * office's vault), so the device registry cannot tell. A workstation on which Koordination opens the aggregates
 * therefore publishes a signed statement in its own device folder (`statistics-recipient.json`); offices encrypt to
 * the member devices with such a statement and name them (office, fingerprint) in the answer and the audit trail.
 *
 * <share>/kim-akte-sync/devices/<device>/statistics-recipient.json   the device receives aggregates (signed)
 * <share>/kim-akte-sync/devices/<device>/statistics/<hlc>.kimstat    one publication of that device (signed)
 */
const RECIPIENT_FILE = 'statistics-recipient.json';
const AGGREGATE_EXT = '.kimstat';
/** The offices that keep KIM files; the ABH keeps none, so it is never "missing". */
const KIM_OFFICES: readonly Office[] = OFFICES.filter((o) => o !== 'abh-lunen');

const statisticsDir = (own: OwnDevice, device: string) => join(shareLayout(own.share).deviceDir(device), 'statistics');
const recipientFile = (own: OwnDevice, device: string) => join(shareLayout(own.share).deviceDir(device), RECIPIENT_FILE);

async function ownDevice(ctx: NetworkContext): Promise<OwnDevice> {
  const own = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
  if (!own) throw new AppError('network.notJoined');
  return own;
}

/** Devices whose files count: members and this workstation itself. */
const readable = (d: DeviceRow) => d.status === 'member' || d.status === 'self';

async function tickClock(ctx: NetworkContext): Promise<string> {
  const last = await readSetting(ctx.tx, SETTING_KEYS.hlc);
  const hlc = encodeHlc(tickHlc(last ? decodeHlc(last) : HLC_ZERO, ctx.now.getTime()));
  await writeSetting(ctx.tx, SETTING_KEYS.hlc, hlc);
  return hlc;
}

/** The member devices that have a valid signed statement that they receive aggregates. */
async function recipientDevices(ctx: NetworkContext, own: OwnDevice): Promise<(DeviceRow & { boxPublic: Buffer })[]> {
  const out: (DeviceRow & { boxPublic: Buffer })[] = [];
  for (const d of (await listDevices(ctx.tx)).filter(readable)) {
    const bytes = await onShare(() => readShareFile(ctx.io.fs, recipientFile(own, d.device_id), 64 * 1024));
    if (!bytes) continue;
    if (openRecipient(bytes.toString('utf8'), own.networkId, d.device_id, Buffer.from(d.sign_key, 'base64'))) out.push({ ...d, boxPublic: Buffer.from(d.box_key, 'base64') });
  }
  return out;
}

const recipientView = (d: DeviceRow): AggregateRecipient => ({ deviceId: d.device_id, office: d.office, fingerprint: d.fingerprint });

/**
 * statistics.publish: counts the caller's office for the period and publishes the counts to Koordination's
 * workstations. Republishing the period writes a newer record; Koordination takes the latest.
 */
export async function publishAggregate(ctx: NetworkContext, input: { from: string; to: string }): Promise<AggregatePublication> {
  const own = await ownDevice(ctx);
  const recipients = await recipientDevices(ctx, own);
  if (!recipients.length) throw new AppError('statistics.noRecipient');
  const office = ctx.user.office;
  const counts = await countStatistics(ctx.tx, { office, from: input.from, to: input.to, today: berlinDate(ctx.now) });
  const hlc = await tickClock(ctx);
  const publishedAt = ctx.now.toISOString();
  const sealedTo = recipients.map((r) => ({ device: r.device_id, boxPublic: r.boxPublic }));
  const text = sealAggregate({ network: own.networkId, device: own.deviceId, publishedAt, hlc, counts, recipients: sealedTo }, own.keys.signPrivate);
  const dir = statisticsDir(own, own.deviceId);
  const name = `${hlc}${AGGREGATE_EXT}`;
  await onShare(() => writeNewFile(ctx.io.fs, dir, name, Buffer.from(text, 'utf8'), { sleep: ctx.io.sleep }));
  // Should the call's transaction (and its audit entry) roll back, the publication must not stay on the share.
  ctx.onRollback(() => void ctx.io.fs.unlink(join(dir, name)).catch(() => undefined));
  ctx.audit.entityIds.push(...recipients.map((r) => r.device_id));
  ctx.audit.fields.push(`office:${office}`, `period:${input.from}..${input.to}`, `definitions:${counts.definitionsVersion}`, `hlc:${hlc}`);
  return { office, from: counts.from, to: counts.to, definitionsVersion: counts.definitionsVersion, publishedAt, recipients: recipients.map(recipientView) };
}

/** Puts this workstation's signed statement that it receives aggregates on the share, once. Returns whether it stands. */
async function announceRecipient(ctx: NetworkContext, own: OwnDevice): Promise<boolean> {
  const existing = await onShare(() => readShareFile(ctx.io.fs, recipientFile(own, own.deviceId), 64 * 1024));
  if (existing && openRecipient(existing.toString('utf8'), own.networkId, own.deviceId, own.keys.signPublic)) return true;
  if (existing) return false; // A foreign or broken file in our own folder: left for IT, never overwritten.
  const text = signRecipient({ v: 1, network: own.networkId, device: own.deviceId, since: ctx.now.toISOString() }, own.keys.signPrivate);
  await onShare(() => writeNewFile(ctx.io.fs, shareLayout(own.share).deviceDir(own.deviceId), RECIPIENT_FILE, Buffer.from(text, 'utf8'), { sleep: ctx.io.sleep }));
  await appendAudit(ctx.tx, { at: ctx.now, actor: ctx.user, action: 'network.receiveAggregates', entity: 'sync-device', entityId: own.deviceId, fields: [] });
  return true;
}

async function listFiles(ctx: NetworkContext, dir: string): Promise<string[]> {
  return onShare(async () => {
    try {
      return (await ctx.io.fs.readdir(dir)).filter((n) => n.endsWith(AGGREGATE_EXT) && !n.startsWith('.')).sort();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
  });
}

/** A refused record is logged once (per device, file and reason) in the audit trail: English code, no values. */
async function logRefusal(ctx: NetworkContext, device: string, file: string, reason: AggregateRefusal): Promise<void> {
  const fields = JSON.stringify([`reason:${reason}`, `file:${file}`]);
  const [seen] = (await ctx.tx.query(`SELECT 1 FROM audit_entry WHERE action = 'sync.aggregateRefused' AND entity_id = ? AND fields = ? LIMIT 1`, [device, fields])) as unknown[];
  if (seen) return;
  await appendAudit(ctx.tx, {
    at: ctx.now,
    actor: ctx.user,
    action: 'sync.aggregateRefused',
    entity: 'sync-device',
    entityId: device,
    fields: [`reason:${reason}`, `file:${file}`],
    outcome: 'denied',
  });
}

interface Received {
  header: AggregateHeader;
  counts: StatisticsCounts;
  view: ReceivedAggregate;
}

/** Reads, verifies and opens every aggregate on the share addressed to this workstation; latest per office and period. */
async function receivedAggregates(ctx: NetworkContext, own: OwnDevice): Promise<{ items: Received[]; refused: number; notAddressed: number }> {
  const devices = await listDevices(ctx.tx);
  const byId = new Map(devices.map((d) => [d.device_id, d]));
  const signKeyOf = (device: string) => {
    const d = byId.get(device);
    return d && readable(d) && d.sign_key ? Buffer.from(d.sign_key, 'base64') : null;
  };
  const folders = await onShare(async () => {
    try {
      return (await ctx.io.fs.readdir(shareLayout(own.share).devicesDir)).sort();
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
  });
  const items: Received[] = [];
  let refused = 0;
  let notAddressed = 0;
  for (const folder of folders) {
    for (const file of await listFiles(ctx, statisticsDir(own, folder))) {
      const bytes = await onShare(() => readShareFile(ctx.io.fs, join(statisticsDir(own, folder), file), AGGREGATE_MAX_BYTES * 2));
      if (!bytes) continue;
      const opened = openAggregate(bytes.toString('utf8'), { network: own.networkId, folderDevice: folder, self: own.deviceId, boxPrivate: own.keys.boxPrivate }, signKeyOf);
      if (!opened.ok) {
        if (opened.reason === 'notAddressed') {
          notAddressed++;
          continue;
        }
        refused++;
        await logRefusal(ctx, byId.has(folder) ? folder : 'unknown', file, opened.reason);
        continue;
      }
      const d = byId.get(opened.header.device)!;
      items.push({
        header: opened.header,
        counts: opened.counts,
        view: {
          office: opened.header.office,
          from: opened.header.from,
          to: opened.header.to,
          definitionsVersion: opened.header.definitionsVersion,
          publishedAt: opened.header.publishedAt,
          deviceId: opened.header.device,
          fingerprint: d.fingerprint,
          signatureVerified: true,
        },
      });
    }
  }
  return { items: latestPerOfficeAndPeriod(items), refused, notAddressed };
}

/** statistics.aggregates: makes this workstation a recipient (once) and lists what it has received. */
export async function listAggregates(ctx: NetworkContext): Promise<AggregateOverview> {
  const own = await ownDevice(ctx);
  const receiving = await announceRecipient(ctx, own);
  const { items, refused, notAddressed } = await receivedAggregates(ctx, own);
  ctx.audit.entityIds.push(...new Set(items.map((i) => i.view.deviceId)));
  return { receiving, definitionsVersion: statisticsDefinitions().version, aggregates: items.map((i) => i.view), refused, notAddressed };
}

/**
 * Checks that the parts can be added: one period, the definitions this workstation reads, the same rows and
 * columns in every table (a grouping changed by policy without a new version would shift cells).
 */
export function assertCombinable(parts: readonly StatisticsCounts[], ownVersion: string, period: { from: string; to: string }): void {
  if (parts.some((p) => p.from !== period.from || p.to !== period.to)) throw new AppError('statistics.periodMismatch', { from: period.from, to: period.to, periods: '' });
  const versions = [...new Set(parts.map((p) => p.definitionsVersion))];
  const [first] = parts;
  const sameLayout = parts.every(
    (p) =>
      p.tables.length === first!.tables.length &&
      p.tables.every((t, i) => {
        const f = first!.tables[i]!;
        return t.id === f.id && t.rows.join() === f.rows.join() && t.columns.join() === f.columns.join() && t.rowTotals === f.rowTotals && t.columnTotals === f.columnTotals;
      }),
  );
  if (versions.length !== 1 || versions[0] !== ownVersion || !sameLayout) {
    throw new AppError('statistics.definitionsMismatch', { versions: parts.map((p) => `${p.office}: ${p.definitionsVersion}`).join(', '), own: ownVersion });
  }
}

/** statistics.combine: the sum of the offices' latest counts for exactly this period, suppressed after adding. */
export async function combineAggregates(ctx: NetworkContext, input: { from: string; to: string }): Promise<CombinedStatistics> {
  const own = await ownDevice(ctx);
  const { items } = await receivedAggregates(ctx, own);
  const chosen = items.filter((i) => i.header.from === input.from && i.header.to === input.to);
  if (!chosen.length) {
    if (!items.length) throw new AppError('statistics.noAggregates', { from: input.from, to: input.to });
    const periods = [...new Set(items.map((i) => `${i.header.from}..${i.header.to}`))].join(', ');
    throw new AppError('statistics.periodMismatch', { from: input.from, to: input.to, periods });
  }
  const defs = statisticsDefinitions();
  const parts = chosen.map((c) => c.counts);
  assertCombinable(parts, defs.version, input);
  const combined = combineCounts(parts);
  const report = publishStatistics(combined, ctx.user.office, defs, ctx.now);
  const offices = chosen.map((c) => c.header.office);
  ctx.audit.entityIds.push(...chosen.map((c) => c.header.device));
  ctx.audit.fields.push(`period:${input.from}..${input.to}`, `offices:${offices.join(',')}`);
  return { report: { ...report, offices }, included: chosen.map((c) => c.view), missing: KIM_OFFICES.filter((o) => !offices.includes(o)) };
}
