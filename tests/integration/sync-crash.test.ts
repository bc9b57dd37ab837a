import * as fsp from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ShareFs } from '../../electron/core/platform/files/share-io';
import { newDeviceKeys } from '../../electron/core/platform/sync/device-keys';
import { readRecord, signRecord } from '../../electron/core/platform/sync/signed-record';
import { call, openRawVault, tempDir } from '../helpers/temp-vault';
import { editableFields } from '../helpers/case-worker';
import { inviteAndJoin, syncAll, withCaseWorker, workstation, type Workstation } from '../helpers/sync-network';

/**
 * A process that dies at the k-th file-system operation: before it reaches the share, or (`afterIt`) just after it
 * did (a rename done, the vault not yet told). Nothing later reaches the share.
 */
class Crash extends Error {}
function dyingFs(k: number, afterIt: boolean): { fs: ShareFs; renamed: () => boolean } {
  let ops = 0;
  let renamed = false;
  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      ops++;
      if (ops > k || (ops === k && !afterIt)) throw new Crash('process killed');
      const result = await fn(...a);
      if (ops === k) {
        renamed ||= fn === (fsp.rename as unknown);
        throw new Crash('process killed');
      }
      return result;
    };
  const fs = {
    open: wrap(fsp.open),
    rename: wrap(fsp.rename),
    readFile: wrap(fsp.readFile),
    readdir: wrap(fsp.readdir),
    stat: wrap(fsp.stat),
    unlink: wrap(fsp.unlink),
    mkdir: wrap(fsp.mkdir),
    access: wrap(fsp.access),
  } as unknown as ShareFs;
  return { fs, renamed: () => renamed };
}

/** A card on the share of a device nobody enrolled: something for IT to revoke, so a round has a file to write. */
function pendingCard(share: string, network: string): string {
  const keys = newDeviceKeys();
  const device = randomUUID();
  const card = {
    network,
    device,
    office: 'werne',
    signKey: keys.signPublic.toString('base64'),
    boxKey: keys.boxPublic.toString('base64'),
    createdAt: new Date().toISOString(),
    enrollment: { kind: 'invitation', invitation: randomUUID(), inviter: randomUUID(), proof: 'AAAA' },
  };
  const dir = join(share, 'kim-akte-sync', 'devices', device);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'card.json'), signRecord('device-card', card, keys.signPrivate));
  return device;
}

/**
 * Kills a sync round at every point of it (100 runs), then syncs again: the workstation keeps its identity (no false
 * "restored from backup"), every revocation goes out, and the other member reads the whole log without a refusal.
 */
describe('a sync round killed at any point', () => {
  const tmp = tempDir('kim-akte-crash-');
  afterAll(() => tmp.cleanup());

  it('loses nothing, applies nothing twice and leaves the share readable (100 crash points, before and after every file operation of a round)', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    // The share as this workstation reaches it; each run swaps in one that dies at the k-th operation.
    let target: ShareFs = fsp as unknown as ShareFs;
    const switchable = new Proxy({} as ShareFs, { get: (_t, name: keyof ShareFs) => target[name] });
    const lunen: Workstation = await workstation(tmp.dir, 'lunen-1', 'lunen', { io: { fs: switchable, sleep: async () => undefined } });
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    const created = await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(lunen, werne, lunen);
    const networkId = (readRecord(await fsp.readFile(join(share, 'kim-akte-sync', 'network.json'), 'utf8'), 'network').payload as { network: string }).network;
    let runs = 0;
    let reachedRename = 0;
    const crashOnce = async (k: number, afterIt: boolean): Promise<boolean> => {
      runs++;
      const dummy = pendingCard(share, networkId);
      await syncAll(lunen);
      await call(lunen.core, 'network.revoke', { deviceId: dummy });
      const dying = dyingFs(k, afterIt);
      target = dying.fs;
      // The transaction in flight rolls back as after a kill; what reached the share stays as it was left.
      const crashed = await lunen.core.dispatch('sync.run', {});
      if (!crashed.ok) expect(['internal', 'network.shareUnreachable']).toContain(crashed.error.code);
      if (dying.renamed() && !crashed.ok) reachedRename++;
      target = fsp as unknown as ShareFs;
      await call(lunen.core, 'sync.run');
      const status = await call(lunen.core, 'network.status');
      expect(status.deviceId).toBe(created.deviceId);
      const r = await call(werne.core, 'sync.run');
      expect(r.rejected).toBe(0);
      const seen = await call(werne.core, 'network.devices');
      expect(seen.find((d) => d.deviceId === created.deviceId)?.filesRead).toBe(
        readdirSync(join(share, 'kim-akte-sync', 'devices', created.deviceId, 'log')).filter((f) => f.endsWith('.kimsync')).length,
      );
      expect(seen.find((d) => d.deviceId === dummy)?.status).toBe('revoked');
      return crashed.ok;
    };
    // Every crash point of a round, before and after each operation, swept until the round runs to its end; the
    // sweeps repeat on a growing share until 100 runs are done.
    while (runs < 100) {
      for (let k = 1; runs < 100; k++) {
        const before = await crashOnce(k, false);
        const after = runs < 100 ? await crashOnce(k, true) : true;
        if (before && after) break;
      }
    }
    expect(reachedRename).toBeGreaterThan(0);
    expect(runs).toBe(100);
  }, 600_000);
});

/**
 * The same for data: two workstations of one office edit one client file in turn; the first one’s round is killed
 * at every point (reading the other's file, applying it, building and writing its own). After a full round on
 * both, both hold the last values, every received edit was applied once, and no file was refused.
 */
describe('a data sync round killed at any point', () => {
  const tmp = tempDir('kim-akte-crash-data-');
  afterAll(() => tmp.cleanup());

  it('loses no edit and applies none twice (40 crash points)', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    let target: ShareFs = fsp as unknown as ShareFs;
    const switchable = new Proxy({} as ShareFs, { get: (_t, name: keyof ShareFs) => target[name] });
    const one: Workstation = await workstation(tmp.dir, 'lunen-1', 'lunen', { io: { fs: switchable, sleep: async () => undefined } });
    const two = await workstation(tmp.dir, 'lunen-2', 'lunen');
    await call(one.core, 'network.create', { share });
    await inviteAndJoin(one, two, share);
    await syncAll(one, two, one);
    for (const w of [one, two]) await withCaseWorker(w);
    const client = await call(one.core, 'clients.create', { familyName: 'Crash', givenNames: 'Test' });
    await syncAll(one, two);
    const edit = async (w: Workstation, field: 'phone' | 'city', value: string) => {
      const d = await call(w.core, 'clients.get', { id: client.id });
      await call(w.core, 'clients.update', { ...editableFields(d), [field]: value });
    };
    const stored = (w: Workstation) => {
      const db = openRawVault(w.dir, w.recoveryKey!);
      try {
        return db.prepare('SELECT phone, city FROM client WHERE id = ?').get(client.id);
      } finally {
        db.close();
      }
    };
    let runs = 0;
    let crashes = 0;
    const crashOnce = async (k: number, afterIt: boolean): Promise<boolean> => {
      runs++;
      await edit(two, 'phone', `0231 ${1000 + runs}`);
      await call(two.core, 'sync.run');
      await edit(one, 'city', `Ort ${runs}`);
      target = dyingFs(k, afterIt).fs;
      const crashed = await one.core.dispatch('sync.run', {});
      if (!crashed.ok) expect(['internal', 'network.shareUnreachable']).toContain(crashed.error.code);
      if (!crashed.ok) crashes++;
      target = fsp as unknown as ShareFs;
      await call(one.core, 'sync.run');
      const r = await call(two.core, 'sync.run');
      expect(r.rejected).toBe(0);
      expect(stored(one)).toEqual({ phone: `0231 ${1000 + runs}`, city: `Ort ${runs}` });
      expect(stored(two)).toEqual(stored(one));
      return crashed.ok;
    };
    // Every crash point of a round, before and after each operation, swept until the round runs to its end.
    while (runs < 40) {
      for (let k = 1; runs < 40; k++) {
        const before = await crashOnce(k, false);
        const after = runs < 40 ? await crashOnce(k, true) : true;
        if (before && after) break;
      }
    }
    // Every phone edit of the second workstation was applied on the first exactly once (one relay entry each).
    const db = openRawVault(one.dir, one.recoveryKey!);
    try {
      const relays = db.prepare(`SELECT COUNT(*) AS n FROM change_entry WHERE entity = 'client' AND entity_id = ? AND fields LIKE '%phone%' AND device_id <> (SELECT value FROM setting WHERE key = 'device.id')`).get(client.id) as { n: number };
      expect(relays.n).toBe(runs);
    } finally {
      db.close();
    }
    expect(await call(one.core, 'conflicts.list', {})).toEqual([]);
    // Most rounds were killed indeed; a sweep ends with the one that got through.
    expect(crashes).toBeGreaterThan(runs / 2);
  }, 600_000);
});

/**
 * Documents: a round killed at any point while the first workstation writes copies of new documents to the share, or
 * while the second fetches them. Every document arrives once, byte for byte, and no stored file is left without
 * its row on the receiving side.
 */
describe('a document sync round killed at any point', () => {
  const tmp = tempDir('kim-akte-crash-docs-');
  afterAll(() => tmp.cleanup());

  it('loses no document and stores none twice (20 crash points on each side)', async () => {
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const targets: Record<string, ShareFs> = { one: fsp as unknown as ShareFs, two: fsp as unknown as ShareFs };
    const switchable = (who: string) => new Proxy({} as ShareFs, { get: (_t, name: keyof ShareFs) => targets[who]![name] });
    const one = await workstation(tmp.dir, 'lunen-1', 'lunen', { io: { fs: switchable('one'), sleep: async () => undefined } });
    const two = await workstation(tmp.dir, 'lunen-2', 'lunen', { io: { fs: switchable('two'), sleep: async () => undefined } });
    await call(one.core, 'network.create', { share });
    await inviteAndJoin(one, two, share);
    await syncAll(one, two, one);
    for (const w of [one, two]) await withCaseWorker(w);
    const client = await call(one.core, 'clients.create', { familyName: 'Crash', givenNames: 'Dokument' });
    const uploaded = new Map<string, string>();
    let runs = 0;
    let crashes = 0;
    const crashOnce = async (who: 'one' | 'two', k: number, afterIt: boolean): Promise<boolean> => {
      runs++;
      const bytes = Buffer.from(`%PDF-1.7\n% run ${runs}\n${'y'.repeat(500)}\n%%EOF\n`, 'latin1');
      const doc = await call(one.core, 'documents.upload', { clientId: client.id, fileName: `Scan ${runs}.pdf`, mimeType: 'application/pdf', category: 'identity', contentBase64: bytes.toString('base64') });
      uploaded.set(doc.id, bytes.toString('base64'));
      if (who === 'two') await call(one.core, 'sync.run');
      const w = who === 'one' ? one : two;
      targets[who] = dyingFs(k, afterIt).fs;
      const crashed = await w.core.dispatch('sync.run', {});
      if (!crashed.ok) expect(['internal', 'network.shareUnreachable']).toContain(crashed.error.code);
      if (!crashed.ok) crashes++;
      targets[who] = fsp as unknown as ShareFs;
      await call(one.core, 'sync.run');
      const r = await call(two.core, 'sync.run');
      expect(r.rejected).toBe(0);
      return crashed.ok;
    };
    for (const who of ['one', 'two'] as const) {
      const until = runs + 20;
      while (runs < until) {
        for (let k = 1; runs < until; k++) {
          const before = await crashOnce(who, k, false);
          const after = runs < until ? await crashOnce(who, k, true) : true;
          if (before && after) break;
        }
      }
    }
    const received = (await call(two.core, 'clients.get', { id: client.id })).documents;
    expect(received.map((d) => d.id).sort()).toEqual([...uploaded.keys()].sort());
    for (const d of received) expect((await call(two.core, 'documents.content', { id: d.id })).contentBase64).toBe(uploaded.get(d.id));
    expect(readdirSync(join(two.dir, 'documents'))).toHaveLength(uploaded.size);
    expect(crashes).toBeGreaterThan(runs / 2);
    const db = openRawVault(two.dir, two.recoveryKey!);
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM sync_parked').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  }, 600_000);
});
