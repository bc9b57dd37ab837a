import { measureSearchRecall } from './search-recall';

/** npx tsx tests/bench/search-recall-cli.ts [population]: recall figures and every miss, for working on search. */
async function main(): Promise<void> {
  const r = await measureSearchRecall({ population: Number(process.argv[2] ?? 3000), log: (l) => console.log(l) });
  for (const m of r.misses) console.log(`miss (rank ${m.rank ?? '-'}) ${m.pair.origin}: ${m.pair.query} → ${m.pair.stored.givenNames} ${m.pair.stored.familyName} [${m.pair.pattern}]`);
  const { misses, ...figures } = r;
  console.log(JSON.stringify({ ...figures, misses: misses.length }));
}

void main();
