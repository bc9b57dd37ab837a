import { join } from 'node:path';
import type { AuditAnchorCheck, ChainBreak } from '../../contract/types/audit-types';
import { listNumbered, probeShare, readShareFile, seqFileName } from '../../platform/files/share-io';
import { readBundleHeader, verifyBundle } from '../../platform/sync/bundle-codec';
import { hashesEqual } from '../../platform/audit/audit-chain';
import { parseControl } from './control-records';
import { findDevice } from './device-registry';
import { loadOwnDevice, readLogPosition, readPredecessors } from './own-device';
import { isShareFailure } from './share-errors';
import { LOG_EXT, MAX_LOG_FILE_BYTES, shareLayout } from './share-layout';
import type { NetworkContext } from './sync-context';

/**
 * The external anchor of the audit trail: compares the local trail with every checkpoint of its head that this
 * workstation (under its current and earlier device identities) signed into its log on the share. Someone who
 * rewrites the local history, even with the database key, cannot re-sign the files already on the share.
 * Returns null before the workstation joined a network.
 */
export async function checkAuditAnchor(ctx: NetworkContext): Promise<{ check: AuditAnchorCheck; firstBreak: ChainBreak | null } | null> {
  const own = await loadOwnDevice(ctx.tx, ctx.workstationOffice);
  if (!own) return null;
  const position = await readLogPosition(ctx.tx);
  const identities = [...(await readPredecessors(ctx.tx)), { device: own.deviceId, upTo: position.seq }];
  const layout = shareLayout(own.share);
  let checked = 0;
  let missingFiles = 0;
  let firstBreak: ChainBreak | null = null;
  // An absent folder lists as empty: tell "not reachable" apart from "files removed" before counting.
  if ((await probeShare(ctx.io.fs, layout.root)) === 'missing') return { check: { state: 'unreachable', checked: 0, missingFiles: 0 }, firstBreak: null };
  try {
    for (const { device, upTo: written } of identities) {
      const row = await findDevice(ctx.tx, device);
      if (!row) continue;
      const key = Buffer.from(row.sign_key, 'base64');
      const present = new Set(await listNumbered(ctx.io.fs, layout.logDir(device), LOG_EXT));
      for (let seq = 1; seq <= written; seq++) {
        if (!present.has(seq)) {
          missingFiles++;
          continue;
        }
        const bytes = await readShareFile(ctx.io.fs, join(layout.logDir(device), seqFileName(seq, LOG_EXT)), MAX_LOG_FILE_BYTES);
        if (!bytes || !verifyBundle(bytes, key)) continue;
        const control = parseControl(readBundleHeader(bytes).header.control) ?? [];
        for (const r of control) {
          if (r.type !== 'audit-checkpoint') continue;
          checked++;
          const [entry] = (await ctx.tx.query('SELECT hash FROM audit_entry WHERE id = ?', [r.entryId])) as { hash: string | null }[];
          if ((!entry || !hashesEqual(entry.hash, r.hash)) && (!firstBreak || r.entryId < firstBreak.id)) {
            firstBreak = { id: r.entryId, reason: 'checkpoint-mismatch' };
          }
        }
      }
    }
  } catch (error) {
    if (!isShareFailure(error)) throw error;
    return { check: { state: 'unreachable', checked, missingFiles }, firstBreak: null };
  }
  return { check: { state: firstBreak ? 'mismatch' : 'ok', checked, missingFiles }, firstBreak };
}
