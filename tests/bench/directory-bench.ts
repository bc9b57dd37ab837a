import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { partnerSearchInput } from '../../electron/core/contract/schemas/partner-schemas';
import { searchPartners } from '../../electron/core/domain/partners/partner-service';
import { runDemoData } from '../demo-data/demo-data-command';
import { DEMO_PARTNER_COUNT } from '../demo-data/generate/partners';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { withServiceCall } from './service-context';
import { percentile, round, timeMs } from './stats';

/** The searches a case manager makes in the Partnernetz page, by kind: free text, offers, language, town, kind. */
const SEARCHES: Record<string, Record<string, unknown>[]> = {
  text: [{ query: 'Lünen' }, { query: 'luenen' }, { query: 'caritas' }, { query: 'VHS' }, { query: 'Flüchtlingshilfe' }, { query: 'beratung' }],
  offers_and_town: [
    { services: ['integration-course', 'childcare-during-course'], office: 'selm' },
    { services: ['job-placement'], office: 'werne' },
    { services: ['integration-course', 'childcare-during-course'], query: 'Selm' },
  ],
  language: [
    { language: 'ar', services: ['migration-counselling-adults'] },
    { language: 'uk' },
    { language: 'fa', services: ['psychosocial-support'] },
  ],
  kind: [{ kind: 'sprachkurstraeger' }, { kind: 'jobcenter', query: 'Lünen' }],
  everything: [{}, { includeArchived: true }],
};

/**
 * partners.search at the demo directory's full size (DEMO_PARTNER_COUNT organisations with their contact persons)
 * as a case manager through the dispatcher, every kind of search the page makes; the baseline is the same searches
 * straight through the service on the same vault, so the ratio is what role gate, validation and call context add.
 */
export async function benchDirectory(o: { clients: number; rounds: number; log: (line: string) => void }): Promise<{
  figures: Record<string, number>;
  kinds: Record<string, { p95_ms: number; n: number }>;
}> {
  const tmp = tempDir('kim-akte-bench-directory-');
  const now = new Date();
  try {
    o.log(`  directory: building a vault with ${o.clients} demo clients and ${DEMO_PARTNER_COUNT} partners …`);
    const quiet = { out: () => undefined, progress: () => undefined };
    const run = await runDemoData({ dataDir: join(tmp.dir, 'vault'), office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '13' }, ADMIN_PASSPHRASE, quiet, now);
    const core = new CoreDispatcher({ dataDir: run.dataDir });
    const user = await call(core, 'session.unlock', { login: run.caseManagerLogins[0]!, passphrase: ADMIN_PASSPHRASE });
    const all = Object.entries(SEARCHES).flatMap(([kind, list]) => list.map((input) => ({ kind, input })));
    for (const s of all) await call(core, 'partners.search', s.input);
    const byKind = new Map<string, number[]>();
    const dispatched: number[] = [];
    for (let r = 0; r < o.rounds; r++) {
      for (const s of all) {
        const ms = await timeMs(() => call(core, 'partners.search', s.input));
        dispatched.push(ms);
        byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), ms]);
      }
    }
    await call(core, 'session.lock');
    core.close();

    const vault = await openWithRecoveryKey({ dataDir: run.dataDir }, run.recoveryKey!);
    const direct: number[] = [];
    try {
      const parsed = all.map((s) => partnerSearchInput.parse(s.input));
      for (const input of parsed) await withServiceCall(vault.dataSource, now, user, (ctx) => searchPartners(ctx, input));
      for (let r = 0; r < o.rounds; r++) {
        for (const input of parsed) direct.push(await timeMs(() => withServiceCall(vault.dataSource, now, user, (ctx) => searchPartners(ctx, input))));
      }
    } finally {
      vault.forgetKey();
      await vault.dataSource.destroy();
    }
    const kinds = Object.fromEntries(
      [...byKind].map(([kind, times]) => [kind, { p95_ms: round(percentile(times, 95)), n: times.length }] as const).sort((a, b) => b[1].p95_ms - a[1].p95_ms),
    );
    const p95 = round(percentile(dispatched, 95));
    const baseline = round(percentile(direct, 95));
    return {
      figures: {
        directory_partners: DEMO_PARTNER_COUNT,
        directory_search_samples: dispatched.length,
        directory_search_p95_ms: p95,
        directory_search_service_p95_ms: baseline,
        directory_search_dispatcher_ratio: round(p95 / baseline, 2),
      },
      kinds,
    };
  } finally {
    tmp.cleanup();
  }
}
