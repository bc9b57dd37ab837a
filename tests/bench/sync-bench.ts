import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { call, closeCores, openCores, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, workstation, type Workstation } from '../helpers/sync-network';
import { percentile, round, timeMs } from './stats';

export interface SyncFigures {
  sync_members: number;
  sync_idle_rounds: number;
  sync_idle_round_ms: number;
  sync_idle_round_p50_ms: number;
  /** Baseline in the same run: one dispatched call that opens a transaction and reads the network state. */
  sync_status_call_p50_ms: number;
  sync_idle_vs_status_ratio: number;
  sync_files_on_share: number;
}

/**
 * A round with nothing new, in a network of `members` workstations (Lünen, Werne, Selm, ABH) that have enrolled each
 * other and published their audit checkpoints: what every workstation pays each minute. The share is a local folder
 * here; on SMB each listing costs a network round trip more.
 */
export async function benchSync(options: { members: number; rounds: number; log: (line: string) => void }): Promise<SyncFigures> {
  const tmp = tempDir('kim-akte-sync-bench-');
  try {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const offices = ['lunen', 'werne', 'selm', 'abh-lunen'] as const;
    const stations: Workstation[] = [];
    for (let i = 0; i < options.members; i++) stations.push(await workstation(tmp.dir, `ws-${i}`, offices[i % offices.length]!));
    const [founder, ...others] = stations;
    await call(founder!.core, 'network.create', { share });
    for (const w of others) await inviteAndJoin(founder!, w, share);
    // Every one reads everyone until nothing new comes: enrolled, checkpoints published and read.
    for (let pass = 0; pass < 3; pass++) for (const w of stations) await call(w.core, 'sync.run');
    const files = (await call(founder!.core, 'network.devices')).reduce((n, d) => n + d.filesRead, 0);
    const core: CoreDispatcher = stations[1]!.core;
    await call(core, 'sync.run');
    const idle: number[] = [];
    const status: number[] = [];
    for (let i = 0; i < options.rounds; i++) {
      idle.push(await timeMs(() => call(core, 'sync.run')));
      status.push(await timeMs(() => call(core, 'network.status')));
    }
    const last = await call(core, 'sync.run');
    if (last.received !== 0 || last.sent !== 0) throw new Error('the idle round was not idle');
    const figures: SyncFigures = {
      sync_members: options.members,
      sync_idle_rounds: options.rounds,
      sync_idle_round_ms: round(percentile(idle, 95)),
      sync_idle_round_p50_ms: round(percentile(idle, 50)),
      sync_status_call_p50_ms: round(percentile(status, 50)),
      sync_idle_vs_status_ratio: round(percentile(idle, 50) / percentile(status, 50)),
      sync_files_on_share: files,
    };
    options.log(
      `sync: idle round with ${figures.sync_members} members (${files} files read): p95 ${figures.sync_idle_round_ms} ms, p50 ${figures.sync_idle_round_p50_ms} ms (n=${options.rounds}); network.status call p50 ${figures.sync_status_call_p50_ms} ms (idle round ÷ status call ${figures.sync_idle_vs_status_ratio})`,
    );
    return figures;
  } finally {
    await closeCores(openCores.inFile);
    await closeCores(openCores.inTest);
    tmp.cleanup();
  }
}
