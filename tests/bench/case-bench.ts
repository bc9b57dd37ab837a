import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { clientListInput } from '../../electron/core/contract/schemas/client-schemas';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { loadCaseDetail } from '../../electron/core/domain/cases/case-queries';
import { searchClients } from '../../electron/core/domain/clients/client-search';
import { listClients } from '../../electron/core/domain/clients/client-service';
import { loadClientDetail } from '../../electron/core/domain/client-file/client-detail';
import { berlinDate } from '../../electron/core/contract/dates';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { databaseKeyForRecoveryKey, openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { runDemoData } from '../demo-data/demo-data-command';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { drawWorkload, type CaseWorkload } from './case-workload';
import { makePlainCopy, openPlainDataSource } from './plain-copy';
import { withServiceCall } from './service-context';
import { median, percentile, round, timeMs } from './stats';
import type { SessionUser } from '../../electron/core/contract/types/workstation-types';

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

/** Replays the workload's reads on a DataSource through the service functions (no dispatcher, no audit). */
async function readWorkload(ds: DataSource, w: CaseWorkload, user: SessionUser, now: Date): Promise<void> {
  const today = berlinDate(now);
  await withServiceCall(ds, now, user, async (ctx) => {
    for (const s of w.searches) await searchClients(ctx.tx, s.query, 20, today);
    for (const [clientId, caseId] of w.opens) {
      await loadClientDetail(ctx, clientId);
      await loadCaseDetail(ctx.tx, caseId);
    }
    for (const l of w.lists) await listClients(ctx, clientListInput.parse(l));
  });
}

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

/** One kind of list page (filter/sort): how many pages the workload asked for, their deepest offset and times. */
export interface ListKindFigures {
  n: number;
  max_offset: number;
  p50_ms: number;
  p95_ms: number;
}

export interface CaseBenchResult {
  figures: Record<string, number>;
  /** Per list kind, slowest (p95) first. */
  listKinds: Record<string, ListKindFigures>;
}

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
    makePlainCopy(vaultDb, key, join(tmp.dir, 'plain.db'));

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
    let variantQueries = 0;
    let variantHits = 0;
    for (const s of workload.searches) {
      const hits = ok(await timed(search, () => core.dispatch('clients.search', { query: s.query, limit: 20 }))) as { id: string }[];
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
    for (const caseId of workload.noteCases) {
      const note = { caseId, occurredOn: today, kind: 'phone', text: 'Benchmark: Rückruf wegen der Unterlagen für das Jobcenter, Termin vereinbart.', internal: false };
      ok(await timed(write, () => core.dispatch('notes.add', note)));
    }

    // Dispatcher layer (permission, transaction, audit entry + commit) vs the service alone, same clients.get.
    const vault = await openWithRecoveryKey({ dataDir }, run.recoveryKey!);
    const viaDispatcher: number[] = [];
    const direct: number[] = [];
    for (const [clientId] of workload.opens) {
      ok(await timed(viaDispatcher, () => core.dispatch('clients.get', { id: clientId })));
      await timed(direct, () => withServiceCall(vault.dataSource, now, user, (ctx) => loadClientDetail(ctx, clientId)));
    }
    await core.close();

    // Cipher: the same reads through the same services on the encrypted vault and on its plain copy, alternating.
    // A quarter of each kind keeps the 8 passes affordable when list pages are slow.
    o.log('  measuring the cipher share: the same reads on the vault and on a decrypted copy …');
    const share = { ...workload, searches: workload.searches.filter((_, i) => i % 4 === 0), opens: workload.opens.slice(0, o.per / 4), lists: workload.lists.slice(0, o.per / 4) };
    const plain = await openPlainDataSource(join(tmp.dir, 'plain.db'));
    const encMs: number[] = [];
    const plainMs: number[] = [];
    await readWorkload(vault.dataSource, share, user, now);
    await readWorkload(plain, share, user, now);
    for (let r = 0; r < 3; r++) {
      plainMs.push(await timeMs(() => readWorkload(plain, share, user, now)));
      encMs.push(await timeMs(() => readWorkload(vault.dataSource, share, user, now)));
    }
    await plain.destroy();
    vault.forgetKey();
    await vault.dataSource.destroy();

    const listKinds = Object.fromEntries(
      [...listByKind.entries()]
        .map(([kind, { ms, maxOffset }]): [string, ListKindFigures] => [
          kind,
          { n: ms.length, max_offset: maxOffset, p50_ms: round(median(ms)), p95_ms: round(percentile(ms, 95)) },
        ])
        .sort((a, b) => b[1].p95_ms - a[1].p95_ms),
    );
    o.log(`  list kinds (p95 ms, slowest first): ${Object.entries(listKinds).map(([k, v]) => `${k} ${v.p95_ms}`).join(', ')}`);
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
    };
    return { figures, listKinds };
  } finally {
    tmp.cleanup();
  }
}
