import { AppError } from '../../contract/errors';
import { DEVICE_ID_PATTERN } from '../../contract/schemas/network-schemas';
import type { SyncRoundSummary } from '../../contract/types/network-types';
import { probeShare, readShareFile } from '../../platform/files/share-io';
import { SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { findDevice } from './device-registry';
import { readDeviceLog, type PayloadApplier } from './log-reader';
import { publishOwnFile, settleOwnLog, type ContentBuilder } from './log-writer';
import { buildDataBatch, entriesBehind, recipientGroups, type BatchState, type RecipientGroup } from './data-export';
import { RoundProgress } from './round-progress';
import type { SyncProgress } from '../../contract/types/network-types';
import { applyDataFile, retryParkedDocuments } from './data-import';
import { removeStaleCopies } from './document-copies';
import { entitiesToCheck, recordUnrecordedRows } from './unrecorded-rows';
import { purgeForeignCopies } from './data-purge';
import { considerCard, parseCard } from './membership';
import { loadOwnDevice, type OwnDevice } from './own-device';
import { isShareFailure, shareAppError } from './share-errors';
import { MAX_CARD_BYTES, shareLayout } from './share-layout';
import type { RoundCounts, SyncStep } from './sync-step';
import type { NetworkContext } from './sync-context';

/** Enrollments can chain within one round (A enrolls B, whose file enrolls C): read again, a few times at most. */
const MAX_PASSES = 4;

export interface RoundParts {
  /** Applies the content of a file addressed to this workstation; default: the data sync (data-import.ts). */
  applyPayload?: PayloadApplier;
  /** Whether this round sends data (data-export.ts); false: control records and checkpoints only. */
  sendData?: boolean;
  /** Called as the round gets on (network.status shows it until the caller clears it). */
  onProgress?: (p: SyncProgress | null) => void;
}

/** Files one round writes per group of devices at most; the next round (or the next timer tick) goes on. */
const MAX_FILES_PER_GROUP = 400;

/**
 * Writes data files for every group of member devices until each is up to date (or waits for a key); first removes
 * document copies nobody may fetch any more.
 */
async function publishData(step: SyncStep, own: OwnDevice, fs: NetworkContext['io']['fs'], sleep: NetworkContext['io']['sleep'], progress: RoundProgress): Promise<number> {
  let sent = 0;
  let waitingForKey = false;
  await step((ctx) => removeStaleCopies(ctx, own));
  const groups = await step((ctx) => recipientGroups(ctx.tx, own));
  const behind = async (group: RecipientGroup) => step((ctx) => entriesBehind(ctx.tx, group));
  const waiting = new Map<RecipientGroup, number>();
  for (const group of groups) waiting.set(group, await behind(group));
  progress.expect('sending', [...waiting.values()].reduce((a, b) => a + b, 0));
  for (const group of groups) {
    for (let i = 0; i < MAX_FILES_PER_GROUP; i++) {
      const last: { state: BatchState } = { state: 'done' };
      const build: ContentBuilder = async (ctx) => {
        const batch = await buildDataBatch(ctx, own, group);
        last.state = batch.state;
        return batch.content;
      };
      sent += await publishOwnFile(step, own, build, fs, sleep);
      const left = await behind(group);
      progress.advance('sending', waiting.get(group)! - left);
      waiting.set(group, left);
      waitingForKey ||= last.state === 'waitingForKey';
      if (last.state === 'done' || last.state === 'waitingForKey') break;
    }
  }
  await step((ctx) => writeSetting(ctx.tx, SETTING_KEYS.syncWaitingForKey, waitingForKey ? '1' : '0'));
  return sent;
}

async function deviceFolders(fs: NetworkContext['io']['fs'], dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => DEVICE_ID_PATTERN.test(name)).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
}

/** Reads every device folder once: new cards are considered, members' new files read. Returns whether anyone joined. */
async function readPass(step: SyncStep, own: OwnDevice, counts: RoundCounts, parts: RoundParts, fs: NetworkContext['io']['fs'], progress: RoundProgress): Promise<boolean> {
  const layout = shareLayout(own.share);
  let joined = false;
  for (const device of await deviceFolders(fs, layout.devicesDir)) {
    if (device === own.deviceId) continue;
    let row = await step((ctx) => findDevice(ctx.tx, device));
    if (!row || row.status === 'pending') {
      const text = await readShareFile(fs, layout.cardFile(device), MAX_CARD_BYTES);
      const card = text ? parseCard(text.toString('utf8'), own.networkId, device) : null;
      if (!card) continue;
      joined = (await step((ctx) => considerCard(ctx, own, card))) || joined;
      row = await step((ctx) => findDevice(ctx.tx, device));
    }
    if (!row || (row.status !== 'member' && row.status !== 'revoked')) continue;
    // A revoked device read up to its cut has nothing more for us: no listing of its folder, round after round.
    if (row.status === 'revoked' && row.read_seq >= (row.revoked_after_seq ?? 0)) continue;
    joined = (await readDeviceLog(step, own, row, counts, parts.applyPayload!, fs, progress)) || joined;
  }
  return joined;
}

/** WAL pages after which a commit folds the WAL into the database file while a round applies files (SQLite: 1,000). */
const APPLY_CHECKPOINT_PAGES = 16_384;
const DEFAULT_CHECKPOINT_PAGES = 1_000;

/**
 * Applies files with the WAL folded into the database file every 64 MiB instead of every 4 MiB. A file of 10,000
 * rows fills more than 4 MiB, so by default every file's commit also copied its pages into a large database file
 * and synced it: the biggest single cost of an initial sync, growing with the vault. Less often, a page that many
 * files touch (indexes, clocks) is copied once per fold. Durability is unchanged: each commit still syncs the WAL.
 * The idle checkpoint (platform/vault/idle-checkpoint.ts) folds what is left once the round is over.
 */
async function withRareCheckpoints(step: SyncStep, fn: () => Promise<void>): Promise<void> {
  await step((ctx) => ctx.tx.query(`PRAGMA wal_autocheckpoint = ${APPLY_CHECKPOINT_PAGES}`));
  try {
    await fn();
  } finally {
    await step((ctx) => ctx.tx.query(`PRAGMA wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`)).catch(() => undefined);
  }
}

async function recordRound(step: SyncStep, summary: SyncRoundSummary): Promise<void> {
  await step(async (ctx) => {
    await writeSetting(ctx.tx, SETTING_KEYS.syncLastRound, JSON.stringify(summary));
    if (summary.outcome === 'ok') await writeSetting(ctx.tx, SETTING_KEYS.syncLastSuccess, summary.at);
  });
}

/**
 * One full sync round: settle this device's own log (crash recovery, restored-vault fork), read every member's new
 * files in order, then write this device's next file. Each file is applied in its own transaction, so a crash or
 * a share that vanishes mid-round loses nothing and applies nothing twice. An unreachable share ends the round as
 * offline with network.shareUnreachable; nothing local changes but the round's summary.
 */
export async function runSyncRound(step: SyncStep, parts: RoundParts = {}): Promise<RoundCounts> {
  const { own, fs, sleep, started } = await step(async (ctx) => {
    const loaded = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
    if (!loaded) throw new AppError('network.notJoined');
    const self = await findDevice(ctx.tx, loaded.deviceId);
    if (self?.status === 'revoked') throw new AppError('network.deviceRevoked');
    return { own: loaded, fs: ctx.io.fs, sleep: ctx.io.sleep, started: ctx.now.toISOString() };
  });
  const counts: RoundCounts = { sent: 0, received: 0, applied: 0, conflicts: 0, rejected: 0 };
  const progress = new RoundProgress(parts.onProgress);
  try {
    const state = await probeShare(fs, shareLayout(own.share).root);
    if (state === 'missing') throw new AppError('network.shareUnreachable', { reason: 'missing' });
    const current = await settleOwnLog(step, own, fs);
    for (const entity of await step((ctx) => entitiesToCheck(ctx))) await step((ctx) => recordUnrecordedRows(ctx, current, entity));
    let consentsChanged = false;
    const applyPayload: PayloadApplier =
      parts.applyPayload ??
      (async (ctx, file, c) => {
        consentsChanged = (await applyDataFile(ctx, current, file, c)) || consentsChanged;
      });
    await withRareCheckpoints(step, async () => {
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        if (!(await readPass(step, current, counts, { ...parts, applyPayload }, fs, progress))) break;
      }
    });
    if (!parts.applyPayload) await step((ctx) => retryParkedDocuments(ctx, current, counts));
    await step((ctx) => purgeForeignCopies(ctx, current, consentsChanged));
    const revoked = await step(async (ctx) => (await findDevice(ctx.tx, current.deviceId))?.status === 'revoked');
    if (revoked) throw new AppError('network.deviceRevoked');
    if (state === 'ok') {
      if (parts.sendData !== false) counts.sent += await publishData(step, current, fs, sleep, progress);
      // Control records and a due checkpoint go out even when there was no data to carry them.
      counts.sent += await publishOwnFile(step, current, null, fs, sleep);
    }
    await recordRound(step, { at: started, outcome: state === 'ok' ? 'ok' : 'offline', code: state === 'ok' ? null : 'network.shareReadOnly', ...counts });
    if (state === 'readOnly') throw new AppError('network.shareReadOnly');
    return counts;
  } catch (error) {
    if (error instanceof AppError && error.code === 'network.shareReadOnly') throw error;
    // A share that fails mid-round is offline, not an error of the vault; anything else is reported as it is.
    const failure = error instanceof AppError ? error : isShareFailure(error) ? shareAppError(error) : null;
    const code = failure?.code ?? 'internal';
    const outcome = code.startsWith('network.share') ? 'offline' : 'error';
    await recordRound(step, { at: started, outcome, code, ...counts }).catch(() => undefined);
    throw failure ?? error;
  }
}
