import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { foldName } from '../../electron/core/domain/clients/name-normalisation';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { recallPairs, type RecallPair } from './search-recall-pairs';

export interface RecallResult {
  search_recall_samples: number;
  search_recall_top1: number;
  search_recall_top5: number;
  search_recall_population: number;
  misses: { pair: RecallPair; rank: number | null; namesakeAbove: boolean }[];
  /** Misses below a client whose name is exactly the query's (word order aside): no ranking can put them first. */
  search_recall_namesake_misses: number;
  /** Milliseconds per clients.search call, for a rough look at cost at this population (timing is noisy). */
  timesMs: number[];
}

/**
 * Search recall on generated variant pairs (issue 10): a demo vault of `population` clients (whose names come in
 * all the spellings of tests/demo-data) plus one client per pair under its stored spelling; each query goes through
 * clients.search as a case manager. A pair counts as found at rank r when the r-th hit carries the stored name —
 * another client with the very same name is indistinguishable by name and counts too.
 */
export async function measureSearchRecall(o: { population: number; pairs?: number; log?: (line: string) => void }): Promise<RecallResult> {
  const tmp = tempDir('kim-akte-recall-');
  const log = o.log ?? (() => undefined);
  try {
    log(`  recall: building a vault with ${o.population} demo clients …`);
    const dataDir = join(tmp.dir, 'vault');
    const run = await runDemoData(
      { dataDir, office: 'lunen', clients: String(o.population), notesPerClient: '0', seed: '10' },
      ADMIN_PASSPHRASE,
      { out: () => undefined, progress: () => undefined },
      new Date('2026-11-25T10:00:00Z'),
    );
    const core = new CoreDispatcher({ dataDir });
    try {
      await call(core, 'session.unlock', { login: run.caseManagerLogins[0]!, passphrase: ADMIN_PASSPHRASE });
      const figures = await recallOn(core, o.population, o.pairs);
      log(`  recall: ${figures.search_recall_samples} variant queries among ${figures.search_recall_population} clients: top-1 ${Math.round(figures.search_recall_top1 * 100)} %, top-5 ${Math.round(figures.search_recall_top5 * 100)} %`);
      return figures;
    } finally {
      await core.close();
    }
  } finally {
    tmp.cleanup();
  }
}

/**
 * Recall on a vault of `population` clients, unlocked in `core` as a case manager: adds one client per pair under
 * its stored spelling (so the vault grows by up to `pairs` clients), then searches each query through clients.search.
 */
export async function recallOn(core: CoreDispatcher, population: number, pairCount?: number): Promise<RecallResult> {
  const pairs = recallPairs(pairCount);
  const created = new Set<string>();
  const storedName = (familyName: string, givenNames: string) => foldName(`${familyName} ${givenNames}`);
  for (const p of pairs) {
    const key = `${p.stored.familyName}|${p.stored.givenNames}`;
    if (created.has(key)) continue;
    created.add(key);
    await call(core, 'clients.create', { familyName: p.stored.familyName, givenNames: p.stored.givenNames });
  }
  let top1 = 0;
  let top5 = 0;
  const misses: RecallResult['misses'] = [];
  const timesMs: number[] = [];
  for (const p of pairs) {
    const started = performance.now();
    const hits = await call(core, 'clients.search', { query: p.query, limit: 5 });
    timesMs.push(performance.now() - started);
    const want = storedName(p.stored.familyName, p.stored.givenNames);
    const rank = hits.findIndex((h) => storedName(h.familyName, h.givenNames) === want);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 5) top5++;
    else {
      const asQueried = wordSet(p.query);
      const namesakeAbove = hits.some((h) => wordSet(`${h.familyName} ${h.givenNames}`) === asQueried);
      misses.push({ pair: p, rank: rank < 0 ? null : rank + 1, namesakeAbove });
    }
  }
  return {
    search_recall_samples: pairs.length,
    search_recall_top1: Math.round((top1 / pairs.length) * 1000) / 1000,
    search_recall_top5: Math.round((top5 / pairs.length) * 1000) / 1000,
    search_recall_population: population + created.size,
    search_recall_namesake_misses: misses.filter((m) => m.namesakeAbove).length,
    misses,
    timesMs,
  };
}

/** The folded words of a name, sorted: equal for the same name in any word order. */
const wordSet = (name: string) => foldName(name).split(' ').sort().join(' ');
