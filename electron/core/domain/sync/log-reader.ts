import { join } from 'node:path';
import { listNumbered, readShareFile, seqFileName } from '../../platform/files/share-io';
import { bundleHash, openBundle, readBundleHeader, verifyBundle, type BundleHeader } from '../../platform/sync/bundle-codec';
import { WireError } from '../../platform/sync/wire-error';
import { decodeHlc, encodeHlc, HLC_ZERO, receiveHlc } from '../../platform/sync/hlc';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import { advanceDevice, findDevice, freezeDevice, type DeviceRow } from './device-registry';
import { parseControl } from './control-records';
import { applyControl } from './membership';
import { RoundProgress } from './round-progress';
import type { OwnDevice } from './own-device';
import { quarantineFile, type QuarantineReason } from './quarantine';
import { LOG_EXT, MAX_LOG_FILE_BYTES, shareLayout } from './share-layout';
import type { RoundCounts, SyncStep } from './sync-step';
import type { NetworkContext } from './sync-context';
import { appendAudit } from '../../platform/audit/audit-log';

/** What a verified file carries to the appliers: its header and, when addressed to this office, its content. */
export interface VerifiedFile {
  device: string;
  seq: number;
  hash: string;
  header: BundleHeader;
  payload: Buffer | null;
}

/** Applies a verified file's content (changes) in the file's transaction; the data sync plugs in here. */
export type PayloadApplier = (ctx: NetworkContext, file: VerifiedFile, counts: RoundCounts) => Promise<void>;

/** Moves the local clock past a remote file's clock, so local edits made after reading it order after it. */
async function receiveClock(ctx: NetworkContext, remote: string): Promise<void> {
  let remoteHlc;
  try {
    remoteHlc = decodeHlc(remote);
  } catch {
    return;
  }
  const last = await readSetting(ctx.tx, SETTING_KEYS.hlc);
  const next = receiveHlc(last ? decodeHlc(last) : HLC_ZERO, remoteHlc, ctx.now.getTime());
  await writeSetting(ctx.tx, SETTING_KEYS.hlc, encodeHlc(next));
}

function wireReason(error: WireError): QuarantineReason {
  return error.reason;
}

/**
 * Reads the files of one member device that this workstation has not read yet, strictly in order: each must carry
 * the device's signature, its own number and device id, and the hash of the file before it. A file that fails is
 * quarantined and the device waits behind it (its later files cannot be trusted past a break); a correctly signed
 * file that does not chain to the one read before means the device signed two histories: it is frozen for IT.
 * Returns whether any device became a member (the round then reads again).
 */
export async function readDeviceLog(
  step: SyncStep,
  own: OwnDevice,
  device: DeviceRow,
  counts: RoundCounts,
  applyPayload: PayloadApplier,
  fs: NetworkContext['io']['fs'],
  progress: RoundProgress = new RoundProgress(),
): Promise<boolean> {
  const layout = shareLayout(own.share);
  const dir = layout.logDir(device.device_id);
  const seqs = (await listNumbered(fs, dir, LOG_EXT)).filter((s) => s > device.read_seq);
  progress.expect('receiving', seqs.length);
  let expected = device.read_seq + 1;
  let prevHash = device.read_hash;
  let enrolledAny = false;
  const signKey = Buffer.from(device.sign_key, 'base64');
  for (const seq of seqs) {
    // A gap: the file may still be on its way (SMB listings lag); read on from here next round.
    if (seq !== expected) break;
    if (device.status === 'revoked' && seq > (device.revoked_after_seq ?? 0)) break;
    const path = join(dir, seqFileName(seq, LOG_EXT));
    const bytes = await readShareFile(fs, path, MAX_LOG_FILE_BYTES);
    if (!bytes) break;
    const hash = bundleHash(bytes);
    const refuse = async (reason: QuarantineReason) => {
      counts.rejected++;
      await step((ctx) => quarantineFile(ctx, { device: device.device_id, seq, hash, path }, reason));
    };
    let header: BundleHeader;
    try {
      header = readBundleHeader(bytes).header;
    } catch (error) {
      if (error instanceof WireError) await refuse(wireReason(error));
      else throw error;
      break;
    }
    if (!verifyBundle(bytes, signKey)) {
      await refuse('badSignature');
      break;
    }
    if (header.network !== own.networkId || header.device !== device.device_id || header.seq !== seq) {
      await refuse('misplaced');
      break;
    }
    if ((header.prev ?? null) !== (prevHash ?? null)) {
      counts.rejected++;
      await step(async (ctx) => {
        await freezeDevice(ctx.tx, device.device_id, `file ${seq} does not follow file ${seq - 1} read before`);
        await appendAudit(ctx.tx, { at: ctx.now, actor: null, action: 'sync.freeze', entity: 'sync-device', entityId: device.device_id, fields: [`seq:${seq}`], outcome: 'denied' });
      });
      break;
    }
    const control = parseControl(header.control);
    if (!control) {
      await refuse('badControl');
      break;
    }
    let payload: Buffer | null;
    try {
      payload = openBundle(bytes, { device: own.deviceId, boxPrivate: own.keys.boxPrivate });
    } catch (error) {
      if (error instanceof WireError) await refuse(wireReason(error));
      else throw error;
      break;
    }
    const file: VerifiedFile = { device: device.device_id, seq, hash, header, payload };
    const enrolled = await step(async (ctx) => {
      // Re-read the row inside the transaction: a revocation read earlier in this round may have cut the device off.
      const current = await findDevice(ctx.tx, device.device_id);
      if (!current || current.read_seq !== seq - 1 || current.status === 'frozen') return null;
      if (current.status === 'revoked' && seq > (current.revoked_after_seq ?? 0)) return null;
      const became = await applyControl(ctx, own, device.device_id, control);
      await applyPayload(ctx, file, counts);
      await receiveClock(ctx, header.hlc);
      await advanceDevice(ctx.tx, device.device_id, seq, hash, header.hlc, ctx.now.toISOString());
      return became;
    });
    if (enrolled === null) break;
    counts.received++;
    progress.advance('receiving');
    enrolledAny ||= enrolled;
    expected = seq + 1;
    prevHash = hash;
  }
  return enrolledAny;
}
