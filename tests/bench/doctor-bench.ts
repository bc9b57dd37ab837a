import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { median, round, timeMs } from './stats';

/**
 * The health check on the demo vault at 50,000 clients, through the dispatcher as IT (what `kim-akte doctor` runs):
 * the full check (HMAC of every page, integrity_check on a second connection, audit chain, documents folder) and the
 * quick one IT's start page runs at sign-in. Baseline in the same run: reading the vault file once (the least a
 * page check costs on this disk).
 */
export interface DoctorBenchResult {
  doctor_clients: number;
  doctor_vault_mb: number;
  doctor_samples: number;
  doctor_ms: number;
  doctor_quick_ms: number;
  doctor_read_file_ms: number;
  doctor_ratio_to_read: number;
}

export async function benchDoctor(o: { clients: number; rounds: number; log: (line: string) => void }): Promise<DoctorBenchResult> {
  const tmp = tempDir('kim-akte-bench-doctor-');
  const dataDir = join(tmp.dir, 'vault');
  const quiet = { out: () => undefined, progress: (line: string) => o.log(`  ${line}`) };
  try {
    o.log(`doctor: a demo vault with ${o.clients} clients …`);
    const run = await runDemoData({ dataDir, office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '5' }, ADMIN_PASSPHRASE, quiet);
    const core = new CoreDispatcher({ dataDir });
    const full: number[] = [];
    const quick: number[] = [];
    const read: number[] = [];
    try {
      await call(core, 'session.unlock', { login: run.adminLogin, passphrase: ADMIN_PASSPHRASE });
      // The first full check writes the WAL into the file (unlock's entries): not part of what is measured.
      await call(core, 'system.health', { scope: 'full' });
      for (let i = 0; i < o.rounds; i++) {
        read.push(await timeMs(async () => void readFileSync(join(dataDir, 'vault.db'))));
        full.push(await timeMs(() => call(core, 'system.health', { scope: 'full' })));
        quick.push(await timeMs(() => call(core, 'system.health', { scope: 'quick' })));
      }
      const report = await call(core, 'system.health', { scope: 'full' });
      o.log(`  doctor: per check (last run) ${report.checks.map((c) => `${c.check} ${c.ms} ms`).join(', ')}`);
      const unexpected = report.findings.filter((f) => !['health.backupNone', 'health.diskLow'].includes(f.code));
      if (unexpected.length) throw new Error(`doctor bench: unexpected findings on the demo vault: ${unexpected.map((f) => f.code).join(', ')}`);
    } finally {
      await core.close();
    }
    return {
      doctor_clients: o.clients,
      doctor_vault_mb: round(statSync(join(dataDir, 'vault.db')).size / 1024 / 1024),
      doctor_samples: o.rounds,
      doctor_ms: round(median(full)),
      doctor_quick_ms: round(median(quick)),
      doctor_read_file_ms: round(median(read)),
      doctor_ratio_to_read: round(median(full) / median(read), 2),
    };
  } finally {
    tmp.cleanup();
  }
}
