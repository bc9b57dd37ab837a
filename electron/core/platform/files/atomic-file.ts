import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces a small file crash-safely: write a temp file beside it, fsync, rename over the target, fsync the folder.
 * A crash leaves either the old or the new content, never a torn file.
 */
export function writeFileAtomic(path: string, content: string | Buffer, options: { durable?: boolean } = {}): void {
  const durable = options.durable ?? true;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (error) {
    unlinkSync(tmp);
    throw error;
  }
  if (durable) syncFolder(path);
}

/** Moves a finished file over `target` crash-safely: its content is on disk before the rename, the rename after. */
export function replaceFileAtomic(source: string, target: string): void {
  const fd = openSync(source, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(source, target);
  syncFolder(target);
}

function syncFolder(path: string): void {
  try {
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directories cannot be fsynced on Windows; the rename is still atomic there.
  }
}
