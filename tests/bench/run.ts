import { cpus } from 'node:os';
import { benchAccess } from './access-bench';
import { benchArt15 } from './art15-bench';
import { benchCases, type KindFigures } from './case-bench';
import { benchCipher } from './cipher-bench';
import { benchDeletion } from './deletion-bench';
import { benchBackup } from './backup-bench';
import { benchDirectory } from './directory-bench';
import { benchDoctor } from './doctor-bench';
import { benchUnlock } from './unlock-bench';
import { benchReferrals } from './referral-bench';
import { benchStatistics } from './statistics-bench';
import { measureSearchRecall, type RecallResult } from './search-recall';
import { percentile, round } from './stats';
import { benchSync } from './sync-bench';
import { benchSyncData } from './sync-data-bench';

/** Targets: p95 in ms, and the cipher's factor on the real workload (search and list pages: issue 10). */
const TARGETS: [key: string, label: string, limit: number][] = [
  ['search_p95_ms', 'search p95 (ms)', 20],
  ['open_client_p95_ms', 'open client + case p95 (ms)', 25],
  ['list_page_p95_ms', 'client list page of 100 p95 (ms)', 20],
  ['write_note_p95_ms', 'note write p95 (ms)', 10],
  ['cipher_overhead_ratio', 'cipher overhead (encrypted ÷ plain)', 1.3],
  ['referral_list_p95_ms', "a case's referrals p95 (ms)", 25],
  ['search_recall_top5', 'recall top 5 (3,000 clients)', -0.95],
  ['search_recall_vault_top5', 'recall top 5 (bench vault, 50,000)', -0.95],
  ['directory_search_p95_ms', 'partner directory search p95 (ms)', 25],
  ['art15_report_ms', 'Art. 15 report, 5 cases, 200 notes p50 (ms)', 1_000],
  ['sync_idle_round_ms', 'sync round, nothing new, 10 members p95 (ms)', 100],
  ['sync_import_changes_per_s', 'sync import, same office (rows/s)', -5_000],
  ['sync_initial_office_s', 'initial office sync onto a new PC (s)', 300],
  ['statistics_year_ms', 'statistics, a year of one office (ms, median)', 2_000],
  ['doctor_quick_ms', 'health check at sign-in p50 (ms)', 100],
];

/** The targets table: value, target, value ÷ target, and whether it is met. */
function printTargets(all: Record<string, number>, keys?: Set<string>): void {
  console.log('');
  console.log(`${'measure'.padEnd(44)}${'value'.padStart(10)}${'target'.padStart(10)}${'ratio'.padStart(8)}  met`);
  for (const [key, label, limit] of TARGETS) {
    if (keys && !keys.has(key)) continue;
    const v = all[key]!;
    const met = limit < 0 ? v >= -limit : v < limit;
    const ratio = round(v / Math.abs(limit), 2);
    console.log(
      `${label.padEnd(44)}${String(v).padStart(10)}${(limit < 0 ? `≥ ${-limit}` : `< ${limit}`).padStart(10)}${String(ratio).padStart(8)}  ${met ? 'yes' : 'NO'}`,
    );
  }
}

/** The slowest kinds of a request (p95, with how many of each the workload made), for the summary. */
function slowest(kinds: Record<string, Pick<KindFigures, 'p95_ms' | 'n'> & { max_offset?: number }>, count = 3): string {
  return Object.entries(kinds)
    .slice(0, count)
    .map(([kind, f]) => `${kind} ${f.p95_ms} ms (n=${f.n}${f.max_offset !== undefined ? `, deepest offset ${f.max_offset}` : ''})`)
    .join(', ');
}

/**
 * npm run bench [-- --json] [-- --quick] [-- --sync-only | --directory-only | --referrals-only | --art15-only | --statistics-only | --deletion-only | --doctor-only | --backup-only]: prints figures and ratios measured in this run. The data sync
 * part moves a whole office (about 50,000 clients, 1,000,000 notes; --quick: 2,000) onto a new workstation. With --json the last line
 * is one JSON object (for tracking across commits). A negative limit in TARGETS is a floor (at least -limit).
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const quick = args.has('--quick');
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
  console.log(`KIM-Akte benchmarks on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);
  const referralRun = () =>
    benchReferrals({ clients: quick ? 2_000 : 50_000, per: quick ? 100 : 240, log: (l) => console.log(l) }).then((r) => {
      console.log(
        `referrals: ${r.referrals} in the vault; a case's list p50 ${r.referral_list_p50_ms} ms, p95 ${r.referral_list_p95_ms} ms; Meine Arbeit with overdue feedback p50 ${r.overdue_feedback_p50_ms} ms, p95 ${r.overdue_feedback_p95_ms} ms`,
      );
      return r;
    });
  if (args.has('--art15-only')) {
    const art15 = await benchArt15({ clients: quick ? 1_000 : 5_000, samples: quick ? 10 : 30, log: (l) => console.log(l) });
    console.log(
      `art15: report of one person (${art15.art15_notes} notes, 5 cases) in a vault of ${art15.art15_clients} clients, n=${art15.art15_samples}: p50 ${art15.art15_report_ms} ms, p95 ${art15.art15_report_p95_ms} ms (data + HTML, ${art15.art15_html_kb} KB); baseline opening the same file (clients.get + 5 × cases.get), same run, n=${art15.art15_samples}: p50 ${art15.art15_open_file_ms} ms; ratio ${art15.art15_report_to_open_file_ratio}; PDF rendering through Chromium page.pdf p50 ${art15.art15_pdf_render_ms} ms (n=${art15.art15_pdf_samples})`,
    );
    printTargets({ ...art15 }, new Set(Object.keys(art15)));
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...art15 }));
    return;
  }
  const statisticsRun = () =>
    benchStatistics({ clients: quick ? 2_500 : 62_500, rounds: quick ? 3 : 7, log: (l) => console.log(l) }).then((s) => {
      console.log(
        `statistics: ${s.statistics_clients} clients, ${s.statistics_cases} cases of the office; a year through the dispatcher median ${s.statistics_year_ms} ms, p95 ${s.statistics_year_p95_ms} ms (n=${s.statistics_samples}); baselines in this run: counting SQL alone ${s.statistics_counting_ms} ms (ratio ${s.statistics_ratio_to_counting}), one pass over the office's cases ${s.statistics_scan_ms} ms (ratio ${s.statistics_ratio_to_scan})`,
      );
      return s as unknown as Record<string, number>;
    });
  if (args.has('--statistics-only')) {
    const statistics = await statisticsRun();
    printTargets(statistics, new Set(Object.keys(statistics)));
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...statistics }));
    return;
  }
  const deletionRun = () =>
    benchDeletion({ clients: quick ? 2_000 : 50_000, persons: quick ? 3 : 8, log: (l) => console.log(l) }).then((d) => {
      console.log(
        `deletion: ${d.delete_person_samples} persons (3 cases, about ${d.delete_person_rows_median} rows and 6 documents each) erased through deletions.approve: median ${d.delete_person_ms} ms, p95 ${d.delete_person_p95_ms} ms; baseline documents.delete (same re-authentication) median ${d.delete_document_baseline_ms} ms (ratio ${d.delete_person_baseline_ratio}); VACUUM of the ${d.vacuum_vault_mb} MB vault ${d.vacuum_ms} ms`,
      );
      return d;
    });
  if (args.has('--deletion-only')) {
    const deletion = await deletionRun();
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...deletion }));
    return;
  }
  const doctorRun = () =>
    benchDoctor({ clients: quick ? 2_000 : 50_000, rounds: quick ? 2 : 3, log: (l) => console.log(l) }).then((d) => {
      console.log(
        `doctor: full health check of the ${d.doctor_vault_mb} MB vault (${d.doctor_clients} clients) median ${d.doctor_ms} ms (n=${d.doctor_samples}); quick check (sign-in) ${d.doctor_quick_ms} ms; baseline reading vault.db once ${d.doctor_read_file_ms} ms (ratio ${d.doctor_ratio_to_read})`,
      );
      return d as unknown as Record<string, number>;
    });
  if (args.has('--doctor-only')) {
    const d = await doctorRun();
    printTargets(d, new Set(Object.keys(d)));
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...d }));
    return;
  }
  const backupRun = () =>
    benchBackup({ clients: quick ? 2_000 : 50_000, rounds: quick ? 1 : 3, log: (l) => console.log(l) }).then((b) => {
      console.log(
        `backup: demo vault of ${b.backup_clients} clients (vault.db ${b.backup_vault_mb} MB, backup file ${b.backup_file_mb} MB), median of ${b.backup_samples}: kim-akte backup ${b.backup_ms} ms (copy, integrity and audit chain check, packaging, read-back), kim-akte restore into an empty folder ${b.restore_ms} ms (decrypt, checks, audit chain, swap); baseline in this run: plain copy of vault.db ${b.backup_copy_file_ms} ms (ratios ${b.backup_ratio_to_copy} and ${b.restore_ratio_to_copy})`,
      );
      return b;
    });
  if (args.has('--backup-only')) {
    const backup = await backupRun();
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...backup }));
    return;
  }
  if (args.has('--referrals-only')) {
    const referrals = await referralRun();
    printTargets({ ...referrals }, new Set(Object.keys(referrals)));
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...referrals }));
    return;
  }
  const only = args.has('--sync-only') ? 'sync' : args.has('--directory-only') ? 'directory' : null;
  let sync: Record<string, number> = {};
  if (only !== 'directory') {
    const idle = await benchSync({ members: 10, rounds: quick ? 20 : 100, log: (l) => console.log(l) });
    // A whole office onto a new workstation, 20 notes per client as in the case bench: four in five demo clients are
    // the office's own (the rest are files of the other towns), so 62,500 demo clients make an office of about 50,000.
    const syncData = await benchSyncData({ clients: quick ? 2_500 : 62_500, notesPerClient: 20, log: (l) => console.log(l) });
    sync = { ...idle, ...syncData };
    if (only === 'sync') {
      printTargets(sync, new Set(Object.keys(sync)));
      if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...sync }));
      return;
    }
  }

  // The cooperation network (issue 11): the partner directory at the demo's full size.
  const directory = await benchDirectory({ clients: quick ? 1_000 : 5_000, rounds: quick ? 10 : 40, log: (l) => console.log(l) });
  console.log(
    `directory: ${directory.figures.directory_partners} partners, ${directory.figures.directory_search_samples} searches: p95 ${directory.figures.directory_search_p95_ms} ms through the dispatcher, ${directory.figures.directory_search_service_p95_ms} ms through the service alone (ratio ${directory.figures.directory_search_dispatcher_ratio}); slowest kinds: ${slowest(directory.kinds)}`,
  );
  if (only === 'directory') {
    printTargets(directory.figures, new Set(Object.keys(directory.figures)));
    if (args.has('--json')) console.log(JSON.stringify({ ...machine, ...directory.figures, directory_kinds: directory.kinds }));
    return;
  }

  const unlock = await benchUnlock(quick ? 2 : 5);
  console.log(`unlock: KDF (scrypt N=2^17 r=8 p=1) median ${unlock.kdf_median_ms} ms, full unlock median ${unlock.unlock_median_ms} ms (p95 ${unlock.unlock_p95_ms} ms)`);

  const cipher = await benchCipher(quick ? 5_000 : 50_000, 5);
  console.log(
    `cipher (synthetic table, same connection settings, ${cipher.cipher_rounds} alternating rounds): ${cipher.cipher_rows} rows workload plain ${cipher.plain_median_ms} ms, encrypted ${cipher.encrypted_median_ms} ms, overhead ratio ${cipher.cipher_overhead_ratio}`,
  );
  // The synthetic ratio keeps its own key; cipher_overhead_ratio means the real client-file workload (issue 3).
  const { cipher_overhead_ratio: syntheticRatio, cipher_rounds: _syntheticRounds, ...cipherRest } = cipher;

  const { figures: cases, listKinds, searchKinds, recall: recallRun } = await benchCases({
    clients: quick ? 5_000 : 50_000,
    notesPerClient: 20,
    per: quick ? 200 : 240,
    log: (l) => console.log(l),
  });
  console.log(
    `cases: ${cases.clients} clients, ${cases.cases} cases, ${cases.notes} notes, ${cases.vault_mb} MB; built in ${cases.build_total_seconds} s (bulk import ${cases.build_import_seconds} s)`,
  );
  console.log(`variant searches that found their client in the top 20: ${Math.round(cases.search_variant_hit_rate! * 100)} %`);
  console.log(`slowest search kinds (p95): ${slowest(searchKinds)}`);
  console.log(`slowest list kinds (p95): ${slowest(listKinds)}`);
  console.log(`dispatcher layer on clients.get: ${cases.dispatcher_overhead_ms_p50} ms p50 (${cases.clients_get_dispatcher_p50_ms} via dispatcher, ${cases.clients_get_direct_p50_ms} direct, same warm connection)`);
  console.log(
    `cipher (client files, dispatched searches, screens, list pages and note writes; same connection settings; ${cases.cipher_rounds} alternating rounds): plain ${cases.workload_plain_ms} ms, encrypted ${cases.workload_encrypted_ms} ms per pass (ratio ${cases.cipher_overhead_ratio}); CPU time plain ${cases.workload_plain_cpu_ms} ms, encrypted ${cases.workload_encrypted_cpu_ms} ms (ratio ${cases.cipher_overhead_cpu_ratio})`,
  );
  const access = await benchAccess({ clients: quick ? 2_000 : 10_000, per: quick ? 100 : 300, log: (l) => console.log(l) });
  console.log(
    `permission and audit layer per clients.get: ${access.permission_and_audit_layer_ms_p50} ms p50, of which the guard (role × scope × consent × category) ${access.permission_check_p50_ms} ms and one audit entry with its head ${access.audit_entry_with_head_p50_ms} ms; through a consent (ABH) ${access.clients_get_via_consent_p50_ms} ms p50`,
  );
  // Recall at the harness's population (comparable with the figures before issue 10: top-1 0.618, top-5 0.650), and in
  // the 50,000-client vault, where the demo name pools give many namesakes: a query spelled exactly like another
  // client's name rightly ranks that client first.
  const small = await measureSearchRecall({ population: 3_000, log: (l) => console.log(l) });
  const describeRecall = (r: RecallResult) =>
    `${r.search_recall_samples} generated variant queries among ${r.search_recall_population} clients: top-1 ${r.search_recall_top1}, top-5 ${r.search_recall_top5} (${r.misses.length} not in the top 5, ${r.search_recall_namesake_misses} of them below a namesake of the query; those searches p95 ${round(percentile(r.timesMs, 95))} ms)`;
  console.log(`search recall on ${describeRecall(small)}`);
  console.log(`search recall on ${describeRecall(recallRun)}`);
  const { misses: _m, timesMs: _t, ...recall } = small;
  const large = {
    search_recall_vault_samples: recallRun.search_recall_samples,
    search_recall_vault_population: recallRun.search_recall_population,
    search_recall_vault_top1: recallRun.search_recall_top1,
    search_recall_vault_top5: recallRun.search_recall_top5,
    search_recall_vault_namesake_misses: recallRun.search_recall_namesake_misses,
    search_recall_vault_p95_ms: round(percentile(recallRun.timesMs, 95)),
  };
  const referrals = await referralRun();
  const statistics = await statisticsRun();
  const deletion = await deletionRun();
  const doctor = await doctorRun();
  const backup = await backupRun();
  const all: Record<string, number> = { ...cases, ...recall, ...large, ...sync, ...directory.figures, ...referrals, ...statistics, ...deletion, ...doctor, ...backup };
  printTargets(all);
  if (args.has('--json')) {
    console.log(
      JSON.stringify({
        ...machine,
        ...unlock,
        ...cipherRest,
        cipher_synthetic_overhead_ratio: syntheticRatio,
        ...cases,
        ...access,
        ...recall,
        ...large,
        ...sync,
        ...directory.figures,
        directory_kinds: directory.kinds,
        ...referrals,
        ...statistics,
        ...deletion,
        ...doctor,
        ...backup,
        search_kinds: searchKinds,
        list_kinds: listKinds,
      }),
    );
  }
}

void main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = 1;
});
