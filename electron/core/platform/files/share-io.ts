import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';

/**
 * File I/O on the shared network folder (SMB) the offices sync through. Such a folder is slow, drops out, and is
 * watched by virus scanners that briefly lock files they have just seen (EBUSY/EPERM/EACCES on Windows). Every
 * function takes the file system as a parameter so tests can inject faults at that layer.
 *
 * Files are published once and never changed: a writer puts the bytes in a temp file beside the target, fsyncs it,
 * and renames it into place only if the target does not exist yet. Readers skip temp files and treat a file that
 * vanished while they looked as absent.
 */

export interface ShareFileHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The subset of node:fs/promises used here. */
export interface ShareFs {
  open(path: string, flags: string, mode?: number): Promise<ShareFileHandle>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; isFile(): boolean; isDirectory(): boolean }>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  access(path: string, mode?: number): Promise<void>;
}

export const nodeShareFs: ShareFs = nodeFs;

export type ShareErrorReason = 'exists' | 'busy' | 'unreachable' | 'readOnly' | 'tooLarge';

/** A share operation that failed for a reason the sync loop handles (retry later, tell the user, skip the file). */
export class ShareError extends Error {
  constructor(
    readonly reason: ShareErrorReason,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

export interface RetryOptions {
  /** Further attempts after the first (default 6). */
  retries?: number;
  /** First back-off delay; doubles each time, with jitter (default 50 ms). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const SEQ_DIGITS = 12;
const MAX_SEQ = 10 ** SEQ_DIGITS - 1;
const DEFAULT_RETRIES = 6;
const DEFAULT_BASE_DELAY_MS = 50;
// A virus scanner or the indexer holding the file for a moment.
const TRANSIENT = new Set(['EBUSY', 'EPERM', 'EACCES']);
const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);
// The share or the network under it went away; 'UNKNOWN' is what libuv reports for several SMB faults on Windows.
const UNREACHABLE = new Set([
  'ENOENT',
  'ENOTDIR',
  'ENOTCONN',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ENETUNREACH',
  'ENETRESET',
  'ECONNRESET',
  'ECONNABORTED',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESTALE',
  'EIO',
  'UNKNOWN',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Maps a file-system error of a write to a ShareError; anything unexpected is rethrown as it is. */
function writeError(error: unknown, what: string): Error {
  if (error instanceof ShareError) return error;
  const code = codeOf(error);
  if (code !== undefined && PERMISSION.has(code)) {
    return new ShareError('readOnly', `The shared folder is not writable (${what})`, code);
  }
  if (code !== undefined && UNREACHABLE.has(code)) return new ShareError('unreachable', `The shared folder is unreachable (${what})`, code);
  return error instanceof Error ? error : new Error(String(error));
}

/** Maps a file-system error of a read to a ShareError (ENOENT is handled by the caller). */
function readError(error: unknown, what: string): Error {
  if (error instanceof ShareError) return error;
  const code = codeOf(error);
  if (code !== undefined && UNREACHABLE.has(code)) return new ShareError('unreachable', `The shared folder is unreachable (${what})`, code);
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs `op`, retrying while it fails with a transient lock error; then ShareError('busy'). */
async function withRetry<T>(op: () => Promise<T>, what: string, options: RetryOptions): Promise<T> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const code = codeOf(error);
      if (code === undefined || !TRANSIENT.has(code)) throw error;
      if (attempt >= retries) throw new ShareError('busy', `The shared folder keeps ${what} locked`, code);
      // Half fixed, half random: writers that collided do not retry in lockstep.
      const delay = base * 2 ** attempt;
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}

async function exists(fs: ShareFs, path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Publishes `bytes` as `dir/name`, never overwriting: throws ShareError('exists') when the name is taken. The
 * existence check and the rename are two steps (rename replaces on POSIX and Windows alike); that is race-free here
 * because each device writes only into its own folder. Lock errors on the rename are retried with back-off.
 */
export async function writeNewFile(fs: ShareFs, dir: string, name: string, bytes: Buffer, opts: RetryOptions = {}): Promise<void> {
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  let tempCreated = false;
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(temp, 'wx', 0o600);
    tempCreated = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await withRetry(
      async () => {
        if (await exists(fs, target)) throw new ShareError('exists', `${name} already exists on the shared folder`);
        await fs.rename(temp, target);
      },
      name,
      opts,
    );
    tempCreated = false;
  } catch (error) {
    throw writeError(error, name);
  } finally {
    if (tempCreated) await fs.unlink(temp).catch(() => undefined);
  }
}

/** Reads a published file; null when it does not exist (or vanished meanwhile), ShareError('tooLarge') above maxBytes. */
export async function readShareFile(fs: ShareFs, path: string, maxBytes: number, opts: RetryOptions = {}): Promise<Buffer | null> {
  try {
    return await withRetry(
      async () => {
        const { size } = await fs.stat(path);
        if (size > maxBytes) throw new ShareError('tooLarge', `A file on the shared folder exceeds ${maxBytes} bytes`);
        const bytes = await fs.readFile(path);
        // Published files never change, but a foreign writer might not follow the rules.
        if (bytes.length > maxBytes) throw new ShareError('tooLarge', `A file on the shared folder exceeds ${maxBytes} bytes`);
        return bytes;
      },
      'a file',
      opts,
    );
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw readError(error, 'read');
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sorted sequence numbers of the files `<12 digits>.<ext>` in `dir`; [] when the folder does not exist. */
export async function listNumbered(fs: ShareFs, dir: string, ext: string, opts: RetryOptions = {}): Promise<number[]> {
  let names: string[];
  try {
    names = await withRetry(() => fs.readdir(dir), 'a folder', opts);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw readError(error, 'list');
  }
  // Temp files start with a dot and end in .tmp, so the anchored pattern skips them along with anything foreign.
  const pattern = new RegExp(`^(\\d{${SEQ_DIGITS}})\\.${escapeRegExp(ext)}$`);
  const seqs: number[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (m) seqs.push(Number(m[1]));
  }
  return seqs.sort((a, b) => a - b);
}

/** The file name of sequence number `seq`, e.g. 000000000042.kimsync (fixed width, so names sort like numbers). */
export function seqFileName(seq: number, ext: string): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQ) throw new RangeError(`Sequence number out of range: ${seq}`);
  return `${String(seq).padStart(SEQ_DIGITS, '0')}.${ext}`;
}

/** Whether the shared folder exists and this device can create and remove files in it. */
export async function probeShare(fs: ShareFs, root: string): Promise<'ok' | 'missing' | 'readOnly'> {
  try {
    if (!(await fs.stat(root)).isDirectory()) return 'missing';
  } catch {
    return 'missing';
  }
  const probe = join(root, `.probe.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    const code = codeOf(error);
    return code !== undefined && PERMISSION.has(code) ? 'readOnly' : 'missing';
  }
  try {
    await fs.unlink(probe);
  } catch (error) {
    // Created but not removable: deleting is part of writing here (temp files), so the share is not usable.
    const code = codeOf(error);
    if (code !== undefined && PERMISSION.has(code)) return 'readOnly';
  }
  return 'ok';
}
