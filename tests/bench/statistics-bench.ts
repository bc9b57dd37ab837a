import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { databaseKeyForRecoveryKey, openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { addDays, berlinDate } from '../../electron/core/contract/dates';
import { PARTNER_KINDS, PARTNER_SERVICES } from '../../electron/core/contract/partner-domain';
import { countStatistics } from '../../electron/core/domain/statistics/statistics-counts';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { median, percentile, round, timeMs } from './stats';

/**
 * statistics.compute for a full year of one office at about 50,000 clients (four in five demo clients are the
 * office's own, so 62,500 demo clients), through the real dispatcher as a case manager: counting, suppression,
 * audit entry. Baselines measured in the same run on the same vault: the counting SQL alone (countStatistics on the
 * connection, no dispatcher, no suppression), and one plain pass over the office's cases joined to their clients
 * (what any figure at least costs on this machine).
 */
export interface StatisticsBenchResult {
  statistics_clients: number;
  statistics_cases: number;
  statistics_samples: number;
  statistics_year_ms: number;
  statistics_year_p95_ms: number;
  statistics_counting_ms: number;
  statistics_scan_ms: number;
  statistics_ratio_to_counting: number;
  statistics_ratio_to_scan: number;
}

const PARTNERS = 60;

export async function benchStatistics(o: { clients: number; rounds: number; log: (line: string) => void }): Promise<StatisticsBenchResult> {
  const tmp = tempDir('kim-akte-bench-statistics-');
  const dataDir = join(tmp.dir, 'vault');
  const now = new Date();
  const quiet = { out: () => undefined, progress: (line: string) => o.log(`  ${line}`) };
  try {
    o.log(`statistics: a demo vault with ${PARTNERS} directory partners and ${o.clients} demo clients …`);
    // Partners first, so the generator adds referrals to open cases (as in the referral bench).
    const first = await runDemoData({ dataDir, office: 'lunen', clients: '1', notesPerClient: '0', seed: '5' }, ADMIN_PASSPHRASE, quiet, now);
    const key = databaseKeyForRecoveryKey({ dataDir }, first.recoveryKey!);
    const raw = openRawEncrypted(join(dataDir, 'vault.db'), key);
    const insert = raw.prepare(
      `INSERT INTO partner (id, name, kind, languages, services, offices, created_at, updated_at, version) VALUES (?, ?, ?, '["de"]', ?, '["lunen"]', ?, ?, 1)`,
    );
    for (let i = 0; i < PARTNERS; i++) {
      const id = `00000000-0000-4000-8000-${(0xc000 + i).toString(16).padStart(12, '0')}`;
      insert.run(id, `Partner ${i + 1}`, PARTNER_KINDS[i % PARTNER_KINDS.length], JSON.stringify([PARTNER_SERVICES[i % PARTNER_SERVICES.length]]), now.toISOString(), now.toISOString());
    }
    raw.close();
    key.fill(0);
    await runDemoData({ dataDir, office: 'lunen', clients: String(o.clients), notesPerClient: '0', seed: '5', user: 'admin' }, ADMIN_PASSPHRASE, quiet, now);

    const today = berlinDate(now);
    const period = { from: addDays(today, -364), to: today };
    const core = new CoreDispatcher({ dataDir });
    const dispatched: number[] = [];
    try {
      await call(core, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
      await call(core, 'statistics.compute', period);
      o.log(`  measuring statistics.compute ${period.from} to ${period.to} through the dispatcher as fm.1, ${o.rounds} rounds …`);
      for (let r = 0; r < o.rounds; r++) dispatched.push(await timeMs(() => call(core, 'statistics.compute', period)));
    } finally {
      await core.close();
    }

    const vault = await openWithRecoveryKey({ dataDir }, first.recoveryKey!);
    const counting: number[] = [];
    const scan: number[] = [];
    let clients = 0;
    let cases = 0;
    try {
      const m = vault.dataSource.manager;
      clients = Number(((await m.query(`SELECT count(*) AS n FROM client WHERE office = 'lunen'`)) as { n: number }[])[0]!.n);
      const scanSql = `SELECT count(*) AS n, sum(length(k.rechtskreise)) AS r, sum(length(c.nationalities)) AS x FROM kim_case k JOIN client c ON c.id = k.client_id AND c.office = 'lunen'`;
      cases = Number(((await m.query(scanSql)) as { n: number }[])[0]!.n);
      for (let r = 0; r < o.rounds; r++) {
        counting.push(await timeMs(() => countStatistics(m, { office: 'lunen', ...period, today })));
        scan.push(await timeMs(() => m.query(scanSql)));
      }
    } finally {
      vault.forgetKey();
      await vault.dataSource.destroy();
    }
    const year = round(median(dispatched));
    const countMs = round(median(counting));
    const scanMs = round(median(scan));
    return {
      statistics_clients: clients,
      statistics_cases: cases,
      statistics_samples: dispatched.length,
      statistics_year_ms: year,
      statistics_year_p95_ms: round(percentile(dispatched, 95)),
      statistics_counting_ms: countMs,
      statistics_scan_ms: scanMs,
      statistics_ratio_to_counting: round(year / countMs),
      statistics_ratio_to_scan: round(year / scanMs),
    };
  } finally {
    tmp.cleanup();
  }
}
