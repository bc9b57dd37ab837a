import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { listNumbered, readShareFile, seqFileName, ShareError, writeNewFile } from '../../platform/files/share-io';
import { bundleHash, encodeBundle } from '../../platform/sync/bundle-codec';
import { newDeviceKeys, signBytes } from '../../platform/sync/device-keys';
import { signRecord } from '../../platform/sync/signed-record';
import { decodeHlc, encodeHlc, HLC_ZERO, tickHlc } from '../../platform/sync/hlc';
import { deleteSetting, readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { appendAudit } from '../../platform/audit/audit-log';
import { putDevice } from './device-registry';
import type { ControlRecord } from './control-records';
import { CARD_RECORD, deviceFingerprint, successorStatement, type DeviceCard } from './network-records';
import { readLogPosition, saveOwnDevice, writeLogPosition, type OwnDevice, readPredecessors } from './own-device';
import { LOG_EXT, MAX_LOG_FILE_BYTES, shareLayout } from './share-layout';
import type { SyncStep } from './sync-step';
import type { NetworkContext } from './sync-context';

/** A checkpoint of the audit head goes out with every file, and on its own at most this often. */
export const CHECKPOINT_INTERVAL_MS = 15 * 60 * 1000;

interface Pending {
  seq: number;
  hash: string;
  outboxMax: number;
  checkpointId: number | null;
  /** The devices the content was for, and how far of the change log it carried them. */
  sentTo?: SentTo | null;
}

export interface SentTo {
  devices: string[];
  upto: number;
}

/** What a file carries besides control records: content for the addressed devices (the data sync fills it). */
export interface OutgoingContent {
  recipients: { device: string; boxPublic: Buffer }[];
  payload: Buffer;
  /** Recorded in the transaction that records the file as published (also after a crash in between). */
  sentTo: SentTo;
}

export type ContentBuilder = (ctx: NetworkContext, own: OwnDevice) => Promise<OutgoingContent | null>;

/** Records how far of the change log these devices have been sent. */
export async function advanceSent(ctx: NetworkContext, sent: SentTo): Promise<void> {
  for (const device of sent.devices) {
    await ctx.tx.query('UPDATE sync_device SET sent_upto = ? WHERE device_id = ? AND sent_upto < ?', [sent.upto, device, sent.upto]);
  }
}

async function readPending(ctx: NetworkContext): Promise<Pending | null> {
  const text = await readSetting(ctx.tx, SETTING_KEYS.syncPending);
  return text ? (JSON.parse(text) as Pending) : null;
}

async function tickClock(ctx: NetworkContext): Promise<string> {
  const last = await readSetting(ctx.tx, SETTING_KEYS.hlc);
  const hlc = encodeHlc(tickHlc(last ? decodeHlc(last) : HLC_ZERO, ctx.now.getTime()));
  await writeSetting(ctx.tx, SETTING_KEYS.hlc, hlc);
  return hlc;
}

/** Records a file as on the share: the log position, the outbox it carried, the checkpoint it published. */
async function commitPublished(ctx: NetworkContext, own: OwnDevice, p: Pending, hlc: string | null): Promise<void> {
  await writeLogPosition(ctx.tx, p.seq, p.hash);
  await ctx.tx.query('DELETE FROM sync_outbox WHERE id <= ?', [p.outboxMax]);
  if (p.checkpointId !== null) {
    await writeSetting(ctx.tx, SETTING_KEYS.syncCheckpointAuditId, String(p.checkpointId));
    await writeSetting(ctx.tx, SETTING_KEYS.syncCheckpointAt, ctx.now.toISOString());
  }
  await ctx.tx.query('UPDATE sync_device SET read_seq = ?, read_hash = ?, last_hlc = COALESCE(?, last_hlc) WHERE device_id = ?', [p.seq, p.hash, hlc, own.deviceId]);
  if (p.sentTo) await advanceSent(ctx, p.sentTo);
  await deleteSetting(ctx.tx, SETTING_KEYS.syncPending);
}

/**
 * Before writing, makes sure this device's log on the share is the one the vault remembers. A file prepared in an
 * earlier round that reached the share is recorded now (crash between writing and committing); one that never
 * reached it is forgotten (its content is still waiting in the vault). More files on the share than the vault knows,
 * or a different file under the remembered number, means this vault was restored from a backup or copied to a
 * second PC: it must not write those numbers again, so it takes a new device identity (fork).
 * Returns the (possibly new) own device.
 */
export async function settleOwnLog(step: SyncStep, own: OwnDevice, fs: NetworkContext['io']['fs']): Promise<OwnDevice> {
  // Restored from a backup (api/session/vault-restore.ts): files this identity wrote after the backup may be on the
  // share, or in a round not reachable now; a new identity is the only way to be sure no number is written twice.
  if (await step((ctx) => readSetting(ctx.tx, SETTING_KEYS.syncRestored))) return forkIdentity(step, own, 'restored from a backup');
  const dir = shareLayout(own.share).logDir(own.deviceId);
  const pending = await step((ctx) => readPending(ctx));
  if (pending) {
    const bytes = await readShareFile(fs, join(dir, seqFileName(pending.seq, LOG_EXT)), MAX_LOG_FILE_BYTES);
    if (bytes && bundleHash(bytes) === pending.hash) await step((ctx) => commitPublished(ctx, own, pending, null));
    else if (!bytes) await step((ctx) => deleteSetting(ctx.tx, SETTING_KEYS.syncPending));
    else return forkIdentity(step, own, 'a different file stands under the number this vault last prepared');
  }
  const position = await step((ctx) => readLogPosition(ctx.tx));
  const seqs = await listNumbered(fs, dir, LOG_EXT);
  const newest = seqs.at(-1) ?? 0;
  if (newest > position.seq) return forkIdentity(step, own, `the share holds file ${newest}, this vault knows only ${position.seq}`);
  return own;
}

/**
 * Gives this workstation a new device identity that succeeds the old one: new keys, a card signed by the old key,
 * a fresh log. The old identity stays a member; its files on the share (written before a restore) are read back
 * like any member's, so changes made after the backup return to this vault.
 */
async function forkIdentity(step: SyncStep, own: OwnDevice, reason: string): Promise<OwnDevice> {
  return step(async (ctx) => {
    const keys = newDeviceKeys();
    const deviceId = randomUUID();
    const unsigned = {
      network: own.networkId,
      device: deviceId,
      office: own.office,
      signKey: keys.signPublic.toString('base64'),
      boxKey: keys.boxPublic.toString('base64'),
      createdAt: ctx.now.toISOString(),
    };
    const card: DeviceCard = {
      ...unsigned,
      enrollment: { kind: 'successor', predecessor: own.deviceId, proof: signBytes(own.keys.signPrivate, successorStatement(unsigned, own.deviceId)).toString('base64') },
    };
    const layout = shareLayout(own.share);
    await writeNewFile(ctx.io.fs, layout.deviceDir(deviceId), 'card.json', Buffer.from(signRecord(CARD_RECORD, card, keys.signPrivate), 'utf8'), { sleep: ctx.io.sleep });
    const position = await readLogPosition(ctx.tx);
    await ctx.tx.query(`UPDATE sync_device SET status = 'member', read_seq = ?, read_hash = ? WHERE device_id = ?`, [position.seq, position.hash, own.deviceId]);
    await putDevice(ctx.tx, {
      deviceId,
      office: own.office,
      signKey: unsigned.signKey,
      boxKey: unsigned.boxKey,
      fingerprint: deviceFingerprint(own.networkId, keys.signPublic, keys.boxPublic),
      status: 'self',
      enrolledBy: own.deviceId,
      at: ctx.now.toISOString(),
    });
    // The audit anchor checks the old identity's checkpoints only up to what this vault itself wrote.
    const predecessors = await readPredecessors(ctx.tx);
    await writeSetting(ctx.tx, SETTING_KEYS.networkPredecessors, JSON.stringify([...predecessors, { device: own.deviceId, upTo: position.seq }]));
    const next: OwnDevice = { ...own, deviceId, keys };
    await saveOwnDevice(ctx.tx, next);
    await deleteSetting(ctx.tx, SETTING_KEYS.syncSeq);
    await deleteSetting(ctx.tx, SETTING_KEYS.syncHash);
    await deleteSetting(ctx.tx, SETTING_KEYS.syncPending);
    await deleteSetting(ctx.tx, SETTING_KEYS.syncRestored);
    await writeSetting(ctx.tx, SETTING_KEYS.networkEnrolled, '1');
    await appendAudit(ctx.tx, { at: ctx.now, actor: null, action: 'network.fork', entity: 'sync-device', entityId: deviceId, fields: [`predecessor:${own.deviceId}`, reason.slice(0, 120)] });
    return next;
  });
}

/** The newest audit entry whose hash is final, to anchor in the log. */
async function auditHead(ctx: NetworkContext): Promise<{ id: number; hash: string } | null> {
  const [row] = (await ctx.tx.query('SELECT id, hash FROM audit_entry WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1')) as { id: number; hash: string }[];
  return row ?? null;
}

async function checkpointDue(ctx: NetworkContext, head: { id: number } | null, carrying: boolean): Promise<boolean> {
  if (!head) return false;
  const last = Number((await readSetting(ctx.tx, SETTING_KEYS.syncCheckpointAuditId)) ?? '0');
  if (head.id <= last) return false;
  if (carrying) return true;
  const at = await readSetting(ctx.tx, SETTING_KEYS.syncCheckpointAt);
  return !at || ctx.now.getTime() - Date.parse(at) >= CHECKPOINT_INTERVAL_MS;
}

/**
 * Writes this device's next file if there is anything to send: queued control records, content from `build`, or
 * a due audit checkpoint. The file is prepared and remembered in one transaction, written to the share under a
 * temporary name and renamed, then recorded as published in a second transaction (see settleOwnLog for crashes).
 * Returns how many files were written (0 or 1).
 */
export async function publishOwnFile(step: SyncStep, own: OwnDevice, build: ContentBuilder | null, fs: NetworkContext['io']['fs'], sleep?: (ms: number) => Promise<void>): Promise<number> {
  let content: OutgoingContent | null = null;
  const prepared = await step(async (ctx) => {
    const outbox = (await ctx.tx.query('SELECT id, record FROM sync_outbox ORDER BY id')) as { id: number; record: string }[];
    content = build ? await build(ctx, own) : null;
    const head = await auditHead(ctx);
    const withCheckpoint = await checkpointDue(ctx, head, outbox.length > 0 || content !== null);
    if (!outbox.length && !content && !withCheckpoint) return null;
    const control: ControlRecord[] = outbox.map((r) => JSON.parse(r.record) as ControlRecord);
    if (withCheckpoint && head) control.push({ type: 'audit-checkpoint', entryId: head.id, hash: head.hash });
    const position = await readLogPosition(ctx.tx);
    const hlc = await tickClock(ctx);
    const c = content as OutgoingContent | null;
    const bytes = encodeBundle(
      {
        network: own.networkId,
        device: own.deviceId,
        seq: position.seq + 1,
        prev: position.seq === 0 ? null : position.hash,
        hlc,
        control,
        recipients: c?.recipients ?? [],
        payload: c?.payload ?? Buffer.alloc(0),
      },
      own.keys.signPrivate,
    );
    const pending: Pending = {
      seq: position.seq + 1,
      hash: bundleHash(bytes),
      outboxMax: outbox.at(-1)?.id ?? 0,
      checkpointId: withCheckpoint && head ? head.id : null,
      sentTo: c?.sentTo ?? null,
    };
    await writeSetting(ctx.tx, SETTING_KEYS.syncPending, JSON.stringify(pending));
    return { bytes, pending, hlc };
  });
  if (!prepared) return 0;
  const dir = shareLayout(own.share).logDir(own.deviceId);
  try {
    await writeNewFile(fs, dir, seqFileName(prepared.pending.seq, LOG_EXT), prepared.bytes, { sleep });
  } catch (error) {
    // The number is taken: another copy of this vault writes under the same identity. The next round forks.
    if (error instanceof ShareError && error.reason === 'exists') return 0;
    throw error;
  }
  await step((ctx) => commitPublished(ctx, own, prepared.pending, prepared.hlc));
  return 1;
}
