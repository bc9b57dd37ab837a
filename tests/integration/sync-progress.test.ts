import * as fsp from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../electron/core/contract/types/network-types';
import type { ShareFs } from '../../electron/core/platform/files/share-io';
import { call, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';

/**
 * A share that asks the workstation for its network status whenever a log file is read or a file is renamed into
 * place: what the frame would see at that moment of the round (sync.run lets other calls in between its steps).
 * Only while `watching`: other calls (network.create, join) hold the call queue while they write.
 */
let watching = false;
function watchedFs(seen: (SyncProgress | null)[], station: () => Workstation | undefined): ShareFs {
  const look = async () => {
    const w = station();
    if (w && watching) seen.push((await call(w.core, 'network.status')).progress);
  };
  return new Proxy(fsp as unknown as ShareFs, {
    get: (target, name: keyof ShareFs) => {
      const fn = target[name] as (...a: unknown[]) => Promise<unknown>;
      if (name !== 'readFile' && name !== 'rename') return fn;
      return async (...a: unknown[]) => {
        if (name === 'readFile' && String(a[0]).endsWith('.kimsync')) await look();
        const result = await fn(...a);
        if (name === 'rename') await look();
        return result;
      };
    },
  });
}

describe('a running round shows how far it is', { timeout: 240_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp?.cleanup());

  it('files received of those found, changes sent of those waiting; nothing once the round has ended', async () => {
    tmp = tempDir('kim-akte-progress-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const seenByOne: (SyncProgress | null)[] = [];
    const seenByTwo: (SyncProgress | null)[] = [];
    const stations: { one?: Workstation; two?: Workstation } = {};
    const one = (stations.one = await workstation(tmp.dir, 'lunen-1', 'lunen', { io: { fs: watchedFs(seenByOne, () => stations.one), sleep: async () => undefined } }));
    const two = (stations.two = await workstation(tmp.dir, 'lunen-2', 'lunen', { io: { fs: watchedFs(seenByTwo, () => stations.two), sleep: async () => undefined } }));
    await call(one.core, 'network.create', { share });
    await inviteAndJoin(one, two, share);
    await syncAll(one, two, one, two);
    for (const w of [one, two]) await withCaseWorker(w);
    // Three rounds with a new client each while the second workstation is away: three files for it to find.
    watching = true;
    for (const name of ['Erste', 'Zweite', 'Dritte']) {
      await call(one.core, 'clients.create', { familyName: name, givenNames: 'Person' });
      await call(one.core, 'sync.run');
    }
    await call(two.core, 'sync.run');
    watching = false;

    // The first workstation said, while writing each file, how many changes were waiting for the other.
    const sending = seenByOne.filter((p): p is SyncProgress => p?.phase === 'sending');
    expect(sending.length).toBeGreaterThanOrEqual(3);
    expect(sending.every((p) => p.done < p.total)).toBe(true);
    // The new member found the founder's files and counted them as it read them, one by one.
    const receiving = seenByTwo.filter((p): p is SyncProgress => p?.phase === 'receiving');
    // (Seen before each file is read: 0, 1, 2 of the three.)
    expect(receiving.map((p) => [p.done, p.total])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect((await call(two.core, 'clients.list', {})).total).toBe(3);
    // After the round, nothing is running.
    expect((await call(two.core, 'network.status')).progress).toBeNull();
    expect((await call(one.core, 'network.status')).progress).toBeNull();
  });
});
