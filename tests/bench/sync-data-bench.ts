import * as nodeFs from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { SYNC_ENTITIES } from '../../electron/core/domain/sync/sync-registry';
import type { ShareFileHandle, ShareFs } from '../../electron/core/platform/files/share-io';
import { encodeHlc } from '../../electron/core/platform/sync/hlc';
import { openRawEncrypted, type SqliteDatabase } from '../../electron/core/platform/vault/sqlcipher';
import { runDemoData } from '../demo-data/demo-data-command';
import { inviteAndJoin, workstation, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call, closeCores, openCore, openCores, tempDir } from '../helpers/temp-vault';
import { percentile, round } from './stats';

/**
 * Data sync at office scale: a demo vault (the demo generator, bulk-imported without change-log entries) is marked
 * syncable here, in bench code only: one change-log entry and one row clock per demo row, with its own HLC, in the
 * order an office would have written them (client by client, parents first). Its workstation founds a network as
 * IT, then syncs as a case manager (who holds the category keys the notes are encrypted under); a fresh workstation
 * of the same office joins. Measured: the existing workstation's rounds that enrol the new one and write it the
 * whole office (export), the new workstation's rounds until it holds every row (import), and their sum (initial
 * office sync). Per file, the share's file system is watched: the time between two data files written (built and
 * written) and between two read (read, verified, decrypted, applied in one transaction).
 */
export interface SyncDataFigures {
  /** The office's own files in the demo vault (it also holds some files of the other towns, not sent). */
  sync_data_clients: number;
  sync_data_notes: number;
  sync_data_rows: number;
  sync_data_files: number;
  sync_data_mb: number;
  sync_export_rounds: number;
  sync_export_s: number;
  sync_export_changes_per_s: number;
  sync_export_file_p95_ms: number;
  sync_import_rounds: number;
  sync_import_applied: number;
  /** Time spent reading and applying the data files (the share watched), rows applied per second of it. */
  sync_import_apply_s: number;
  sync_import_changes_per_s: number;
  /** Whole import rounds (with what the new workstation then passes on itself). */
  sync_import_rounds_s: number;
  sync_import_file_p95_ms: number;
  sync_initial_office_s: number;
  /** Files the new workstation wrote in its import rounds: the received rows it passes on (relay) to the office. */
  sync_relay_files: number;
  sync_mark_s: number;
  /** The existing workstation's first round in the network (before the new one joins), not part of the initial sync. */
  sync_first_round_s: number;
  sync_build_s: number;
}

export interface FileTiming {
  seq: string;
  ms: number;
  mb: number;
}

interface FsEvent {
  op: 'write' | 'read' | 'other';
  path: string;
  at: number;
  bytes: number;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** node:fs/promises with every call noted (time, path, size of files written and read). */
function watchedFs(events: FsEvent[]): ShareFs {
  const sizes = new Map<string, number>();
  const note = (op: FsEvent['op'], path: string, bytes = 0) => events.push({ op, path, at: nowMs(), bytes });
  return {
    open: async (path, flags, mode) => {
      const h = await nodeFs.open(path, flags, mode);
      note('other', path);
      const handle: ShareFileHandle = {
        writeFile: async (data) => {
          sizes.set(path, data.byteLength);
          await h.writeFile(data);
        },
        sync: () => h.sync(),
        close: () => h.close(),
      };
      return handle;
    },
    rename: async (from, to) => {
      await nodeFs.rename(from, to);
      note('write', to, sizes.get(from) ?? 0);
      sizes.delete(from);
    },
    readFile: async (path) => {
      const bytes = await nodeFs.readFile(path);
      note('read', path, bytes.length);
      return bytes;
    },
    readdir: async (path) => {
      note('other', path);
      return nodeFs.readdir(path);
    },
    stat: async (path) => {
      note('other', path);
      return nodeFs.stat(path);
    },
    unlink: async (path) => {
      note('other', path);
      return nodeFs.unlink(path);
    },
    mkdir: (path, options) => nodeFs.mkdir(path, options),
    access: (path, mode) => nodeFs.access(path, mode),
  };
}

/** Log files of `device` in [from, to): each one's time from the event before it (or `from`) and its size. */
function fileTimings(events: FsEvent[], op: 'write' | 'read', device: string, from: number, to: number, minBytes: number): FileTiming[] {
  const inWindow = events.filter((e) => e.at >= from && e.at <= to);
  const out: FileTiming[] = [];
  let last = from;
  for (let i = 0; i < inWindow.length; i++) {
    const e = inWindow[i]!;
    if (e.op !== op || basename(dirname(e.path)) !== 'log' || basename(dirname(dirname(e.path))) !== device) continue;
    if (op === 'write') {
      // Built and written: since the previous file was written (or the round began).
      if (e.bytes >= minBytes) out.push({ seq: basename(e.path), ms: e.at - last, mb: e.bytes / 1024 / 1024 });
      last = e.at;
    } else {
      // Read, verified, decrypted and applied: until the next call on the share.
      const next = inWindow.slice(i + 1).find((x) => x.op !== 'other' || x.path !== e.path);
      if (e.bytes >= minBytes) out.push({ seq: basename(e.path), ms: (next?.at ?? to) - e.at, mb: e.bytes / 1024 / 1024 });
    }
  }
  return out;
}

/**
 * Writes one change-log entry and one row clock per synced row of the office's own files (bench only: the app never
 * marks demo data). The demo vault also holds some files of the other towns, written there as if by this office:
 * in a real vault they are copies that arrived by sync, narrowed to what consents grant; they stay unmarked here (a
 * demo vault's first round enters no unrecorded rows: sync/unrecorded-rows.ts). Returns the marked rows per entity.
 */
function markSyncable(db: SqliteDatabase, deviceId: string, office: string, startMs: number): Record<string, number> {
  db.exec('CREATE TEMP TABLE bench_rows (client TEXT NOT NULL, ord INTEGER NOT NULL, entity TEXT NOT NULL, eid TEXT NOT NULL, fields TEXT NOT NULL)');
  for (const spec of SYNC_ENTITIES) {
    const fields = JSON.stringify(Object.keys(spec.fields).sort());
    db.prepare(
      `INSERT INTO bench_rows (client, ord, entity, eid, fields) SELECT ${spec.clientSql}, ?, ?, ${spec.idSql}, ? FROM ${spec.table} t ${spec.joinSql ?? ''}
       WHERE ${spec.clientSql} IN (SELECT id FROM client WHERE office = ?)`,
    ).run(spec.order, spec.entity, fields, office);
  }
  const counts = Object.fromEntries((db.prepare('SELECT entity, COUNT(*) AS n FROM bench_rows GROUP BY entity').all() as { entity: string; n: number }[]).map((r) => [r.entity, r.n]));
  const n = Object.values(counts).reduce((a, b) => a + b, 0);
  const before = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM change_entry').get() as { n: number }).n;
  // One HLC per row, a thousand per millisecond, ending before now: the office wrote them over the past.
  const wall0 = startMs - Math.ceil(n / 1000) - 60_000;
  if (!/^\d{15}-\d{6}$/.test(encodeHlc({ wall: wall0, counter: 0 }))) throw new Error('unexpected HLC format');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO change_entry (entity, entity_id, fields, hlc, device_id, operation)
       SELECT entity, eid, fields, printf('%015d-%06d', ? + (rn - 1) / 1000, (rn - 1) % 1000), ?, 'upsert'
       FROM (SELECT entity, eid, fields, row_number() OVER (ORDER BY client, ord, entity, eid) AS rn FROM bench_rows) ORDER BY rn`,
    ).run(wall0, deviceId);
    db.prepare(
      `INSERT INTO sync_clock (entity, entity_id, field, hlc, device, actor, vv, deleted)
       SELECT entity, entity_id, '*', hlc, device_id, NULL, NULL, 0 FROM change_entry WHERE id > ?`,
    ).run(before);
  })();
  db.exec('DROP TABLE bench_rows');
  return counts;
}

/** Rows per synced table. */
function tableCounts(db: SqliteDatabase): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of SYNC_ENTITIES) out[spec.entity] = (db.prepare(`SELECT COUNT(*) AS n FROM ${spec.table}`).get() as { n: number }).n;
  return out;
}

async function timedRound(core: CoreDispatcher): Promise<{ ms: number; sent: number; received: number; applied: number; conflicts: number; rejected: number }> {
  const start = nowMs();
  const r = await call(core, 'sync.run');
  return { ms: nowMs() - start, sent: r.sent, received: r.received, applied: r.applied, conflicts: r.conflicts, rejected: r.rejected };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function slowestFiles(files: FileTiming[], count = 3): string {
  return [...files]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((f) => `${f.seq} ${round(f.ms, 0)} ms (${round(f.mb, 1)} MB)`)
    .join(', ');
}

export async function benchSyncData(options: { clients: number; notesPerClient: number; log: (line: string) => void }): Promise<SyncDataFigures> {
  const tmp = tempDir('kim-akte-sync-data-bench-');
  const log = options.log;
  try {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const dataDir = join(tmp.dir, 'office');
    log(`sync data: building a vault with ${options.clients} clients and ${options.clients * options.notesPerClient} notes …`);
    const buildStart = nowMs();
    const run = await runDemoData(
      { dataDir, office: 'lunen', clients: String(options.clients), notesPerClient: String(options.notesPerClient), seed: '1' },
      ADMIN_PASSPHRASE,
      { out: () => undefined, progress: () => undefined },
      new Date(),
    );
    const buildS = (nowMs() - buildStart) / 1000;
    const key = databaseKeyForRecoveryKey({ dataDir }, run.recoveryKey!);
    const raw = openRawEncrypted(join(dataDir, 'vault.db'), key);
    const markStart = nowMs();
    const deviceId = (raw.prepare(`SELECT value FROM setting WHERE key = 'device.id'`).get() as { value: string }).value;
    const expected = markSyncable(raw, deviceId, 'lunen', Date.now());
    const markS = (nowMs() - markStart) / 1000;
    const rows = sum(Object.values(expected));
    const officeClients = expected['client'] ?? 0;
    raw.close();
    log(
      `  built in ${round(buildS, 1)} s; marked the office's ${rows} rows syncable in ${round(markS, 1)} s (${Object.entries(expected)
        .map(([e, n]) => `${e} ${n}`)
        .join(', ')})`,
    );

    const officeEvents: FsEvent[] = [];
    const joinerEvents: FsEvent[] = [];
    const instant = () => Promise.resolve();
    const logger = {
      info: (m: string, f?: Record<string, unknown>) => (m.endsWith(' refused') ? log(`  core: ${m} (${String(f?.code)})`) : undefined),
      error: (m: string) => log(`  core: ${m}`),
    };
    const office = openCore({ dataDir, logger, syncIo: { fs: watchedFs(officeEvents), sleep: instant } });
    await call(office, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await call(office, 'network.create', { share });
    // The vault's first round in the network, before anyone joins (a real vault also checks its rows for unrecorded
    // ones then, once; a demo vault does not: sync/unrecorded-rows.ts). Measured on its own: a workstation that has
    // been in the network for a day has done it long before a new PC joins.
    const firstStart = nowMs();
    await call(office, 'sync.run');
    const firstRoundS = (nowMs() - firstStart) / 1000;
    log(`sync data: the existing workstation's first round in the network, before anyone joins: ${round(firstRoundS, 1)} s`);
    const existing: Workstation = { name: 'office', dir: dataDir, core: office, recoveryKey: run.recoveryKey! };
    const joiner = await workstation(tmp.dir, 'new-ws', 'lunen', { io: { fs: watchedFs(joinerEvents), sleep: instant } });
    await inviteAndJoin(existing, joiner, share);
    // The existing workstation syncs as a case manager: its session holds the keys the protected fields are under.
    await call(office, 'session.lock');
    await call(office, 'session.unlock', { login: 'fm.1', passphrase: ADMIN_PASSPHRASE });
    const officeDevice = (await call(office, 'network.status')).deviceId;
    const joinerDevice = (await call(joiner.core, 'network.status')).deviceId;

    // Export: rounds of the existing workstation (the first enrols the new one) until one writes no more data files.
    const exportStart = nowMs();
    const exportRounds: Awaited<ReturnType<typeof timedRound>>[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await timedRound(office);
      exportRounds.push(r);
      if (r.sent <= 1) break;
    }
    const exportEnd = nowMs();
    const exportS = sum(exportRounds.map((r) => r.ms)) / 1000;
    // Files above 1 KB are data files (control records and checkpoints are a few hundred bytes).
    const exportFiles = fileTimings(officeEvents, 'write', officeDevice, exportStart, exportEnd, 1025);
    const exportMb = sum(exportFiles.map((f) => f.mb));

    // Import: rounds of the new workstation until it holds the whole office (checked between rounds, not timed).
    const importStart = nowMs();
    const importRounds: Awaited<ReturnType<typeof timedRound>>[] = [];
    const joinerKey = databaseKeyForRecoveryKey({ dataDir: joiner.dir }, joiner.recoveryKey!);
    let held: Record<string, number> = {};
    const holdsAll = () => SYNC_ENTITIES.every((s) => (held[s.entity] ?? 0) >= (expected[s.entity] ?? 0));
    for (let i = 0; i < 20; i++) {
      const r = await timedRound(joiner.core);
      importRounds.push(r);
      const db = openRawEncrypted(join(joiner.dir, 'vault.db'), joinerKey);
      held = tableCounts(db);
      db.close();
      if (holdsAll() || r.received === 0) break;
    }
    const importEnd = nowMs();
    if (!holdsAll()) {
      throw new Error(
        `the new workstation does not hold the whole office after ${importRounds.length} rounds: ${SYNC_ENTITIES.map((s) => `${s.entity} ${held[s.entity]}/${expected[s.entity]}`).join(', ')}`,
      );
    }
    const importRoundsS = sum(importRounds.map((r) => r.ms)) / 1000;
    const importFiles = fileTimings(joinerEvents, 'read', officeDevice, importStart, importEnd, 1025);
    const applyS = sum(importFiles.map((f) => f.ms)) / 1000;
    const applied = sum(importRounds.map((r) => r.applied));
    const relayFiles = fileTimings(joinerEvents, 'write', joinerDevice, importStart, importEnd, 1025).length;
    const initialS = exportS + importRoundsS;

    const figures: SyncDataFigures = {
      sync_data_clients: officeClients,
      sync_data_notes: expected['note'] ?? 0,
      sync_data_rows: rows,
      sync_data_files: exportFiles.length,
      sync_data_mb: round(exportMb, 1),
      sync_export_rounds: exportRounds.length,
      sync_export_s: round(exportS, 1),
      sync_export_changes_per_s: Math.round(rows / exportS),
      sync_export_file_p95_ms: round(percentile(exportFiles.map((f) => f.ms), 95), 0),
      sync_import_rounds: importRounds.length,
      sync_import_applied: applied,
      sync_import_apply_s: round(applyS, 1),
      sync_import_changes_per_s: Math.round(applied / applyS),
      sync_import_rounds_s: round(importRoundsS, 1),
      sync_import_file_p95_ms: round(percentile(importFiles.map((f) => f.ms), 95), 0),
      sync_initial_office_s: round(initialS, 1),
      sync_relay_files: relayFiles,
      sync_mark_s: round(markS, 1),
      sync_first_round_s: round(firstRoundS, 1),
      sync_build_s: round(buildS, 1),
    };
    log(
      `sync data: ${rows} rows of the office's ${officeClients} clients (${figures.sync_data_notes} notes) in ${exportFiles.length} data files (${figures.sync_data_mb} MB); ` +
        `export ${exportRounds.length} round(s) ${figures.sync_export_s} s (${exportRounds.map((r) => `${round(r.ms / 1000, 1)} s/${r.sent} files`).join(', ')}), ${figures.sync_export_changes_per_s} rows/s`,
    );
    log(`  slowest files written (built + written; n=${exportFiles.length}, p95 ${figures.sync_export_file_p95_ms} ms): ${slowestFiles(exportFiles)}`);
    log(
      `sync data: import ${importRounds.length} round(s) ${figures.sync_import_rounds_s} s (${importRounds.map((r) => `${round(r.ms / 1000, 1)} s/${r.received} files read/${r.applied} rows/${r.sent} files sent`).join(', ')}); ` +
        `${applied} rows applied in ${figures.sync_import_apply_s} s of reading and applying files: ${figures.sync_import_changes_per_s} rows/s`,
    );
    log(`  slowest files read and applied (n=${importFiles.length}, p95 ${figures.sync_import_file_p95_ms} ms): ${slowestFiles(importFiles)}`);
    log(`  the new workstation passed on (relayed) the received rows in ${relayFiles} files of its own during those rounds`);
    log(`sync data: initial office sync (enrolment until the new workstation holds the office) ${figures.sync_initial_office_s} s`);
    return figures;
  } finally {
    await closeCores(openCores.inFile);
    await closeCores(openCores.inTest);
    tmp.cleanup();
  }
}
