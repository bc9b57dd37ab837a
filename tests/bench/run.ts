import { cpus } from 'node:os';
import { benchAccess } from './access-bench';
import { benchCases } from './case-bench';
import { benchCipher } from './cipher-bench';
import { benchUnlock } from './unlock-bench';
import { measureSearchRecall } from './search-recall';

/** Targets of the clients-and-cases issue: p95 in ms, and the cipher's factor on the real workload. */
const TARGETS: [key: string, label: string, limit: number][] = [
  ['search_p95_ms', 'search p95 (ms)', 25],
  ['open_client_p95_ms', 'open client + case p95 (ms)', 25],
  ['list_page_p95_ms', 'client list page of 100 p95 (ms)', 25],
  ['write_note_p95_ms', 'note write p95 (ms)', 10],
  ['cipher_overhead_ratio', 'cipher overhead (encrypted ÷ plain)', 1.3],
];

/**
 * npm run bench [-- --json] [-- --quick]: prints figures and ratios measured in this run. With --json the last line
 * is one JSON object (for tracking across commits).
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const quick = args.has('--quick');
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
  console.log(`KIM-Akte benchmarks on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);

  const unlock = await benchUnlock(quick ? 2 : 5);
  console.log(`unlock: KDF (scrypt N=2^17 r=8 p=1) median ${unlock.kdf_median_ms} ms, full unlock median ${unlock.unlock_median_ms} ms (p95 ${unlock.unlock_p95_ms} ms)`);

  const cipher = await benchCipher(quick ? 5_000 : 50_000, quick ? 3 : 5);
  console.log(
    `cipher (synthetic table): ${cipher.cipher_rows} rows workload plain ${cipher.plain_median_ms} ms, encrypted ${cipher.encrypted_median_ms} ms, overhead ratio ${cipher.cipher_overhead_ratio}`,
  );
  // The synthetic ratio keeps its own key; cipher_overhead_ratio now means the real client-file workload (issue 3).
  const { cipher_overhead_ratio: syntheticRatio, ...cipherRest } = cipher;

  const { figures: cases, listKinds } = await benchCases({ clients: quick ? 5_000 : 50_000, notesPerClient: 20, per: quick ? 200 : 240, log: (l) => console.log(l) });
  console.log(
    `cases: ${cases.clients} clients, ${cases.cases} cases, ${cases.notes} notes, ${cases.vault_mb} MB; built in ${cases.build_total_seconds} s (bulk import ${cases.build_import_seconds} s)`,
  );
  console.log(`variant searches that found their client in the top 20: ${Math.round(cases.search_variant_hit_rate! * 100)} %`);
  console.log(`dispatcher layer on clients.get: ${cases.dispatcher_overhead_ms_p50} ms p50 (${cases.clients_get_dispatcher_p50_ms} via dispatcher, ${cases.clients_get_direct_p50_ms} direct)`);
  const access = await benchAccess({ clients: quick ? 2_000 : 10_000, per: quick ? 100 : 300, log: (l) => console.log(l) });
  console.log(
    `permission and audit layer per clients.get: ${access.permission_and_audit_layer_ms_p50} ms p50, of which the guard (role × scope × consent × category) ${access.permission_check_p50_ms} ms and one audit entry with its head ${access.audit_entry_with_head_p50_ms} ms; through a consent (ABH) ${access.clients_get_via_consent_p50_ms} ms p50`,
  );
  // Recall is deterministic (seeded pairs and population), so quick and full runs use the same set.
  const { misses, timesMs: _times, ...recall } = await measureSearchRecall({ population: 3_000, log: (l) => console.log(l) });
  console.log(
    `search recall on ${recall.search_recall_samples} generated variant queries among ${recall.search_recall_population} clients: top-1 ${recall.search_recall_top1}, top-5 ${recall.search_recall_top5} (${misses.length} not in the top 5)`,
  );
  console.log('');
  console.log(`${'measure'.padEnd(40)}${'value'.padStart(10)}${'target'.padStart(10)}  met`);
  for (const [key, label, limit] of TARGETS) {
    const v = cases[key]!;
    console.log(`${label.padEnd(40)}${String(v).padStart(10)}${`< ${limit}`.padStart(10)}  ${v < limit ? 'yes' : 'NO'}`);
  }
  if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...unlock, ...cipherRest, cipher_synthetic_overhead_ratio: syntheticRatio, ...cases, ...access, ...recall, list_kinds: listKinds }));
}

void main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});
