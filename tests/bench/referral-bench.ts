import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { PARTNER_KINDS, PARTNER_SERVICES } from '../../electron/core/contract/partner-domain';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { median, percentile, round } from './stats';

/**
 * Referrals at scale: a demo vault whose directory holds partners before the clients are generated (so the demo
 * generator adds referrals to a share of open cases), then, through the real dispatcher as a case manager, the list
 * of a case's referrals and "Meine Arbeit" with its overdue referral feedback.
 */
export interface ReferralBenchOptions {
  clients: number;
  /** Cases whose referral list is read. */
  per: number;
  log: (line: string) => void;
}

export interface ReferralBenchResult {
  referrals: number;
  referral_list_p50_ms: number;
  referral_list_p95_ms: number;
  overdue_feedback_p50_ms: number;
  overdue_feedback_p95_ms: number;
}

const PARTNERS = 60;

function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  return fn().finally(() => samples.push(Number(process.hrtime.bigint() - start) / 1e6));
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function benchReferrals(o: ReferralBenchOptions): Promise<ReferralBenchResult> {
  const tmp = tempDir('kim-akte-bench-referrals-');
  const dataDir = join(tmp.dir, 'vault');
  const now = new Date();
  const quiet = { out: () => undefined, progress: (line: string) => o.log(`  ${line}`) };
  try {
    o.log(`referrals: a demo vault with ${PARTNERS} directory partners and ${o.clients} clients …`);
    // A first small import creates the vault and its accounts; the directory is filled before the real import.
    const first = await runDemoData({ dataDir, office: 'lunen', clients: '1', notesPerClient: '1', seed: '3' }, ADMIN_PASSPHRASE, quiet, now);
    const key = databaseKeyForRecoveryKey({ dataDir }, first.recoveryKey!);
    const raw = openRawEncrypted(join(dataDir, 'vault.db'), key);
    const insert = raw.prepare(
      `INSERT INTO partner (id, name, kind, languages, services, offices, created_at, updated_at, version) VALUES (?, ?, ?, '["de"]', ?, '["lunen"]', ?, ?, 1)`,
    );
    for (let i = 0; i < PARTNERS; i++) {
      const id = `00000000-0000-4000-8000-${(0xb000 + i).toString(16).padStart(12, '0')}`;
      insert.run(id, `Partner ${i + 1}`, PARTNER_KINDS[i % PARTNER_KINDS.length], JSON.stringify([PARTNER_SERVICES[i % PARTNER_SERVICES.length]]), now.toISOString(), now.toISOString());
    }
    raw.close();
    key.fill(0);
    const run = await runDemoData({ dataDir, office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '3', user: 'admin' }, ADMIN_PASSPHRASE, quiet, now);

    const core = new CoreDispatcher({ dataDir });
    try {
      await call(core, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
      const sessionKey = databaseKeyForRecoveryKey({ dataDir }, first.recoveryKey!);
      const db = openRawEncrypted(join(dataDir, 'vault.db'), sessionKey);
      const cases = (db.prepare(`SELECT DISTINCT case_id FROM referral ORDER BY case_id LIMIT ?`).all(o.per) as { case_id: string }[]).map((r) => r.case_id);
      db.close();
      sessionKey.fill(0);
      if (!cases.length) throw new Error('the demo vault has no referrals');
      o.log(`  measuring through the dispatcher as fm.1: ${cases.length} referral lists, ${Math.min(o.per, 100)} overviews …`);
      for (const caseId of cases.slice(0, 10)) ok(await core.dispatch('referrals.list', { caseId }));
      const list: number[] = [];
      for (const caseId of cases) ok(await timed(list, () => core.dispatch('referrals.list', { caseId })));
      const overview: number[] = [];
      for (let i = 0; i < Math.min(o.per, 100); i++) ok(await timed(overview, () => core.dispatch('work.overview', {})));
      return {
        referrals: run.counts.referrals,
        referral_list_p50_ms: round(median(list)),
        referral_list_p95_ms: round(percentile(list, 95)),
        overdue_feedback_p50_ms: round(median(overview)),
        overdue_feedback_p95_ms: round(percentile(overview, 95)),
      };
    } finally {
      await core.close();
    }
  } finally {
    tmp.cleanup();
  }
}
