import * as fsp from 'node:fs/promises';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareFs } from '../../electron/core/platform/files/share-io';
import type { Result } from '../../electron/core/contract/methods';
import { call, closeCores, openCores, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, syncAll, workstation } from '../helpers/sync-network';

const errorCode = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/**
 * The share's file system with switchable faults, as a real SMB share with a virus scanner shows them: renames
 * that fail with EBUSY/EPERM for a while, reads that find a listed file gone, a share that disappears.
 */
function faultyFs() {
  const faults = { renameFailures: 0, renameCode: 'EBUSY', vanishOnRead: false, gone: false, readOnly: false, renames: 0 };
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const guard = () => {
    if (faults.gone) throw fail('ENOENT');
  };
  const fs: ShareFs = {
    ...fsp,
    rename: async (a, b) => {
      guard();
      faults.renames++;
      if (faults.renameFailures > 0) {
        faults.renameFailures--;
        throw fail(faults.renameCode);
      }
      return fsp.rename(a, b);
    },
    readFile: (async (path: Parameters<typeof fsp.readFile>[0], options?: Parameters<typeof fsp.readFile>[1]) => {
      guard();
      if (faults.vanishOnRead && String(path).endsWith('.kimsync')) throw fail('ENOENT');
      return fsp.readFile(path, options);
    }) as typeof fsp.readFile,
    readdir: (async (path: Parameters<typeof fsp.readdir>[0], options?: unknown) => {
      guard();
      return fsp.readdir(path, options as never);
    }) as typeof fsp.readdir,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      guard();
      // A share mapped read-only: reading works, creating a file is refused (as SMB does, with EACCES).
      if (faults.readOnly && args[1] === 'wx') throw fail('EACCES');
      return fsp.open(...args);
    }) as typeof fsp.open,
    stat: (async (...args: Parameters<typeof fsp.stat>) => {
      guard();
      return fsp.stat(...args);
    }) as typeof fsp.stat,
    mkdir: (async (...args: Parameters<typeof fsp.mkdir>) => {
      guard();
      return fsp.mkdir(...args);
    }) as typeof fsp.mkdir,
    access: (async (...args: Parameters<typeof fsp.access>) => {
      guard();
      return fsp.access(...args);
    }) as typeof fsp.access,
  } as ShareFs;
  return { fs, faults };
}

describe('sync on a flaky share', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await closeCores(openCores.inTest);
    tmp?.cleanup();
  });

  it('retries renames a virus scanner blocks (EBUSY, EPERM, EACCES), and gives up as offline without losing the file to send', async () => {
    tmp = tempDir('kim-akte-faults-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const { fs, faults } = faultyFs();
    const clock = { now: new Date('2026-11-30T08:00:00Z') };
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen', { now: () => clock.now, io: { fs, sleep: async () => undefined } });
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    await call(lunen.core, 'network.create', { share });
    const lunenId = (await call(lunen.core, 'network.status')).deviceId;
    const log = join(share, 'kim-akte-sync', 'devices', lunenId, 'log');
    const published = () => readdirSync(log).filter((f) => f.endsWith('.kimsync')).length;
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      // A quarter of an hour on, the audit head has moved: a checkpoint file goes out, past two blocked renames.
      clock.now = new Date(clock.now.getTime() + 16 * 60_000);
      const before = faults.renames;
      faults.renameCode = code;
      faults.renameFailures = 2;
      await call(lunen.core, 'network.devices');
      expect((await call(lunen.core, 'sync.run')).sent).toBe(1);
      expect(faults.renames - before).toBe(3);
    }
    expect(published()).toBe(3);
    const invitation = await call(lunen.core, 'network.invite', { office: 'werne' });
    await call(werne.core, 'network.join', { share, invitation: invitation.file, code: invitation.code });
    // The enrollment must go out, but the scanner holds the file longer than the retries last: offline, kept.
    faults.renameFailures = 100;
    const offline = await lunen.core.dispatch('sync.run', {});
    expect(errorCode(offline)).toBe('network.shareUnreachable');
    expect((await call(lunen.core, 'network.status')).lastRound).toMatchObject({ outcome: 'offline', code: 'network.shareUnreachable' });
    expect(published()).toBe(3);
    expect(readdirSync(log).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Two failures, then the scanner lets go: the file lands and Werne learns it is enrolled.
    faults.renameFailures = 2;
    faults.renameCode = 'EPERM';
    expect((await call(lunen.core, 'sync.run')).sent).toBe(1);
    await syncAll(werne);
    expect((await call(werne.core, 'network.status')).enrolled).toBe(true);
  });

  it('a share that disappears is offline with a clear code, never data loss; files that vanish mid-read are read next time', async () => {
    tmp = tempDir('kim-akte-faults-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const { fs, faults } = faultyFs();
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne', { io: { fs, sleep: async () => undefined } });
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(lunen);
    faults.vanishOnRead = true;
    const r = await call(werne.core, 'sync.run');
    expect(r.received).toBe(0);
    expect((await call(werne.core, 'network.status')).enrolled).toBe(false);
    faults.vanishOnRead = false;
    faults.gone = true;
    expect(errorCode(await werne.core.dispatch('sync.run', {}))).toBe('network.shareUnreachable');
    expect((await call(werne.core, 'network.status')).lastRound).toMatchObject({ outcome: 'offline' });
    faults.gone = false;
    // The share folder itself renamed away (unmapped drive): offline as well, and the vault is untouched.
    renameSync(share, `${share}-away`);
    expect(errorCode(await werne.core.dispatch('sync.run', {}))).toBe('network.shareUnreachable');
    renameSync(`${share}-away`, share);
    await call(werne.core, 'sync.run');
    const status = await call(werne.core, 'network.status');
    expect(status.enrolled).toBe(true);
    expect(status.lastRound?.outcome).toBe('ok');
    expect(status.lastSuccessAt).not.toBeNull();
  });

  it('a read-only share is offline for writing; what waits to be sent is kept and goes out once the share is writable', async () => {
    tmp = tempDir('kim-akte-faults-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const { fs, faults } = faultyFs();
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen');
    const werne = await workstation(tmp.dir, 'werne-1', 'werne', { io: { fs, sleep: async () => undefined } });
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(lunen, werne);
    const lunenId = (await call(lunen.core, 'network.status')).deviceId;
    expect(errorCode(await werne.core.dispatch('network.revoke', { deviceId: lunenId }))).toBe('ok');
    faults.readOnly = true;
    expect(errorCode(await werne.core.dispatch('sync.run', {}))).toBe('network.shareReadOnly');
    const status = await call(werne.core, 'network.status');
    expect(status.enrolled).toBe(true);
    expect(status.lastRound).toMatchObject({ outcome: 'offline', code: 'network.shareReadOnly' });
    // Writable again: the revocation that waited goes out, and Lünen learns of it.
    faults.readOnly = false;
    expect((await call(werne.core, 'sync.run')).sent).toBe(1);
    expect(errorCode(await lunen.core.dispatch('sync.run', {}))).toBe('network.deviceRevoked');
  });
});
