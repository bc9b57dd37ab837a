import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The backup file (format version 1). One file, encrypted as a whole under a key only the vault's own keys yield:
 *
 *   "KIMBKUP1"                       8 bytes, magic
 *   header length                    uint32 BE (at most MAX_HEADER_BYTES)
 *   header                           JSON, BackupHeader (names the vault, its keyring, the audit head; no personal data)
 *   chunk*                           uint32 BE ciphertext length (1..chunkBytes), ciphertext, 16-byte GCM tag
 *
 * Chunk i is AES-256-GCM under HKDF-SHA256(database key, header.salt, "kim-akte backup v1"), nonce = header.nonce
 * (8 bytes) || uint32 BE i, associated data = SHA-256(header bytes) || uint32 BE i || final flag (1 byte). So an
 * altered header, a changed, reordered or dropped chunk, and a cut-off file (no chunk marked final) all fail.
 * The keyring in the header is the vault's keyring.json as it lay beside the database (sealed grants only): the
 * database key comes from it with an administrator's passphrase or the recovery key, as it would for the vault.
 *
 * The plaintext inside is a sequence of entries: uint16 BE name length, name (UTF-8), uint64 BE size, content; a
 * name length of 0 ends it. Names are vault.db (the SQLCipher database, itself still encrypted under the database
 * key), keyring.json, audit-head.json and documents/<file id> (each document file, encrypted under its own key).
 */
export const BACKUP_MAGIC = Buffer.from('KIMBKUP1', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
export const MAX_HEADER_BYTES = 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;

export interface BackupHeader {
  format: 'kim-akte-backup';
  version: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  vaultId: string;
  office: string;
  /** The newest audit entry in the copy: how far the vault had got (restore compares it with the target's head). */
  auditHead: { id: number; hash: string } | null;
  keyring: string;
  salt: string;
  nonce: string;
  chunkBytes: number;
}

export type BackupHeaderInput = Omit<BackupHeader, 'format' | 'version' | 'salt' | 'nonce' | 'chunkBytes'>;

/** Why a file is not a backup this version can read; the caller turns it into an AppError. */
export class BackupFormatError extends Error {
  constructor(readonly reason: 'notBackup' | 'unsupportedVersion' | 'truncated' | 'altered') {
    super(`backup file ${reason}`);
  }
}

export function backupKey(databaseKey: Buffer, header: Pick<BackupHeader, 'salt'>): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.from(header.salt, 'base64'), 'kim-akte backup v1', 32));
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

function chunkAad(headerHash: Buffer, index: number, final: boolean): Buffer {
  const a = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(a);
  a.writeUInt32BE(index, headerHash.length);
  a[headerHash.length + 4] = final ? 1 : 0;
  return a;
}

/** Writes a backup file entry by entry, sealing the stream chunk by chunk (constant memory for any vault size). */
export class BackupWriter {
  private readonly fd: number;
  private readonly key: Buffer;
  private readonly nonce: Buffer;
  private readonly headerHash: Buffer;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  bytes = 0;

  constructor(path: string, input: BackupHeaderInput, databaseKey: Buffer) {
    const header: BackupHeader = {
      format: 'kim-akte-backup',
      version: BACKUP_FORMAT_VERSION,
      ...input,
      salt: randomBytes(16).toString('base64'),
      nonce: randomBytes(8).toString('base64'),
      chunkBytes: CHUNK_BYTES,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    if (headerBytes.length > MAX_HEADER_BYTES) throw new Error('backup header too large');
    this.key = backupKey(databaseKey, header);
    this.nonce = Buffer.from(header.nonce, 'base64');
    this.headerHash = createHash('sha256').update(headerBytes).digest();
    this.fd = openSync(path, 'wx', 0o600);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    this.write(Buffer.concat([BACKUP_MAGIC, length, headerBytes]));
  }

  private write(b: Buffer): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }

  private push(b: Buffer): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    while (this.pendingBytes > CHUNK_BYTES) this.seal(false);
  }

  private seal(final: boolean): void {
    const all = Buffer.concat(this.pending);
    const plain = all.subarray(0, Math.min(CHUNK_BYTES, all.length));
    const rest = all.subarray(plain.length);
    this.pending = rest.length ? [rest] : [];
    this.pendingBytes = rest.length;
    const cipher = createCipheriv('aes-256-gcm', this.key, chunkNonce(this.nonce, this.index));
    cipher.setAAD(chunkAad(this.headerHash, this.index, final));
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(ct.length);
    this.write(Buffer.concat([length, ct, cipher.getAuthTag()]));
    this.index++;
  }

  /** Adds one entry; `content` is read in pieces by the caller's function (a file, or a buffer). */
  addEntry(name: string, size: number, read: (emit: (piece: Buffer) => void) => void): void {
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length === 0 || nameBytes.length > 0xffff) throw new Error('bad entry name');
    const head = Buffer.alloc(2 + nameBytes.length + 8);
    head.writeUInt16BE(nameBytes.length);
    nameBytes.copy(head, 2);
    head.writeBigUInt64BE(BigInt(size), 2 + nameBytes.length);
    this.push(head);
    let written = 0;
    read((piece) => {
      written += piece.length;
      this.push(Buffer.from(piece));
    });
    if (written !== size) throw new Error('entry changed size while it was copied');
  }

  /** Ends the entry list, seals the final chunk, flushes to disk and closes. */
  finish(): void {
    this.push(Buffer.alloc(2));
    while (this.pendingBytes > CHUNK_BYTES) this.seal(false);
    this.seal(true);
    this.key.fill(0);
    closeSyncDurable(this.fd);
  }

  abort(): void {
    this.key.fill(0);
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }
}

function closeSyncDurable(fd: number): void {
  try {
    // On disk before the rename that publishes the file.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, position + got);
    if (n === 0) throw new BackupFormatError('truncated');
    got += n;
  }
  return b;
}

/** Reads the clear header of a backup file (no key needed); refuses files that are not backups of this format. */
export function readBackupHeader(path: string): { header: BackupHeader; headerBytes: Buffer; dataStart: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < BACKUP_MAGIC.length + 4) throw new BackupFormatError(size === 0 ? 'truncated' : 'notBackup');
    const magic = readExactly(fd, BACKUP_MAGIC.length, 0);
    if (!magic.subarray(0, 7).equals(BACKUP_MAGIC.subarray(0, 7))) throw new BackupFormatError('notBackup');
    if (!magic.equals(BACKUP_MAGIC)) throw new BackupFormatError('unsupportedVersion');
    const length = readExactly(fd, 4, BACKUP_MAGIC.length).readUInt32BE(0);
    if (length === 0 || length > MAX_HEADER_BYTES) throw new BackupFormatError('altered');
    const headerBytes = readExactly(fd, length, BACKUP_MAGIC.length + 4);
    let header: BackupHeader;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupFormatError('altered');
    }
    if (header?.format !== 'kim-akte-backup') throw new BackupFormatError('altered');
    if (header.version !== BACKUP_FORMAT_VERSION) throw new BackupFormatError('unsupportedVersion');
    const valid =
      typeof header.createdAt === 'string' &&
      typeof header.vaultId === 'string' &&
      typeof header.keyring === 'string' &&
      typeof header.salt === 'string' &&
      typeof header.nonce === 'string' &&
      Buffer.from(header.nonce, 'base64').length === 8 &&
      Number.isInteger(header.schemaVersion) &&
      header.chunkBytes === CHUNK_BYTES &&
      (header.auditHead === null || (Number.isInteger(header.auditHead?.id) && typeof header.auditHead?.hash === 'string'));
    if (!valid) throw new BackupFormatError('altered');
    return { header, headerBytes, dataStart: BACKUP_MAGIC.length + 4 + length };
  } finally {
    closeSync(fd);
  }
}

/** Entry names a backup may hold; anything else (a path outside the vault folder, say) marks it as altered. */
const ENTRY_NAME = /^(vault\.db|keyring\.json|audit-head\.json|documents\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127})$/;

export interface EntrySink {
  begin(name: string, size: number): void;
  data(piece: Buffer): void;
  end(): void;
}

/**
 * Decrypts a backup and hands every entry to `sink`, checking each chunk before its plaintext is used. Throws
 * BackupFormatError('altered') for a wrong key or any change, ('truncated') for a file that ends early.
 */
export function readBackupEntries(path: string, databaseKey: Buffer, sink: EntrySink): void {
  const { header, headerBytes, dataStart } = readBackupHeader(path);
  const key = backupKey(databaseKey, header);
  const nonce = Buffer.from(header.nonce, 'base64');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let position = dataStart;
    let index = 0;
    let finalSeen = false;
    const parser = new EntryParser(sink);
    while (position < size) {
      if (finalSeen) throw new BackupFormatError('altered');
      const length = readExactly(fd, 4, position).readUInt32BE(0);
      if (length === 0 || length > CHUNK_BYTES + 1) throw new BackupFormatError('altered');
      const ct = readExactly(fd, length, position + 4);
      const tag = readExactly(fd, TAG_BYTES, position + 4 + length);
      position += 4 + length + TAG_BYTES;
      const final = position === size;
      const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(nonce, index));
      decipher.setAAD(chunkAad(headerHash, index, final));
      decipher.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(ct), decipher.final()]);
      } catch {
        // The last chunk present but not sealed as final: the file was cut at a chunk boundary.
        if (final && chunkOpens(key, nonce, headerHash, index, ct, tag)) throw new BackupFormatError('truncated');
        throw new BackupFormatError('altered');
      }
      parser.feed(plain);
      finalSeen = final;
      index++;
    }
    if (!finalSeen) throw new BackupFormatError('truncated');
    if (!parser.ended) throw new BackupFormatError('altered');
  } finally {
    key.fill(0);
    closeSync(fd);
  }
}

function chunkOpens(key: Buffer, nonce: Buffer, headerHash: Buffer, index: number, ct: Buffer, tag: Buffer): boolean {
  try {
    const d = createDecipheriv('aes-256-gcm', key, chunkNonce(nonce, index));
    d.setAAD(chunkAad(headerHash, index, false));
    d.setAuthTag(tag);
    d.update(ct);
    d.final();
    return true;
  } catch {
    return false;
  }
}

/** Splits the decrypted stream into entries without holding more than one chunk. */
class EntryParser {
  private buffer: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private inEntry = false;
  ended = false;

  constructor(private readonly sink: EntrySink) {}

  feed(plain: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, plain]) : plain;
    for (;;) {
      if (this.ended) {
        if (this.buffer.length) throw new BackupFormatError('altered');
        return;
      }
      if (this.inEntry) {
        const take = Math.min(this.remaining, this.buffer.length);
        if (take > 0) this.sink.data(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        if (this.remaining > 0) return;
        this.sink.end();
        this.inEntry = false;
        continue;
      }
      if (this.buffer.length < 2) return;
      const nameLength = this.buffer.readUInt16BE(0);
      if (nameLength === 0) {
        this.ended = true;
        this.buffer = this.buffer.subarray(2);
        continue;
      }
      if (this.buffer.length < 2 + nameLength + 8) return;
      const name = this.buffer.subarray(2, 2 + nameLength).toString('utf8');
      const size = this.buffer.readBigUInt64BE(2 + nameLength);
      if (!ENTRY_NAME.test(name) || size > BigInt(Number.MAX_SAFE_INTEGER)) throw new BackupFormatError('altered');
      this.buffer = this.buffer.subarray(2 + nameLength + 8);
      this.remaining = Number(size);
      this.inEntry = true;
      this.sink.begin(name, this.remaining);
    }
  }
}
