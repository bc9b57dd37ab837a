import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/contract/errors';
import {
  deleteEncryptedDocument,
  documentsDir,
  readEncryptedDocument,
  writeEncryptedDocument,
} from '../../electron/core/domain/documents/document-store';
import { sniffMimeType } from '../../electron/core/domain/documents/file-type';
import { tempDir } from '../helpers/temp-vault';

const bytes = fc.uint8Array({ minLength: 0, maxLength: 64 * 1024 }).map((a) => Buffer.from(a));
const unreadable = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError && error.code === 'document.unreadable';
  }
  return false;
};

describe('document encryption', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('decrypts to exactly the bytes written, with the plaintext digest', () => {
    fc.assert(
      fc.property(bytes, (plain) => {
        const w = writeEncryptedDocument(tmp.dir, plain);
        expect(w.size).toBe(plain.length);
        expect(w.sha256Hex).toBe(createHash('sha256').update(plain).digest('hex'));
        expect(readEncryptedDocument(tmp.dir, w.fileId, w.fileKeyHex, w.sha256Hex).equals(plain)).toBe(true);
        deleteEncryptedDocument(tmp.dir, w.fileId);
      }),
      { numRuns: 60 },
    );
  });

  it('detects any single flipped bit anywhere in the file', () => {
    fc.assert(
      fc.property(bytes, fc.nat(), fc.integer({ min: 0, max: 7 }), (plain, at, bit) => {
        const w = writeEncryptedDocument(tmp.dir, plain);
        const path = join(documentsDir(tmp.dir), w.fileId);
        const file = readFileSync(path);
        const i = at % file.length;
        file.writeUInt8(file.readUInt8(i) ^ (1 << bit), i);
        writeFileSync(path, file);
        expect(unreadable(() => readEncryptedDocument(tmp.dir, w.fileId, w.fileKeyHex, w.sha256Hex))).toBe(true);
        deleteEncryptedDocument(tmp.dir, w.fileId);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a wrong key, a wrong digest, truncation and a missing file', () => {
    const plain = Buffer.from('%PDF-1.4 Aufenthaltserlaubnis');
    const w = writeEncryptedDocument(tmp.dir, plain);
    const other = writeEncryptedDocument(tmp.dir, plain);
    expect(unreadable(() => readEncryptedDocument(tmp.dir, w.fileId, other.fileKeyHex, w.sha256Hex))).toBe(true);
    expect(unreadable(() => readEncryptedDocument(tmp.dir, w.fileId, w.fileKeyHex, '0'.repeat(64)))).toBe(true);
    expect(unreadable(() => readEncryptedDocument(tmp.dir, '../vault.db'.padEnd(32, 'x'), w.fileKeyHex, w.sha256Hex))).toBe(true);
    const path = join(documentsDir(tmp.dir), w.fileId);
    for (const cut of [0, 7, 20, 35, readFileSync(path).length - 1]) {
      writeFileSync(path, readFileSync(join(documentsDir(tmp.dir), other.fileId)).subarray(0, cut));
      expect(unreadable(() => readEncryptedDocument(tmp.dir, w.fileId, other.fileKeyHex, other.sha256Hex))).toBe(true);
    }
    deleteEncryptedDocument(tmp.dir, w.fileId);
    deleteEncryptedDocument(tmp.dir, w.fileId); // missing is fine
    expect(unreadable(() => readEncryptedDocument(tmp.dir, w.fileId, w.fileKeyHex, w.sha256Hex))).toBe(true);
  });

  it('sniffs the accepted types by their magic bytes only', () => {
    expect(sniffMimeType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffMimeType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMimeType(Buffer.alloc(0))).toBeNull();
  });
});
