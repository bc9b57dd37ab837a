import type { FieldCipher } from '../../../electron/core/platform/vault/field-cipher';
import type { DataSource } from 'typeorm';
import { appendAudit, type AuditActor } from '../../../electron/core/platform/audit/audit-log';
import { BulkWriter, type DemoCounts } from './bulk-writer';
import { DemoGenerator, type DemoOptions } from '../generate/generator';
import { rawConnection } from './raw-connection';
import { generateDirectory } from '../generate/partners';
import { generateFindings } from '../generate/findings';
import { berlinDate } from '../../../electron/core/contract/dates';
import { DemoIds } from '../generate/demo-ids';
import { mixSeed, Rng } from '../generate/prng';
import { REFRESH_CLIENT_CASE_COLUMNS } from '../../../electron/core/domain/clients/client-case-columns';

export interface DemoImportOptions extends Omit<DemoOptions, 'idSalt'> {
  clients: number;
  /** Who imports (an administrator); named in the one audit entry. */
  actor: AuditActor;
  /** Called at each further 10 % of clients written. */
  onProgress?: (done: number, total: number) => void;
}

/** Clients per transaction: ~60 rows each (with 20 notes), so ~30,000 rows per commit. */
const BATCH_CLIENTS = 500;
/** Page cache during the import (KiB, negative = size): index pages of a million notes stay in memory. */
const IMPORT_CACHE_KIB = 256 * 1024;

/**
 * Fills an open vault with generated demo data through the bulk writer, then writes ONE audit entry
 * ('demo.import') for the whole import instead of one per record: nobody read or changed a real person's file.
 * No change_entry rows are written (see BulkWriter), so demo data never leaves this workstation by sync. The demo
 * partner directory comes with the first import into a vault whose directory is empty.
 */
export async function importDemoData(dataSource: DataSource, fields: FieldCipher, options: DemoImportOptions): Promise<DemoCounts> {
  const db = rawConnection(dataSource);
  const existing = (db.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n;
  const writer = new BulkWriter(db, dataSource, fields);
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    // The directory once per vault, from streams of its own (ids and draws), so clients stay as they were.
    const directoryEmpty = (db.prepare('SELECT count(*) AS n FROM partner').get() as { n: number }).n === 0;
    if (directoryEmpty) writer.writeDirectory(generateDirectory(new Rng(mixSeed(options.seed, 0x9a47)), new DemoIds(options.seed, 0x9a47_0000), options.now.toISOString()));
    // Referrals go to the partners of the vault's directory, conferences invite them, findings name them.
    const directory = db.prepare('SELECT id, name, kind, archived_at FROM partner ORDER BY id').all() as { id: string; name: string; kind: string; archived_at: string | null }[];
    const partners = directory.filter((p) => p.archived_at === null).map(({ id, name }) => ({ id, name }));
    const generator = new DemoGenerator({ ...options, idSalt: existing, partners });
    let reported = 0;
    for (let start = 0; start < options.clients; start += BATCH_CLIENTS) {
      const end = Math.min(options.clients, start + BATCH_CLIENTS);
      const batch = [];
      for (let i = start; i < end; i++) batch.push(generator.client(i));
      writer.write(batch);
      const tenth = Math.floor((end * 10) / options.clients);
      if (tenth > reported) {
        reported = tenth;
        options.onProgress?.(end, options.clients);
      }
    }
    // Structural findings of this import's office, about one per 40 clients, naming partners of the directory.
    writer.writeFindings(
      generateFindings(new Rng(mixSeed(options.seed, existing, 0xf1)), new DemoIds(options.seed, existing + 0xf1_0000), {
        office: options.office,
        managers: options.caseManagers,
        partners: directory,
        today: berlinDate(options.now),
        count: Math.ceil(options.clients / 40),
      }),
    );
    // The list filters read the current case's phase and manager from the client row (migration 0005).
    db.exec(REFRESH_CLIENT_CASE_COLUMNS);
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
  await dataSource.transaction((tx) =>
    appendAudit(tx, { at: options.now, actor: options.actor, action: 'demo.import', entity: 'client', entityId: null, fields: ['demo'] }),
  );
  // Fold the large WAL back into vault.db and truncate it, so the folder does not keep a second copy's worth of disk.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return writer.counts;
}
