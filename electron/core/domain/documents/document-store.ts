import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../contract/errors';
import { MAX_DOCUMENT_BYTES } from '../../contract/case-domain';
import { writeFileAtomic } from '../../platform/files/atomic-file';

/**
 * Encrypted attachments (Signal's AttachmentCrypto idea): every file gets its own random AES-256-GCM key, kept only
 * in the SQLCipher database. The file beside the database is ciphertext, so deleting the key row is the secure
 * deletion (overwriting a file is meaningless on SSDs and copy-on-write file systems).
 *
 * File layout, version 1: magic "KIMDOC1" (7 bytes) | IV (12) | GCM tag (16) | ciphertext.
 * The magic is also the GCM additional data, so a future version byte cannot be swapped without detection.
 */
const MAGIC = Buffer.from('KIMDOC1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;
/** Encrypt/decrypt in slices so a 20 MB file costs about twice its size in memory, not four times. */
const CHUNK_BYTES = 1024 * 1024;
export const FILE_ID = /^[0-9a-f]{32}$/;
const FILE_KEY = /^[0-9a-f]{64}$/;

export interface WrittenDocument {
  fileId: string;
  fileKeyHex: string;
  sha256Hex: string;
  size: number;
}

export function documentsDir(dataDir: string): string {
  return join(dataDir, 'documents');
}

/** The file ids come from the database; checking them keeps a damaged row from naming a path outside documents/. */
function documentPath(dataDir: string, fileId: string): string {
  if (!FILE_ID.test(fileId)) throw new AppError('document.unreadable');
  return join(documentsDir(dataDir), fileId);
}

/** Runs `bytes` through a cipher into `out` at `offset`, slice by slice; returns the end offset. */
function pipeInto(step: (chunk: Buffer) => Buffer, bytes: Buffer, out: Buffer, offset: number): number {
  let at = offset;
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    at += step(bytes.subarray(i, i + CHUNK_BYTES)).copy(out, at);
  }
  return at;
}

/** The largest encrypted document file: header plus the largest document accepted. */
export const MAX_ENCRYPTED_DOCUMENT_BYTES = HEADER_BYTES + MAX_DOCUMENT_BYTES;

/** `bytes` in the file layout above, under a fresh random key (hex); the caller keeps the key. */
export function encryptDocumentBytes(bytes: Buffer): { file: Buffer; keyHex: string } {
  const key = randomBytes(KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const out = Buffer.allocUnsafe(HEADER_BYTES + bytes.length);
  MAGIC.copy(out, 0);
  iv.copy(out, MAGIC.length);
  let end = pipeInto((c) => cipher.update(c), bytes, out, HEADER_BYTES);
  end += cipher.final().copy(out, end); // GCM adds nothing here, but the API allows it
  cipher.getAuthTag().copy(out, MAGIC.length + IV_BYTES);
  const keyHex = key.toString('hex');
  key.fill(0);
  return { file: out.subarray(0, end), keyHex };
}

/**
 * The plaintext of an encrypted document file; anything but the exact bytes that were written (wrong key, changed
 * file, another file with a valid tag, a digest that does not match) is `document.unreadable`.
 */
export function decryptDocumentBytes(file: Buffer, fileKeyHex: string, expectedSha256: string): Buffer {
  if (!FILE_KEY.test(fileKeyHex)) throw new AppError('document.unreadable');
  if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('document.unreadable');
  const key = Buffer.from(fileKeyHex, 'hex');
  const plain = Buffer.allocUnsafe(file.length - HEADER_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, file.subarray(MAGIC.length, MAGIC.length + IV_BYTES));
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(file.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES));
    let end = pipeInto((c) => decipher.update(c), file.subarray(HEADER_BYTES), plain, 0);
    end += decipher.final().copy(plain, end);
    const result = plain.subarray(0, end);
    // The digest in the database also catches a row pointing at another (validly encrypted) file.
    if (createHash('sha256').update(result).digest('hex') !== expectedSha256) throw new Error('digest mismatch');
    return result;
  } catch {
    plain.fill(0); // never leave unauthenticated plaintext lying around in memory
    throw new AppError('document.unreadable');
  } finally {
    key.fill(0);
  }
}

/** Encrypts `bytes` under a fresh key into a new file; the caller stores key and digest in the database. */
export function writeEncryptedDocument(dataDir: string, bytes: Buffer): WrittenDocument {
  const { file, keyHex } = encryptDocumentBytes(bytes);
  const fileId = randomBytes(16).toString('hex');
  const dir = documentsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(join(dir, fileId), file);
  return { fileId, fileKeyHex: keyHex, sha256Hex: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/** Reads and decrypts a document; anything but the exact bytes that were written is `document.unreadable`. */
export function readEncryptedDocument(dataDir: string, fileId: string, fileKeyHex: string, expectedSha256: string): Buffer {
  const path = documentPath(dataDir, fileId);
  let file: Buffer;
  try {
    // A file far above the limit was not written by us; refuse it before reading it into memory.
    if (statSync(path).size > MAX_ENCRYPTED_DOCUMENT_BYTES) throw new AppError('document.unreadable');
    file = readFileSync(path);
  } catch {
    throw new AppError('document.unreadable');
  }
  return decryptDocumentBytes(file, fileKeyHex, expectedSha256);
}

/** Removes a document's file. A missing file is fine: the key row is already gone, so the content is unrecoverable. */
export function deleteEncryptedDocument(dataDir: string, fileId: string): void {
  try {
    unlinkSync(documentPath(dataDir, fileId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
