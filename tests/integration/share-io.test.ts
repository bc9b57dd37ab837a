import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listNumbered,
  nodeShareFs,
  probeShare,
  readShareFile,
  seqFileName,
  ShareError,
  writeNewFile,
  type ShareErrorReason,
  type ShareFs,
} from '../../electron/core/platform/files/share-io';

const isRoot = process.getuid?.() === 0;
let root: string;
let sleeps: number[];
const retry = () => ({ sleep: async (ms: number) => void sleeps.push(ms) });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kim-akte-share-'));
  sleeps = [];
});

afterEach(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

/** The real file system with some calls replaced, to fail the way an SMB share does. */
function faulty(overrides: Partial<ShareFs>): ShareFs {
  return { ...nodeShareFs, ...overrides };
}

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}

async function expectShareError(promise: Promise<unknown>, reason: ShareErrorReason, code?: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShareError);
  expect((error as ShareError).reason).toBe(reason);
  if (code) expect((error as ShareError).code).toBe(code);
}

describe('share file I/O', () => {
  it('publishes a new file, creating the folder, and leaves no temp file', async () => {
    const dir = join(root, 'devices', 'dev-a');
    await writeNewFile(nodeShareFs, dir, seqFileName(1, 'kimsync'), Buffer.from('one'), retry());
    expect(readdirSync(dir)).toEqual(['000000000001.kimsync']);
    expect(readFileSync(join(dir, '000000000001.kimsync'), 'utf8')).toBe('one');
    expect(await readShareFile(nodeShareFs, join(dir, '000000000001.kimsync'), 100)).toEqual(Buffer.from('one'));
  });

  it('writes the temp file exclusively and syncs it before the rename', async () => {
    const calls: string[] = [];
    const fs = faulty({
      open: async (path, flags, mode) => {
        calls.push(`open ${flags}`);
        const handle = await nodeShareFs.open(path, flags, mode);
        return {
          writeFile: async (data) => void (calls.push('write'), await handle.writeFile(data)),
          sync: async () => void (calls.push('sync'), await handle.sync()),
          close: async () => void (calls.push('close'), await handle.close()),
        };
      },
      rename: async (from, to) => void (calls.push('rename'), await nodeShareFs.rename(from, to)),
    });
    await writeNewFile(fs, root, 'a.kimsync', Buffer.from('x'), retry());
    expect(calls).toEqual(['open wx', 'write', 'sync', 'close', 'rename']);
  });

  it('retries a rename the virus scanner blocks (EBUSY twice), then publishes', async () => {
    let renames = 0;
    const fs = faulty({
      rename: async (from, to) => {
        if (++renames <= 2) throw fsError('EBUSY');
        await nodeShareFs.rename(from, to);
      },
    });
    await writeNewFile(fs, root, seqFileName(7, 'kimsync'), Buffer.from('seven'), retry());
    expect(renames).toBe(3);
    expect(readdirSync(root)).toEqual(['000000000007.kimsync']);
    expect(readFileSync(join(root, '000000000007.kimsync'), 'utf8')).toBe('seven');
    // Exponential back-off with jitter: each delay within [d/2, d] for d = 50 ms, 100 ms.
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(25);
    expect(sleeps[0]).toBeLessThanOrEqual(50);
    expect(sleeps[1]).toBeGreaterThanOrEqual(50);
    expect(sleeps[1]).toBeLessThanOrEqual(100);
  });

  it('gives up on a rename that keeps failing (EPERM) as busy, leaving neither temp nor target', async () => {
    let renames = 0;
    const fs = faulty({
      rename: async () => {
        renames++;
        throw fsError('EPERM');
      },
    });
    await expectShareError(writeNewFile(fs, root, 'b.kimsync', Buffer.from('x'), { ...retry(), retries: 3 }), 'busy', 'EPERM');
    expect(renames).toBe(4);
    expect(readdirSync(root)).toEqual([]);
    sleeps = [];
    await expectShareError(writeNewFile(fs, root, 'b.kimsync', Buffer.from('x'), retry()), 'busy');
    expect(sleeps).toHaveLength(6);
    expect(readdirSync(root)).toEqual([]);
  });

  it('never overwrites: an existing name is refused and its bytes stay untouched', async () => {
    await writeNewFile(nodeShareFs, root, 'c.kimsync', Buffer.from('original'), retry());
    await expectShareError(writeNewFile(nodeShareFs, root, 'c.kimsync', Buffer.from('replacement'), retry()), 'exists');
    expect(readFileSync(join(root, 'c.kimsync'), 'utf8')).toBe('original');
    expect(readdirSync(root)).toEqual(['c.kimsync']);
  });

  it('checks existence again before each retried rename', async () => {
    let renames = 0;
    const fs = faulty({
      rename: async () => {
        renames++;
        // Someone else published the name while the scanner held the temp file.
        writeFileSync(join(root, 'd.kimsync'), 'theirs');
        throw fsError('EBUSY');
      },
    });
    await expectShareError(writeNewFile(fs, root, 'd.kimsync', Buffer.from('mine'), retry()), 'exists');
    expect(renames).toBe(1);
    expect(readFileSync(join(root, 'd.kimsync'), 'utf8')).toBe('theirs');
    expect(readdirSync(root)).toEqual(['d.kimsync']);
  });

  it('removes the temp file when writing it fails', async () => {
    const fs = faulty({
      open: async (path, flags, mode) => {
        const handle = await nodeShareFs.open(path, flags, mode);
        return { writeFile: (d) => handle.writeFile(d), sync: () => Promise.reject(fsError('EIO')), close: () => handle.close() };
      },
    });
    await expectShareError(writeNewFile(fs, root, 'e.kimsync', Buffer.from('x'), retry()), 'unreachable', 'EIO');
    expect(readdirSync(root)).toEqual([]);
  });

  it('maps a dropped connection to unreachable and a read-only share to readOnly', async () => {
    await expectShareError(writeNewFile(faulty({ open: () => Promise.reject(fsError('ENOTCONN')) }), root, 'f', Buffer.from('x'), retry()), 'unreachable', 'ENOTCONN');
    await expectShareError(writeNewFile(faulty({ mkdir: () => Promise.reject(fsError('ETIMEDOUT')) }), root, 'f', Buffer.from('x'), retry()), 'unreachable', 'ETIMEDOUT');
    await expectShareError(writeNewFile(faulty({ open: () => Promise.reject(fsError('EROFS')) }), root, 'f', Buffer.from('x'), retry()), 'readOnly', 'EROFS');
    await expectShareError(writeNewFile(faulty({ rename: () => Promise.reject(fsError('EHOSTDOWN')) }), root, 'f', Buffer.from('x'), retry()), 'unreachable');
    expect(readdirSync(root)).toEqual([]);
    expect(sleeps).toEqual([]);
  });

  it('folder removed mid-round: writes fail as unreachable, reads see nothing', async () => {
    const dir = join(root, 'dev-a');
    await writeNewFile(nodeShareFs, dir, seqFileName(1, 'kimsync'), Buffer.from('one'), retry());
    const fs = faulty({
      mkdir: async (path, options) => {
        const made = await nodeShareFs.mkdir(path, options);
        rmSync(dir, { recursive: true, force: true });
        return made;
      },
    });
    await expectShareError(writeNewFile(fs, dir, seqFileName(2, 'kimsync'), Buffer.from('two'), retry()), 'unreachable', 'ENOENT');
    expect(existsSync(dir)).toBe(false);
    expect(await listNumbered(nodeShareFs, dir, 'kimsync')).toEqual([]);
    expect(await readShareFile(nodeShareFs, join(dir, seqFileName(1, 'kimsync')), 100)).toBeNull();
  });

  it('lists sequence numbers in order, skipping temp files, leftovers and foreign names', async () => {
    for (const seq of [10, 2, 1]) await writeNewFile(nodeShareFs, root, seqFileName(seq, 'kimsync'), Buffer.from(String(seq)), retry());
    const others = ['.000000000003.kimsync.a1b2c3.tmp', '.x.tmp', '000000000004.kimsync.tmp', '12.kimsync', '000000000005.other'];
    for (const name of [...others, 'notes.txt', '0000000000006.kimsync', 'a00000000007.kimsync']) writeFileSync(join(root, name), 'half-writ');
    expect(await listNumbered(nodeShareFs, root, 'kimsync')).toEqual([1, 2, 10]);
    expect(await listNumbered(nodeShareFs, root, 'other')).toEqual([5]);
    expect(await listNumbered(nodeShareFs, join(root, 'absent'), 'kimsync')).toEqual([]);
    await expectShareError(listNumbered(faulty({ readdir: () => Promise.reject(fsError('ENOTCONN')) }), root, 'kimsync'), 'unreachable', 'ENOTCONN');
  });

  it('reads: null when missing or vanished mid-read, tooLarge above the limit, retries a locked file', async () => {
    const path = join(root, 'r.kimsync');
    expect(await readShareFile(nodeShareFs, path, 10, retry())).toBeNull();
    writeFileSync(path, '0123456789');
    expect((await readShareFile(nodeShareFs, path, 10, retry()))?.toString()).toBe('0123456789');
    await expectShareError(readShareFile(nodeShareFs, path, 9, retry()), 'tooLarge');
    const vanishing = faulty({
      readFile: async (p) => {
        rmSync(p);
        return nodeShareFs.readFile(p);
      },
    });
    expect(await readShareFile(vanishing, path, 10, retry())).toBeNull();

    writeFileSync(path, 'locked');
    let reads = 0;
    const locked = faulty({
      readFile: async (p) => {
        if (++reads <= 2) throw fsError(reads === 1 ? 'EBUSY' : 'EACCES');
        return nodeShareFs.readFile(p);
      },
    });
    expect((await readShareFile(locked, path, 10, retry()))?.toString()).toBe('locked');
    expect(reads).toBe(3);
    const alwaysLocked = faulty({ readFile: () => Promise.reject(fsError('EBUSY')) });
    await expectShareError(readShareFile(alwaysLocked, path, 10, { ...retry(), retries: 2 }), 'busy', 'EBUSY');
    await expectShareError(readShareFile(faulty({ stat: () => Promise.reject(fsError('ETIMEDOUT')) }), path, 10, retry()), 'unreachable');
  });

  it('names files with 12 zero-padded digits and refuses numbers that do not fit', () => {
    expect(seqFileName(42, 'kimsync')).toBe('000000000042.kimsync');
    expect(seqFileName(999_999_999_999, 'card')).toBe('999999999999.card');
    for (const bad of [-1, 1.5, 1e12, Number.NaN]) expect(() => seqFileName(bad, 'kimsync')).toThrow(RangeError);
  });

  it('probes: ok for a writable folder (and cleans up), missing for an absent one or a file', async () => {
    expect(await probeShare(nodeShareFs, root)).toBe('ok');
    expect(readdirSync(root)).toEqual([]);
    expect(await probeShare(nodeShareFs, join(root, 'absent'))).toBe('missing');
    writeFileSync(join(root, 'file'), 'x');
    expect(await probeShare(nodeShareFs, join(root, 'file'))).toBe('missing');
    expect(await probeShare(faulty({ stat: () => Promise.reject(fsError('EHOSTDOWN')) }), root)).toBe('missing');
  });

  it('probes: readOnly when files cannot be created (injected EROFS / EACCES)', async () => {
    expect(await probeShare(faulty({ open: () => Promise.reject(fsError('EROFS')) }), root)).toBe('readOnly');
    expect(await probeShare(faulty({ open: () => Promise.reject(fsError('EACCES')) }), root)).toBe('readOnly');
    expect(await probeShare(faulty({ unlink: () => Promise.reject(fsError('EPERM')) }), root)).toBe('readOnly');
  });

  it.skipIf(isRoot)('probes: readOnly for a folder without write permission (chmod 555)', async () => {
    const dir = join(root, 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    try {
      expect(await probeShare(nodeShareFs, dir)).toBe('readOnly');
      await expectShareError(writeNewFile(nodeShareFs, dir, 'x.kimsync', Buffer.from('x'), retry()), 'readOnly');
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
