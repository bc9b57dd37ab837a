import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_HEAD_FILE } from '../../electron/core/platform/audit/audit-head';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { loadClientDetail } from '../../electron/core/domain/client-file/client-detail';
import { berlinDate } from '../../electron/core/contract/dates';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey, openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { drawWorkload, type CaseWorkload } from './case-workload';
import { dispatcherOver, sessionOf } from './bench-dispatcher';
import { recallOn, type RecallResult } from './search-recall';
import { makePlainCopy, openPlainVault } from './plain-copy';
import { zeroSecrets } from '../../electron/core/platform/vault/vault-secrets';
import { withServiceCall } from './service-context';
import { median, percentile, round, timeMs } from './stats';

/**
 * Client files at scale: builds a vault with the demo generator (50,000 clients, 1,000,000 notes; --quick: 5,000 and
 * 100,000), then measures what a case manager waits for, through the real CoreDispatcher (validation, permission
 * check, transaction and audit entry included), and the cipher's share on the same data.
 */
export interface CaseBenchOptions {
  clients: number;
  notesPerClient: number;
  /** Requests per measured kind (searches, opens, list pages, note writes). */
  per: number;
  log: (line: string) => void;
}

/**
 * One pass of the real workload through a dispatcher: searches, client screens (client + case), list pages and note
 * writes, each a dispatched call with its guard, transaction, audit entry and commit.
 */
async function dispatchWorkload(core: CoreDispatcher, w: CaseWorkload, today: string): Promise<void> {
  for (const s of w.searches) ok(await core.dispatch('clients.search', { query: s.query, limit: 20 }));
  for (const [clientId, caseId] of w.opens) {
    ok(await core.dispatch('clients.get', { id: clientId }));
    ok(await core.dispatch('cases.get', { id: caseId }));
  }
  for (const l of w.lists) ok(await core.dispatch('clients.list', l));
  for (const caseId of w.noteCases) ok(await core.dispatch('notes.add', noteOn(caseId, today)));
}

const noteOn = (caseId: string, today: string) => ({
  caseId,
  occurredOn: today,
  kind: 'phone',
  text: 'Benchmark: Rückruf wegen der Unterlagen für das Jobcenter, Termin vereinbart.',
  internal: false,
});

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await fn();
  samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  return result;
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`benchmark call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** One kind of request (search kind, or list filter/sort): how many the workload made, and their times. */
export interface KindFigures {
  n: number;
  p50_ms: number;
  p95_ms: number;
}

/** One kind of list page also records its deepest offset. */
export interface ListKindFigures extends KindFigures {
  max_offset: number;
}

export interface CaseBenchResult {
  figures: Record<string, number>;
  /** Per search kind, slowest (p95) first. */
  searchKinds: Record<string, KindFigures>;
  /** Per list kind, slowest (p95) first. */
  listKinds: Record<string, ListKindFigures>;
  /** Recall of the generated variant pairs, measured on this vault (after everything else). */
  recall: RecallResult;
}

/** Rounds of the cipher comparison (each runs both sides once, the order alternating). */
const CIPHER_ROUNDS = 5;

function kindFigures(ms: number[]): KindFigures {
  return { n: ms.length, p50_ms: round(median(ms)), p95_ms: round(percentile(ms, 95)) };
}

const slowestFirst = <T extends KindFigures>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort((a, b) => b[1].p95_ms - a[1].p95_ms));

/** The demo vault's office, and so the measuring case manager's. */
const OFFICE = 'lunen';

export async function benchCases(o: CaseBenchOptions): Promise<CaseBenchResult> {
  const tmp = tempDir('kim-akte-bench-cases-');
  const dataDir = join(tmp.dir, 'vault');
  const now = new Date();
  try {
    o.log(`cases: building a vault with ${o.clients} clients and ${o.clients * o.notesPerClient} notes …`);
    const buildStart = process.hrtime.bigint();
    const run = await runDemoData(
      { dataDir, office: OFFICE, clients: String(o.clients), notesPerClient: String(o.notesPerClient), seed: '1' },
      ADMIN_PASSPHRASE,
      { out: () => undefined, progress: (line) => o.log(`  ${line}`) },
      now,
    );
    const buildTotalSeconds = Number(process.hrtime.bigint() - buildStart) / 1e9;
    const key = databaseKeyForRecoveryKey({ dataDir }, run.recoveryKey!);
    const vaultDb = join(dataDir, 'vault.db');
    const vaultMb = statSync(vaultDb).size / 1024 / 1024;
    // Copied before anything reopens the vault: no WAL yet, so the copy is the whole database.
    const plainDir = join(tmp.dir, 'plain');
    makePlainCopy(dataDir, key, plainDir);

    const raw = openRawEncrypted(vaultDb, key);
    const managers = (raw.prepare(`SELECT id FROM account WHERE role = 'fallmanagement' ORDER BY login`).all() as { id: string }[]).map((r) => r.id);
    const workload = drawWorkload(raw, managers, o.per, OFFICE);
    raw.close();

    const core = new CoreDispatcher({ dataDir });
    const user = await call(core, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
    // Warm-up: first statements compile, first pages come from disk.
    for (const s of workload.searches.slice(0, 10)) ok(await core.dispatch('clients.search', { query: s.query }));

    o.log(`  measuring through the dispatcher as fm.1: ${workload.searches.length} searches, ${workload.opens.length} client screens, ${workload.lists.length} list pages, ${workload.noteCases.length} note writes …`);
    const search: number[] = [];
    const searchByKind = new Map<string, number[]>();
    let variantQueries = 0;
    let variantHits = 0;
    for (const s of workload.searches) {
      const hits = ok(await timed(search, () => core.dispatch('clients.search', { query: s.query, limit: 20 }))) as { id: string }[];
      searchByKind.set(s.kind, [...(searchByKind.get(s.kind) ?? []), search[search.length - 1]!]);
      if (s.kind === 'variant') {
        variantQueries++;
        if (hits.some((h) => h.id === s.targetId)) variantHits++;
      }
    }

    const open: number[] = [];
    for (const [clientId, caseId] of workload.opens) {
      await timed(open, async () => {
        ok(await core.dispatch('clients.get', { id: clientId }));
        ok(await core.dispatch('cases.get', { id: caseId }));
      });
    }

    const list: number[] = [];
    const listByKind = new Map<string, { ms: number[]; maxOffset: number }>();
    for (const l of workload.lists) {
      const kind = `${l.phase ? 'phase' : l.caseManagerId ? 'manager' : l.expiringOnly ? 'expiring' : l.office ? 'office' : 'all'}/${l.sort}`;
      const before = list.length;
      ok(await timed(list, () => core.dispatch('clients.list', l)));
      const k = listByKind.get(kind) ?? { ms: [], maxOffset: 0 };
      listByKind.set(kind, { ms: [...k.ms, list[before]!], maxOffset: Math.max(k.maxOffset, l.offset) });
    }

    const write: number[] = [];
    const today = berlinDate(now);
    for (const caseId of workload.noteCases) ok(await timed(write, () => core.dispatch('notes.add', noteOn(caseId, today))));

    // Dispatcher layer (role gate, guard, transaction, audit entry + commit) vs the service alone, same clients.get,
    // alternating. The service runs on the dispatcher's own connection, warm from the calls above: a second
    // connection would start cold and lose its page cache at every commit of the dispatcher's.
    const session = sessionOf(core);
    const viaDispatcher: number[] = [];
    const direct: number[] = [];
    for (const [clientId] of workload.opens) {
      ok(await timed(viaDispatcher, () => core.dispatch('clients.get', { id: clientId })));
      await timed(direct, () => withServiceCall(session.vault.dataSource, now, user, (ctx) => loadClientDetail(ctx, clientId), session.vault.fields));
    }
    await core.close();

    // Cipher: the same workload (searches, client screens, list pages, note writes) through a dispatcher over the
    // encrypted vault and one over its decrypted copy, both opened with the vault's connection settings, warmed by one
    // pass each, then CIPHER_ROUNDS rounds with the order alternating. A quarter of each kind per pass.
    o.log(`  measuring the cipher share: the same dispatched workload on the vault and on a decrypted copy, ${CIPHER_ROUNDS} rounds …`);
    const share: CaseWorkload = {
      searches: workload.searches.filter((_, i) => i % 4 === 0),
      opens: workload.opens.slice(0, o.per / 4),
      lists: workload.lists.slice(0, o.per / 4),
      noteCases: workload.noteCases.slice(0, o.per / 4),
    };
    const encryptedVault = await openWithRecoveryKey({ dataDir }, run.recoveryKey!);
    const encrypted = dispatcherOver({ vault: encryptedVault, user, deviceId: session.deviceId }, dataDir);
    // The same audit secret and category keys on both sides: only SQLCipher differs.
    const secrets = encryptedVault.secrets();
    const plain = dispatcherOver({ vault: await openPlainVault(plainDir, secrets, encryptedVault.fields), user, deviceId: session.deviceId }, plainDir);
    zeroSecrets(secrets);
    const encMs: number[] = [];
    const plainMs: number[] = [];
    // CPU time of this process as well: waits for fsync and other processes' load are not in it, the cipher's work is.
    const encCpu: number[] = [];
    const plainCpu: number[] = [];
    const pass = async (core: CoreDispatcher, ms: number[], cpu: number[]) => {
      const before = process.cpuUsage();
      ms.push(await timeMs(() => dispatchWorkload(core, share, today)));
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    };
    const heads = () => [dataDir, plainDir].map((dir) => (JSON.parse(readFileSync(join(dir, AUDIT_HEAD_FILE), 'utf8')) as { lastId: number }).lastId);
    const headsBefore = heads();
    try {
      await dispatchWorkload(encrypted, share, today);
      await dispatchWorkload(plain, share, today);
      for (let r = 0; r < CIPHER_ROUNDS; r++) {
        for (const side of r % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain']) {
          if (side === 'plain') await pass(plain, plainMs, plainCpu);
          else await pass(encrypted, encMs, encCpu);
        }
      }
    } finally {
      await encrypted.close();
      await plain.close();
    }
    // Both sides must do the same work: a side whose audit head stood still skipped a file write per call.
    if (heads().some((id, i) => id <= headsBefore[i]!)) throw new Error('cipher comparison: an audit head was not written on both sides');

    // Recall at this population: the pairs' clients join the vault last, so they change none of the figures above.
    o.log('  measuring search recall on the generated variant pairs in this vault …');
    const recallCore = new CoreDispatcher({ dataDir });
    let recall: RecallResult;
    try {
      await call(recallCore, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
      recall = await recallOn(recallCore, run.counts.clients);
    } finally {
      await recallCore.close();
    }

    const listKinds = slowestFirst(
      [...listByKind.entries()].map(([kind, { ms, maxOffset }]): [string, ListKindFigures] => [kind, { ...kindFigures(ms), max_offset: maxOffset }]),
    );
    const searchKinds = slowestFirst([...searchByKind.entries()].map(([kind, ms]): [string, KindFigures] => [kind, kindFigures(ms)]));
    const figures = {
      clients: run.counts.clients,
      notes: run.counts.notes,
      cases: run.counts.cases,
      name_keys: run.counts.nameKeys,
      residence_statuses: run.counts.residenceStatuses,
      follow_ups: run.counts.followUps,
      build_import_seconds: round(run.seconds, 1),
      build_total_seconds: round(buildTotalSeconds, 1),
      vault_mb: round(vaultMb, 0),
      search_queries: search.length,
      search_p50_ms: round(median(search)),
      search_p95_ms: round(percentile(search, 95)),
      search_variant_hit_rate: round(variantHits / Math.max(1, variantQueries), 3),
      open_client_p50_ms: round(median(open)),
      open_client_p95_ms: round(percentile(open, 95)),
      list_page_p50_ms: round(median(list)),
      list_page_p95_ms: round(percentile(list, 95)),
      write_note_p50_ms: round(median(write)),
      write_note_p95_ms: round(percentile(write, 95)),
      clients_get_dispatcher_p50_ms: round(median(viaDispatcher)),
      clients_get_direct_p50_ms: round(median(direct)),
      dispatcher_overhead_ms_p50: round(median(viaDispatcher) - median(direct)),
      workload_encrypted_ms: round(median(encMs)),
      workload_plain_ms: round(median(plainMs)),
      cipher_overhead_ratio: round(median(encMs) / median(plainMs), 3),
      workload_encrypted_cpu_ms: round(median(encCpu)),
      workload_plain_cpu_ms: round(median(plainCpu)),
      cipher_overhead_cpu_ratio: round(median(encCpu) / median(plainCpu), 3),
      cipher_rounds: encMs.length,
    };
    return { figures, searchKinds, listKinds, recall };
  } finally {
    tmp.cleanup();
  }
}
