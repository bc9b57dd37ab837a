import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyConnectionSettings, applySqlcipherKey, loadSqliteDriver, type SqliteDatabase } from '../../electron/core/platform/vault/sqlcipher';
import { tempDir } from '../helpers/temp-vault';
import { median, round, timeMs } from './stats';

const GIVEN = ['Amina', 'Mohammed', 'Olena', 'Yusuf', 'Fatima', 'Oleksandr', 'Mariam', 'Hussein', 'Nour', 'Aliou'];
const FAMILY = ['Haddad', 'Rahimi', 'Kovalenko', 'Yilmaz', 'Tesfaye', 'Diallo', 'Ahmadi', 'Hassan', 'Nguyen', 'Okafor'];

/** The same workload on one connection: batched inserts, point reads by key, an indexed range scan, updates. */
function workload(db: SqliteDatabase, rows: number): void {
  db.exec(`CREATE TABLE client (id INTEGER PRIMARY KEY, family TEXT, given TEXT, born TEXT, note TEXT);
           CREATE INDEX ix_client_family ON client (family, given);`);
  const insert = db.prepare('INSERT INTO client (family, given, born, note) VALUES (?, ?, ?, ?)');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      insert.run(FAMILY[i % 10], GIVEN[(i * 7) % 10], `19${String(60 + (i % 40))}-01-01`, `Gesprächsnotiz ${i} `.repeat(8));
    }
  });
  for (let i = 0; i < rows; i += 500) batch(i, Math.min(rows, i + 500));
  const byId = db.prepare('SELECT * FROM client WHERE id = ?');
  for (let i = 0; i < rows; i += 7) byId.get(1 + ((i * 7919) % rows));
  const range = db.prepare('SELECT id, given FROM client WHERE family = ? ORDER BY given LIMIT 100');
  for (let i = 0; i < 500; i++) range.all(FAMILY[i % 10]);
  const update = db.prepare('UPDATE client SET note = ? WHERE id = ?');
  db.transaction(() => {
    for (let i = 1; i <= rows; i += 5) update.run('aktualisiert', i);
  })();
}

function runOnce(dir: string, encrypted: boolean, rows: number, round: number): number {
  const Database = loadSqliteDriver();
  const db = new Database(join(dir, `${encrypted ? 'enc' : 'plain'}-${round}.db`));
  // The vault's connection settings on both (page cache, secure_delete, fsync, temp store): only the cipher differs.
  if (encrypted) applySqlcipherKey(db, randomBytes(32));
  else applyConnectionSettings(db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const start = process.hrtime.bigint();
  workload(db, rows);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  db.close();
  return ms;
}

/**
 * Encrypted (SQLCipher 4 settings) vs plain SQLite on the same workload and connection settings, at least 5 rounds,
 * the order alternating (plain first in even rounds, encrypted first in odd ones) so that neither side always runs
 * on a warmer machine.
 */
export async function benchCipher(rows: number, rounds: number): Promise<Record<string, number>> {
  const tmp = tempDir('kim-akte-bench-cipher-');
  const plain: number[] = [];
  const enc: number[] = [];
  for (let r = 0; r < Math.max(5, rounds); r++) {
    for (const encrypted of r % 2 === 0 ? [false, true] : [true, false]) {
      (encrypted ? enc : plain).push(await timeMs(() => runOnce(tmp.dir, encrypted, rows, r)));
    }
  }
  tmp.cleanup();
  return {
    cipher_rows: rows,
    plain_median_ms: round(median(plain)),
    encrypted_median_ms: round(median(enc)),
    cipher_overhead_ratio: round(median(enc) / median(plain), 3),
    cipher_rounds: enc.length,
  };
}
