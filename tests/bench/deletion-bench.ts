import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { openRawEncrypted } from '../../electron/core/platform/vault/sqlcipher';
import { runDemoData } from '../demo-data/demo-data-command';
import { enrolAccount } from '../helpers/enrol';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';
import { median, percentile, round } from './stats';

/**
 * Deleting a person at scale: a demo vault of `clients` clients; `persons` of them get more cases, notes and
 * documents through the dispatcher; then each is erased through the real four-eyes path (Datenschutz asks, records
 * the archive's refusal, Koordination approves with its passphrase). The approval call is the figure
 * (delete_person_ms: re-authentication, erasure, tombstones, audit, WAL truncation). Baseline in the same run: the
 * same case manager's re-authenticated delete of one document (documents.delete: the same KDF, one row and file).
 * VACUUM of the whole vault is measured once, apart, to decide whether it runs per deletion or batched.
 */
export interface DeletionBenchOptions {
  clients: number;
  persons: number;
  log: (line: string) => void;
}

export interface DeletionBenchResult {
  delete_person_samples: number;
  delete_person_ms: number;
  delete_person_p95_ms: number;
  delete_person_rows_median: number;
  delete_document_baseline_ms: number;
  delete_person_baseline_ratio: number;
  vacuum_ms: number;
  vacuum_vault_mb: number;
}

const KO = { login: 'ko.bench', displayName: 'Koordination Bench', role: 'koordination' as const, passphrase: 'Kreishaus Unna im Nebel 2026' };
const DS = { login: 'datenschutz', passphrase: ADMIN_PASSPHRASE };
const FM = { login: 'fm.1', passphrase: ADMIN_PASSPHRASE };
const PDF = (i: number) => Buffer.from(`%PDF-1.7\n% Bescheid ${i}\n${'x'.repeat(20_000)}\n%%EOF\n`, 'latin1').toString('base64');

function ok<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  try {
    return await fn();
  } finally {
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

async function as(core: CoreDispatcher, who: { login: string; passphrase: string }): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/** Gives a client three closed cases in all, with notes, and documents; returns the client id. */
async function enlarge(core: CoreDispatcher, clientId: string, i: number): Promise<void> {
  const detail = await call(core, 'clients.get', { id: clientId });
  for (const c of detail.cases.filter((k) => !k.closedOn)) {
    const kase = await call(core, 'cases.get', { id: c.id });
    await call(core, 'cases.close', {
      id: c.id,
      version: kase.version,
      reason: 'other',
      goalOutcomes: kase.goals.filter((g) => g.status === 'open' || g.status === 'in-progress').map((g) => ({ goalId: g.id, status: 'dropped', outcomeNote: null })),
    });
  }
  for (let k = 0; k < 2; k++) {
    const opened = await call(core, 'cases.open', { clientId, rechtskreise: ['sgb2'] });
    for (let n = 0; n < 10; n++) await call(core, 'notes.add', { caseId: opened.id, occurredOn: '2026-01-15', kind: 'phone', text: `Telefonat ${n} im Fall ${k}`, internal: false });
    for (let d = 0; d < 3; d++) await call(core, 'documents.upload', { clientId, caseId: opened.id, fileName: `Bescheid-${d}.pdf`, mimeType: 'application/pdf', category: 'notice', contentBase64: PDF(i * 10 + d) });
    const kase = await call(core, 'cases.get', { id: opened.id });
    await call(core, 'cases.close', { id: opened.id, version: kase.version, reason: 'goals-achieved' });
  }
}

export async function benchDeletion(o: DeletionBenchOptions): Promise<DeletionBenchResult> {
  const tmp = tempDir('kim-akte-bench-deletion-');
  const dataDir = join(tmp.dir, 'vault');
  const quiet = { out: () => undefined, progress: (line: string) => o.log(`  ${line}`) };
  try {
    o.log(`deletion: a demo vault with ${o.clients} clients …`);
    const run = await runDemoData({ dataDir, office: 'lunen', clients: String(o.clients), notesPerClient: '4', seed: '5' }, ADMIN_PASSPHRASE, quiet);
    const key = databaseKeyForRecoveryKey({ dataDir }, run.recoveryKey!);
    const core = new CoreDispatcher({ dataDir });
    try {
      await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
      await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, KO, DS);
      const raw = openRawEncrypted(join(dataDir, 'vault.db'), key);
      const ids = (
        raw.prepare(`SELECT c.id FROM client c JOIN kim_case k ON k.client_id = c.id WHERE c.office = 'lunen' AND k.case_manager_id = (SELECT id FROM account WHERE login = 'fm.1') GROUP BY c.id ORDER BY c.id LIMIT ?`).all(o.persons + 3) as {
          id: string;
        }[]
      ).map((r) => r.id);
      raw.close();
      if (ids.length < o.persons + 3) throw new Error('the demo vault has too few clients of fm.1');
      o.log(`  enlarging ${o.persons} persons (3 cases, 20 more notes, 6 documents each) …`);
      await as(core, FM);
      for (let i = 0; i < o.persons; i++) await enlarge(core, ids[i]!, i);
      // Baseline: re-authenticated deletes of one document each, by the case manager, on other clients.
      const baseline: number[] = [];
      const spare = ids.slice(o.persons);
      for (let i = 0; i < o.persons; i++) {
        const doc = await call(core, 'documents.upload', { clientId: spare[i % spare.length]!, fileName: 'Notiz.pdf', mimeType: 'application/pdf', category: 'other', contentBase64: PDF(900 + i) });
        ok(await timed(baseline, () => core.dispatch('documents.delete', { id: doc.id, passphrase: FM.passphrase })));
      }
      o.log(`  erasing ${o.persons} persons through the four-eyes path …`);
      await as(core, DS);
      const requests: string[] = [];
      for (let i = 0; i < o.persons; i++) {
        const r = await call(core, 'deletions.request', { clientId: ids[i]!, ground: 'subject', reason: 'Antrag der Person (Bench)' });
        await call(core, 'deletions.archiveDeclined', { id: r.id });
        requests.push(r.id);
      }
      await as(core, KO);
      const samples: number[] = [];
      const rows: number[] = [];
      for (const id of requests) {
        const done = ok(await timed(samples, () => core.dispatch('deletions.approve', { id, passphrase: KO.passphrase }))) as { removedRows: number };
        rows.push(done.removedRows);
      }
      await call(core, 'session.lock');
      o.log('  VACUUM of the whole vault, once …');
      const vaultDb = join(dataDir, 'vault.db');
      const db = openRawEncrypted(vaultDb, key);
      const mb = round(statSync(vaultDb).size / 1e6, 1);
      const start = process.hrtime.bigint();
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      const vacuumMs = Number(process.hrtime.bigint() - start) / 1e6;
      db.close();
      key.fill(0);
      const person = median(samples);
      const base = median(baseline);
      return {
        delete_person_samples: samples.length,
        delete_person_ms: round(person),
        delete_person_p95_ms: round(percentile(samples, 95)),
        delete_person_rows_median: median(rows),
        delete_document_baseline_ms: round(base),
        delete_person_baseline_ratio: round(person / base, 2),
        vacuum_ms: round(vacuumMs),
        vacuum_vault_mb: mb,
      };
    } finally {
      await core.close();
    }
  } finally {
    tmp.cleanup();
  }
}
