import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../../platform/audit/audit-log';
import type { NetworkContext } from './sync-context';

/** Folder in the vault's data directory where copies of refused files are kept for IT. */
export const QUARANTINE_FOLDER = 'sync-quarantine';

export type QuarantineReason = 'malformed' | 'tooLarge' | 'unsupportedVersion' | 'badSignature' | 'tampered' | 'misplaced' | 'badControl';

/**
 * Records a refused file once (device, number, hash): a row for IT, an audit entry, and a copy of the file beside
 * the vault as evidence. The file stays on the share; the device's later files wait behind it.
 * Returns whether this was the first time.
 */
export async function quarantineFile(
  ctx: NetworkContext,
  file: { device: string; seq: number; hash: string; path: string },
  reason: QuarantineReason,
): Promise<boolean> {
  const known = (await ctx.tx.query('SELECT 1 FROM sync_quarantine WHERE device_id = ? AND seq = ? AND file_hash = ?', [file.device, file.seq, file.hash])) as unknown[];
  if (known.length) return false;
  let movedTo: string | null = null;
  try {
    const folder = join(ctx.dataDir, QUARANTINE_FOLDER);
    mkdirSync(folder, { recursive: true });
    movedTo = join(folder, `${file.device}-${file.seq}-${file.hash.slice(0, 12)}.kimsync`);
    copyFileSync(file.path, movedTo);
  } catch {
    movedTo = null;
  }
  await ctx.tx.query('INSERT INTO sync_quarantine (device_id, seq, reason, file_hash, moved_to, at) VALUES (?, ?, ?, ?, ?, ?)', [
    file.device,
    file.seq,
    reason,
    file.hash,
    movedTo,
    ctx.now.toISOString(),
  ]);
  await appendAudit(ctx.tx, {
    at: ctx.now,
    actor: null,
    action: 'sync.quarantine',
    entity: 'sync-device',
    entityId: file.device,
    fields: [`seq:${file.seq}`, `reason:${reason}`],
    outcome: 'denied',
  });
  return true;
}
