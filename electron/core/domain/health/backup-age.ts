import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { BACKUP_MAX_AGE_HOURS_DEFAULT } from '../../contract/health-domain';
import type { MachinePolicy } from '../../contract/machine-policy';
import type { HealthFinding } from '../../contract/types/health-types';
import { readSetting, SETTING_KEYS } from '../../platform/settings/settings-store';

/** What the backup records after each completed backup (setting backup.last). */
const lastBackupSchema = z.object({ at: z.iso.datetime({ offset: true }), file: z.string(), bytes: z.number() });

/**
 * The oldest a backup may be: twice the scheduled interval when the policy schedules backups (one missed run is
 * tolerated), a week otherwise.
 */
export function maxBackupAgeHours(policy: MachinePolicy): number {
  return policy.backup.folder ? policy.backup.intervalHours * 2 : BACKUP_MAX_AGE_HOURS_DEFAULT;
}

/** No backup recorded, an unreadable record, or one older than allowed: a finding; null when recent enough. */
export async function checkBackupAge(m: EntityManager, policy: MachinePolicy, now: Date): Promise<HealthFinding | null> {
  const raw = await readSetting(m, SETTING_KEYS.lastBackup);
  let at: number | null = null;
  if (raw) {
    try {
      const parsed = lastBackupSchema.safeParse(JSON.parse(raw));
      if (parsed.success) at = Date.parse(parsed.data.at);
    } catch {
      at = null;
    }
  }
  if (at === null) return { check: 'backup', code: 'health.backupNone', severity: 'warning', params: {} };
  const ageHours = Math.max(0, Math.floor((now.getTime() - at) / 3_600_000));
  const maxHours = maxBackupAgeHours(policy);
  return ageHours > maxHours ? { check: 'backup', code: 'health.backupOld', severity: 'warning', params: { ageHours, maxHours } } : null;
}
