import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import type { MachinePolicy } from '../../contract/machine-policy';
import { deleteSetting, SETTING_KEYS, writeSetting } from '../../platform/settings/settings-store';
import type { VaultLocation } from '../../platform/vault/vault';
import type { UnlockedSession } from '../call-context';
import { readLastBackup } from '../../platform/settings/backup-record';
import { backupDue, rotateBackups, scheduledBackupName } from './scheduled-backup';
import { recordBackup, writeVaultBackup } from './vault-backup';

export interface ScheduledBackupRun {
  session: UnlockedSession;
  policy: MachinePolicy;
  location: VaultLocation;
  appVersion: string;
  now: () => Date;
  /** Runs `fn` in the dispatcher's queue, only while `session` is still the signed-in one. */
  enqueue(fn: () => Promise<void>): Promise<void>;
  logger: { info(message: string, fields?: Record<string, unknown>): void; error(message: string, fields?: Record<string, unknown>): void };
}

/**
 * One scheduled backup, if due: the check and the record run in the call queue (they use the session's
 * connection), the copy itself outside it on its own connection, so the people working go on meanwhile. A failure
 * is recorded (backup.lastFailure, shown in backup.status) and logged by code; it is tried again at the next check.
 */
export async function runScheduledBackup(run: ScheduledBackupRun): Promise<void> {
  const folder = run.policy.backup.folder;
  if (!folder) return;
  let due = false;
  await run.enqueue(async () => {
    due = backupDue(run.policy, await readLastBackup(run.session.vault.dataSource.manager), run.now());
  });
  if (!due) return;
  const now = run.now();
  const office = run.session.vault.keyring.office;
  try {
    const record = await writeVaultBackup({ location: run.location, session: run.session, appVersion: run.appVersion, now }, join(folder, scheduledBackupName(office, now)));
    await run.enqueue(async () => {
      await recordBackup(run.session, record, 'scheduled', run.now());
      await deleteSetting(run.session.vault.dataSource.manager, SETTING_KEYS.lastBackupFailure);
    });
    const removed = rotateBackups(folder, office, run.policy.backup.keep);
    run.logger.info('scheduled backup written', { bytes: record.bytes, removedOld: removed.length });
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'backup.writeFailed';
    run.logger.error('scheduled backup failed', { code });
    await run.enqueue(() => writeSetting(run.session.vault.dataSource.manager, SETTING_KEYS.lastBackupFailure, JSON.stringify({ at: now.toISOString(), code }))).catch(() => undefined);
  }
}
