import type { EntityManager } from 'typeorm';
import type { BackupRecord } from '../../contract/types/backup-types';
import { readSetting, SETTING_KEYS } from './settings-store';

function parseJson(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The newest completed backup (setting backup.last, written by the CLI and the schedule); null when none or damaged. */
export async function readLastBackup(m: EntityManager): Promise<BackupRecord | null> {
  const r = parseJson(await readSetting(m, SETTING_KEYS.lastBackup));
  return r && typeof r.at === 'string' && !Number.isNaN(Date.parse(r.at)) && typeof r.file === 'string' && typeof r.bytes === 'number'
    ? { at: r.at, file: r.file, bytes: r.bytes }
    : null;
}

/** The last scheduled backup that failed since the newest success (setting backup.lastFailure); a damaged record is none. */
export async function readBackupFailure(m: EntityManager): Promise<{ at: string; code: string } | null> {
  const r = parseJson(await readSetting(m, SETTING_KEYS.lastBackupFailure));
  return r && typeof r.at === 'string' && typeof r.code === 'string' ? { at: r.at, code: r.code } : null;
}
