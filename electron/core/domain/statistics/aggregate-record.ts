import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { OFFICES } from '../../contract/offices';
import { STATISTICS_TABLES } from '../../contract/statistics-domain';
import { DEVICE_ID_PATTERN } from '../../contract/schemas/network-schemas';
import { readRecord, signRecord, verifyRecord } from '../../platform/sync/signed-record';
import { open, seal } from '../../platform/vault/sealed-box';
import type { StatisticsCounts } from './statistics-counts';

/**
 * The signed aggregate an office's workstation publishes for Koordination (issue 12 item 2). In the clear, signed
 * with the device key: which network, device, office and period, the definitions version and the device's clock.
 * Encrypted (AES-256-GCM, the content key sealed to each of Koordination's devices, bound to that header): the
 * office's unsuppressed counts. Counts only: no name, id, date of a person or free text, in either part.
 */
export const AGGREGATE_RECORD = 'statistics-aggregate';
/** A workstation that receives aggregates says so in its own device folder, signed (aggregate-share.ts). */
export const RECIPIENT_RECORD = 'statistics-recipient';
export const AGGREGATE_MAX_BYTES = 1024 * 1024;

const deviceId = z.string().regex(DEVICE_ID_PATTERN);
const day = z.iso.date();
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const aggregateHeaderSchema = z.strictObject({
  v: z.literal(1),
  network: deviceId,
  device: deviceId,
  office: z.enum(OFFICES),
  from: day,
  to: day,
  definitionsVersion: z.string().min(1).max(40),
  publishedAt: z.iso.datetime(),
  /** The publishing device's hybrid logical clock: latest wins per office and period by (hlc, device). */
  hlc: z.string().regex(/^\d{15}-\d{6}$/),
  /** Recipient device → the content key sealed to its box key. */
  keys: z.record(deviceId, z.string().max(200)),
  /** IV, tag and ciphertext of the counts, base64. */
  content: z.string().max(AGGREGATE_MAX_BYTES),
});
export type AggregateHeader = z.infer<typeof aggregateHeaderSchema>;

export const recipientSchema = z.strictObject({ v: z.literal(1), network: deviceId, device: deviceId, since: z.iso.datetime() });
export type RecipientRecord = z.infer<typeof recipientSchema>;

const count = z.number().int().min(0).max(1e9);
/** What a recipient accepts as counts: the additive shape of StatisticsCounts, nothing more. */
const countsSchema = z.strictObject({
  office: z.enum(OFFICES),
  from: day,
  to: day,
  definitionsVersion: z.string().min(1).max(40),
  tables: z
    .array(
      z.strictObject({
        id: z.enum(STATISTICS_TABLES),
        rows: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/i)).max(100),
        columns: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/i)).max(100),
        cells: z.array(z.array(count)),
        rowTotals: z.boolean(),
        columnTotals: z.boolean(),
      }),
    )
    .max(STATISTICS_TABLES.length),
  durationDays: z.record(z.string().regex(/^\d{1,6}$/), count),
});

/** Everything the header says, in one line each: what the content key is sealed to and the ciphertext bound to. */
function binding(h: Omit<AggregateHeader, 'keys' | 'content'>): string {
  return ['kim-akte statistics v1', h.network, h.device, h.office, h.from, h.to, h.definitionsVersion, h.publishedAt, h.hlc].join('\n');
}

const keyPurpose = (h: Omit<AggregateHeader, 'keys' | 'content'>, recipient: string) => `${binding(h)}\nto ${recipient}`;

export interface AggregateDraft {
  network: string;
  device: string;
  publishedAt: string;
  hlc: string;
  counts: StatisticsCounts;
  recipients: { device: string; boxPublic: Buffer }[];
}

/** The record's text, signed with the publishing device's key. */
export function sealAggregate(d: AggregateDraft, signPrivate: Buffer): string {
  const base = {
    v: 1 as const,
    network: d.network,
    device: d.device,
    office: d.counts.office,
    from: d.counts.from,
    to: d.counts.to,
    definitionsVersion: d.counts.definitionsVersion,
    publishedAt: d.publishedAt,
    hlc: d.hlc,
  };
  const contentKey = randomBytes(32);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
    cipher.setAAD(Buffer.from(binding(base), 'utf8'));
    const ct = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(d.counts), 'utf8')), cipher.final()]);
    const keys: Record<string, string> = {};
    for (const r of d.recipients) keys[r.device] = seal(contentKey, r.boxPublic, keyPurpose(base, r.device));
    const header: AggregateHeader = { ...base, keys, content: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64') };
    return signRecord(AGGREGATE_RECORD, header, signPrivate);
  } finally {
    contentKey.fill(0);
  }
}

/** Why a record on the share was not used (English codes, for the log and the audit trail). */
export type AggregateRefusal = 'malformed' | 'unknownDevice' | 'badSignature' | 'misplaced' | 'notAddressed' | 'undecryptable' | 'inconsistent';

export type OpenedAggregate = { ok: true; header: AggregateHeader; counts: StatisticsCounts } | { ok: false; reason: AggregateRefusal; header?: AggregateHeader };

/**
 * Checks and opens a record read from device `folderDevice`'s folder: parses, verifies the signature with the key
 * the registry holds for that device (`signKeyOf`; null: not a member), checks that it names this network and its
 * own folder, unwraps the content key with this device's box key and checks that the counts say what the signed
 * header says. Any failure is a refusal, never a partial result.
 */
export function openAggregate(
  text: string,
  where: { network: string; folderDevice: string; self: string; boxPrivate: Buffer },
  signKeyOf: (device: string) => Buffer | null,
): OpenedAggregate {
  let header: AggregateHeader;
  let record;
  try {
    record = readRecord(text, AGGREGATE_RECORD, AGGREGATE_MAX_BYTES * 2);
    const parsed = aggregateHeaderSchema.safeParse(record.payload);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    header = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const signKey = signKeyOf(header.device);
  if (!signKey) return { ok: false, reason: 'unknownDevice', header };
  if (!verifyRecord(record, AGGREGATE_RECORD, signKey)) return { ok: false, reason: 'badSignature', header };
  if (header.network !== where.network || header.device !== where.folderDevice) return { ok: false, reason: 'misplaced', header };
  const sealed = header.keys[where.self];
  if (!sealed) return { ok: false, reason: 'notAddressed', header };
  const contentKey = open(sealed, where.boxPrivate, keyPurpose(header, where.self));
  if (!contentKey) return { ok: false, reason: 'undecryptable', header };
  let plain: Buffer;
  try {
    const raw = Buffer.from(header.content, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', contentKey, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(binding(header), 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return { ok: false, reason: 'undecryptable', header };
  } finally {
    contentKey.fill(0);
  }
  let counts: StatisticsCounts;
  try {
    const parsed = countsSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success) return { ok: false, reason: 'inconsistent', header };
    counts = parsed.data;
  } catch {
    return { ok: false, reason: 'inconsistent', header };
  }
  const sameShape = counts.tables.every((t) => t.cells.length === t.rows.length && t.cells.every((r) => r.length === t.columns.length));
  if (!sameShape || counts.office !== header.office || counts.from !== header.from || counts.to !== header.to || counts.definitionsVersion !== header.definitionsVersion) {
    return { ok: false, reason: 'inconsistent', header };
  }
  return { ok: true, header, counts };
}

/** The signed statement with which a workstation offers to receive aggregates. */
export function signRecipient(r: RecipientRecord, signPrivate: Buffer): string {
  return signRecord(RECIPIENT_RECORD, r, signPrivate);
}

/** A recipient statement found in `folderDevice`'s folder, if it is signed by that device and names this network. */
export function openRecipient(text: string, network: string, folderDevice: string, signKey: Buffer): RecipientRecord | null {
  try {
    const record = readRecord(text, RECIPIENT_RECORD);
    const parsed = recipientSchema.safeParse(record.payload);
    if (!parsed.success || parsed.data.network !== network || parsed.data.device !== folderDevice) return null;
    return verifyRecord(record, RECIPIENT_RECORD, signKey) ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Orders two publications of one office and period: the later clock wins, the device id breaks ties (a total order). */
export function newerAggregate(a: Pick<AggregateHeader, 'hlc' | 'device'>, b: Pick<AggregateHeader, 'hlc' | 'device'>): boolean {
  return a.hlc > b.hlc || (a.hlc === b.hlc && a.device > b.device);
}

/** Latest wins per office and period, independent of the order the records were read in. */
export function latestPerOfficeAndPeriod<T extends { header: Pick<AggregateHeader, 'office' | 'from' | 'to' | 'hlc' | 'device'> }>(items: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const key = `${item.header.office}|${item.header.from}|${item.header.to}`;
    const current = best.get(key);
    if (!current || newerAggregate(item.header, current.header)) best.set(key, item);
  }
  return [...best.values()].sort((x, y) => x.header.from.localeCompare(y.header.from) || x.header.to.localeCompare(y.header.to) || x.header.office.localeCompare(y.header.office));
}
