import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { MachinePolicy } from '../../contract/machine-policy';
import type { BackupRecord, BackupStatus } from '../../contract/types/backup-types';
import { readBackupFailure, readLastBackup } from '../../platform/settings/backup-record';

/** Scheduled backups are named kim-akte-<office>-<UTC time>.kimbackup, so the names sort by age. */
export const SCHEDULED_PREFIX = 'kim-akte-';
export const BACKUP_EXTENSION = '.kimbackup';
const HOUR_MS = 3_600_000;

export function scheduledBackupName(office: string, now: Date): string {
  return `${SCHEDULED_PREFIX}${office}-${now.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION}`;
}

/** Whether the schedule of the policy asks for a backup now. */
export function backupDue(policy: MachinePolicy, last: BackupRecord | null, now: Date): boolean {
  if (!policy.backup.folder) return false;
  if (!last) return true;
  return now.getTime() - Date.parse(last.at) >= policy.backup.intervalHours * HOUR_MS;
}

/** backup.status: the policy's schedule, the newest backup and whether one is overdue (for the IT view). */
export async function backupStatus(m: EntityManager, policy: MachinePolicy, now: Date): Promise<BackupStatus> {
  const last = await readLastBackup(m);
  const lastFailure = await readBackupFailure(m);
  return {
    folder: policy.backup.folder ?? null,
    intervalHours: policy.backup.intervalHours,
    keep: policy.backup.keep,
    last,
    ageHours: last ? Math.round(((now.getTime() - Date.parse(last.at)) / HOUR_MS) * 10) / 10 : null,
    overdue: backupDue(policy, last, now),
    lastFailure,
  };
}

/**
 * Keeps the newest `keep` scheduled backups of this office in the folder and removes older ones. Only files named
 * like the schedule's own: whatever else IT keeps there is left alone.
 */
export function rotateBackups(folder: string, office: string, keep: number): string[] {
  const prefix = `${SCHEDULED_PREFIX}${office}-`;
  const ours = readdirSync(folder)
    .filter((f) => f.startsWith(prefix) && f.endsWith(BACKUP_EXTENSION))
    .sort();
  const removed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const f of removed) rmSync(join(folder, f), { force: true });
  return removed;
}
