import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupAsAdministrator } from '../../electron/core/api/session/vault-backup';
import { restoreVault } from '../../electron/core/api/session/vault-restore';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, tempDir } from '../helpers/temp-vault';
import { median, round } from './stats';

/**
 * Backup and restore of the full demo vault (issue 13): `clients` demo clients with 4 notes each, as the other
 * benches build it. backup_ms is `kim-akte backup` without the process start and the passphrase KDF's share is
 * included (it unlocks from the keyring as the CLI does): database copy, its check and audit chain walk, packaging
 * and the read-back. restore_ms is `kim-akte restore` into an empty folder: unlock, decrypt, check, audit chain,
 * the restore's own audit entry, the second check and the swap. Median of `rounds`.
 */
export interface BackupBenchResult {
  backup_clients: number;
  backup_vault_mb: number;
  backup_file_mb: number;
  backup_ms: number;
  restore_ms: number;
  backup_samples: number;
  /** Baseline in the same run: a plain copy of vault.db, what any backup at least costs on this disk. */
  backup_copy_file_ms: number;
  backup_ratio_to_copy: number;
  restore_ratio_to_copy: number;
}

export async function benchBackup(o: { clients: number; rounds: number; log: (line: string) => void }): Promise<BackupBenchResult> {
  const tmp = tempDir('kim-akte-bench-backup-');
  try {
    const dataDir = join(tmp.dir, 'vault');
    o.log(`backup: building the demo vault (${o.clients} clients)…`);
    await runDemoData({ dataDir, office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '13' }, ADMIN_PASSPHRASE, { out: () => undefined, progress: (line: string) => o.log(`  ${line}`) });
    const backups: number[] = [];
    const restores: number[] = [];
    const copies: number[] = [];
    let fileBytes = 0;
    for (let i = 0; i < o.rounds; i++) {
      const plain = join(tmp.dir, `copy${i}.db`);
      const c = process.hrtime.bigint();
      copyFileSync(join(dataDir, 'vault.db'), plain);
      copies.push(Number(process.hrtime.bigint() - c) / 1e6);
      rmSync(plain);
      const file = join(tmp.dir, `b${i}.kimbackup`);
      let t = process.hrtime.bigint();
      const record = await backupAsAdministrator({ dataDir }, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, file, 'bench', new Date());
      backups.push(Number(process.hrtime.bigint() - t) / 1e6);
      fileBytes = record.bytes;
      t = process.hrtime.bigint();
      await restoreVault({ from: file, dataDir: join(tmp.dir, `r${i}`), force: false, credential: { kind: 'account', login: 'admin', passphrase: ADMIN_PASSPHRASE }, now: new Date() });
      restores.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return {
      backup_clients: o.clients,
      backup_vault_mb: round(statSync(join(dataDir, 'vault.db')).size / 1024 / 1024, 1),
      backup_file_mb: round(fileBytes / 1024 / 1024, 1),
      backup_ms: round(median(backups), 0),
      restore_ms: round(median(restores), 0),
      backup_samples: o.rounds,
      backup_copy_file_ms: round(median(copies), 0),
      backup_ratio_to_copy: round(median(backups) / median(copies), 1),
      restore_ratio_to_copy: round(median(restores) / median(copies), 1),
    };
  } finally {
    tmp.cleanup();
  }
}
