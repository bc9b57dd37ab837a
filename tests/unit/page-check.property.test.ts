import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCipherPages } from '../../electron/core/platform/vault/page-check';
import { applySqlcipherKey, loadSqliteDriver } from '../../electron/core/platform/vault/sqlcipher';
import { tempDir } from '../helpers/temp-vault';

/**
 * The page check of vault.db against SQLCipher's own reading: a file written through the cipher passes, and any
 * bytes changed in any page (outside the salt, which keys every page) are reported as exactly the pages changed.
 */
describe('cipher page check', () => {
  const tmp = tempDir('kim-akte-pages-');
  const key = randomBytes(32);
  let pristine: Buffer;
  const PAGE = 4096;

  beforeAll(() => {
    const Database = loadSqliteDriver();
    const path = join(tmp.dir, 'pristine.db');
    const db = new Database(path);
    applySqlcipherKey(db, key);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 600; i++) insert.run(`row ${i} `.repeat(20));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    pristine = readFileSync(path);
  });
  afterAll(() => tmp.cleanup());

  it('passes the file as written, and fails every page under a wrong key', () => {
    const path = join(tmp.dir, 'check.db');
    writeFileSync(path, pristine);
    const pages = pristine.length / PAGE;
    expect(pages).toBeGreaterThan(20);
    expect(checkCipherPages(path, key, PAGE)).toEqual({ pages, damaged: [] });
    expect(checkCipherPages(path, randomBytes(32), PAGE).damaged).toHaveLength(pages);
  });

  it('reports exactly the pages whose bytes changed (property)', () => {
    const pages = pristine.length / PAGE;
    const path = join(tmp.dir, 'mutated.db');
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: 16, max: pristine.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        (changes) => {
          const bytes = Buffer.from(pristine);
          for (const c of changes) bytes[c.offset]! ^= c.xor;
          writeFileSync(path, bytes);
          // Two changes at one offset may cancel out: the expectation is the pages whose bytes differ.
          const changed = [...new Set(changes.map((c) => Math.floor(c.offset / PAGE) + 1))].filter((p) => !bytes.subarray((p - 1) * PAGE, p * PAGE).equals(pristine.subarray((p - 1) * PAGE, p * PAGE)));
          const result = checkCipherPages(path, key, PAGE);
          expect(result.pages).toBe(pages);
          expect(result.damaged).toEqual(changed.sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports a torn last page', () => {
    const path = join(tmp.dir, 'torn.db');
    writeFileSync(path, pristine.subarray(0, pristine.length - 100));
    const r = checkCipherPages(path, key, PAGE);
    expect(r.damaged).toEqual([pristine.length / PAGE]);
  });
});
