import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupFormatError, BackupWriter, readBackupEntries, readBackupHeader, type BackupHeaderInput } from '../../electron/core/platform/vault/backup-format';
import { tempDir } from '../helpers/temp-vault';

const HEADER: BackupHeaderInput = {
  createdAt: '2026-12-01T08:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 17,
  vaultId: '7b0c3c1e-2f43-4c55-9a7e-0c1d2e3f4a5b',
  office: 'lunen',
  auditHead: { id: 42, hash: 'a'.repeat(64) },
  keyring: '{"format":"kim-akte-keyring"}',
};

const entryName = fc.oneof(
  fc.constantFrom('vault.db', 'keyring.json', 'audit-head.json'),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => `documents/${Buffer.from(b).toString('hex')}`),
);
const entries = fc.uniqueArray(fc.record({ name: entryName, content: fc.uint8Array({ maxLength: 3000 }) }), { selector: (e) => e.name, maxLength: 6 });

function write(path: string, key: Buffer, list: { name: string; content: Uint8Array }[]): void {
  const writer = new BackupWriter(path, HEADER, key);
  for (const e of list) writer.addEntry(e.name, e.content.length, (emit) => emit(Buffer.from(e.content)));
  writer.finish();
}

function read(path: string, key: Buffer): { name: string; content: Buffer }[] {
  const out: { name: string; content: Buffer }[] = [];
  readBackupEntries(path, key, {
    begin: (name) => out.push({ name, content: Buffer.alloc(0) }),
    data: (p) => {
      out.at(-1)!.content = Buffer.concat([out.at(-1)!.content, p]);
    },
    end: () => undefined,
  });
  return out;
}

/** Reading either gives back exactly what was written, or fails with a format error: never other content, never a crash. */
function readOrFormatError(path: string, key: Buffer): { name: string; content: Buffer }[] | string {
  try {
    return read(path, key);
  } catch (error) {
    if (error instanceof BackupFormatError) return error.reason;
    throw error;
  }
}

describe('backup file format (property)', () => {
  const tmp = tempDir('kim-akte-backup-format-');
  afterAll(() => tmp.cleanup());
  let n = 0;
  const file = () => join(tmp.dir, `b${n++}.kimbackup`);

  it('round-trips any entries under the key that wrote them, and refuses any other key', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const key = randomBytes(32);
        const path = file();
        write(path, key, list);
        expect(read(path, key).map((e) => ({ name: e.name, content: new Uint8Array(e.content) }))).toEqual(list.map((e) => ({ name: e.name, content: new Uint8Array(e.content) })));
        expect(readOrFormatError(path, randomBytes(32))).toBe('altered');
        rmSync(path);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses every single-byte change and every truncation with a format error', () => {
    const key = randomBytes(32);
    const path = file();
    write(path, key, [
      { name: 'vault.db', content: randomBytes(2000) },
      { name: 'keyring.json', content: Buffer.from('{}') },
    ]);
    const original = readFileSync(path);
    const { dataStart } = readBackupHeader(path);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const changed = Buffer.from(original);
        changed.writeUInt8(changed.readUInt8(at) ^ xor, at);
        const p = file();
        writeFileSync(p, changed);
        const result = readOrFormatError(p, key);
        rmSync(p);
        expect(typeof result, `byte ${at} (data from ${dataStart})`).toBe('string');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: original.length - 1 }), (length) => {
        const p = file();
        writeFileSync(p, original.subarray(0, length));
        const result = readOrFormatError(p, key);
        rmSync(p);
        expect(['truncated', 'altered', 'notBackup']).toContain(result);
      }),
      { numRuns: 200 },
    );
  });

  it('spans chunks: a 2.5 MiB entry comes back whole, and dropping or swapping whole chunks is refused', () => {
    const key = randomBytes(32);
    const path = file();
    const big = randomBytes(2.5 * 1024 * 1024);
    write(path, key, [{ name: 'vault.db', content: big }]);
    const [entry] = read(path, key);
    expect(entry!.content.equals(big)).toBe(true);
    const bytes = readFileSync(path);
    const { dataStart } = readBackupHeader(path);
    const chunks: Buffer[] = [];
    for (let at = dataStart; at < bytes.length; ) {
      const length = bytes.readUInt32BE(at) + 4 + 16;
      chunks.push(bytes.subarray(at, at + length));
      at += length;
    }
    expect(chunks.length).toBe(3);
    const head = bytes.subarray(0, dataStart);
    const variants: [string, Buffer, string][] = [
      ['last chunk dropped', Buffer.concat([head, chunks[0]!, chunks[1]!]), 'truncated'],
      ['middle chunk dropped', Buffer.concat([head, chunks[0]!, chunks[2]!]), 'altered'],
      ['chunks swapped', Buffer.concat([head, chunks[1]!, chunks[0]!, chunks[2]!]), 'altered'],
      ['chunk repeated', Buffer.concat([head, chunks[0]!, chunks[0]!, chunks[1]!, chunks[2]!]), 'altered'],
    ];
    for (const [what, variant, reason] of variants) {
      const p = file();
      writeFileSync(p, variant);
      expect(readOrFormatError(p, key), what).toBe(reason);
    }
  });
});
