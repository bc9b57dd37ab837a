import { measureSearchRecall } from './search-recall';

/** npx tsx tests/bench/search-recall-cli.ts [population]: recall figures and every miss, for working on search. */
async function main(): Promise<void> {
  const r = await measureSearchRecall({ population: Number(process.argv[2] ?? 3000), log: (l) => console.log(l) });
  for (const m of r.misses) console.log(`miss (rank ${m.rank ?? '-'}${m.namesakeAbove ? ', namesake above' : ''}) ${m.pair.origin}: ${m.pair.query} → ${m.pair.stored.givenNames} ${m.pair.stored.familyName} [${m.pair.pattern}]`);
  const { misses, timesMs, ...figures } = r;
  const sorted = [...timesMs].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  console.log(JSON.stringify({ ...figures, misses: misses.length, search_p95_ms: Math.round(p95 * 10) / 10 }));
}

void main();
