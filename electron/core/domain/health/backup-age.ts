import type { EntityManager } from 'typeorm';
import { BACKUP_MAX_AGE_HOURS_DEFAULT } from '../../contract/health-domain';
import type { MachinePolicy } from '../../contract/machine-policy';
import type { HealthFinding } from '../../contract/types/health-types';
import { readBackupFailure, readLastBackup } from '../../platform/settings/backup-record';

/**
 * The oldest a backup may be: twice the scheduled interval when the policy schedules backups (one missed run is
 * tolerated), a week otherwise.
 */
export function maxBackupAgeHours(policy: MachinePolicy): number {
  return policy.backup.folder ? policy.backup.intervalHours * 2 : BACKUP_MAX_AGE_HOURS_DEFAULT;
}

/**
 * No backup recorded (or an unreadable record), one older than allowed, or a scheduled backup that failed since the
 * newest success: findings; none when a recent backup is recorded and nothing failed since.
 */
export async function checkBackupAge(m: EntityManager, policy: MachinePolicy, now: Date): Promise<HealthFinding[]> {
  const last = await readLastBackup(m);
  const failure = await readBackupFailure(m);
  const findings: HealthFinding[] = failure ? [{ check: 'backup', code: 'health.backupFailed', severity: 'warning', params: { error: failure.code } }] : [];
  if (!last) return [{ check: 'backup', code: 'health.backupNone', severity: 'warning', params: {} }, ...findings];
  const ageHours = Math.max(0, Math.floor((now.getTime() - Date.parse(last.at)) / 3_600_000));
  const maxHours = maxBackupAgeHours(policy);
  if (ageHours > maxHours) findings.unshift({ check: 'backup', code: 'health.backupOld', severity: 'warning', params: { ageHours, maxHours } });
  return findings;
}
