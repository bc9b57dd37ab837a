import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBundle, readBundleHeader } from '../../electron/core/platform/sync/bundle-codec';
import { newDeviceKeys } from '../../electron/core/platform/sync/device-keys';
import { call, closeCores, openCores, openRawVault, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, statusOf, syncAll, workstation, type Workstation } from '../helpers/sync-network';

const logDir = (share: string, device: string) => join(share, 'kim-akte-sync', 'devices', device, 'log');
const fileOf = (share: string, device: string, seq: number) => join(logDir(share, device), `${String(seq).padStart(12, '0')}.kimsync`);
const filesIn = (share: string, device: string) => readdirSync(logDir(share, device)).filter((f) => f.endsWith('.kimsync')).length;

/** Three workstations on one share with one clock the test moves; all enrolled and synced. */
async function network(root: string) {
  const share = join(root, 'share');
  mkdirSync(share);
  const clock = { now: new Date('2026-11-30T08:00:00Z') };
  const now = () => clock.now;
  const lunen = await workstation(root, 'lunen-1', 'lunen', { now });
  const werne = await workstation(root, 'werne-1', 'werne', { now });
  const selm = await workstation(root, 'selm-1', 'selm', { now });
  await call(lunen.core, 'network.create', { share });
  await inviteAndJoin(lunen, werne, share);
  await inviteAndJoin(lunen, selm, share);
  await syncAll(lunen, werne, selm, lunen, werne, selm);
  const id = async (w: Workstation) => (await call(w.core, 'network.status')).deviceId;
  /** Lets `w` write one more file: a quarter of an hour later its audit head has moved, so a checkpoint goes out. */
  const writeFileOn = async (w: Workstation) => {
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    await call(w.core, 'network.devices');
    expect((await call(w.core, 'sync.run')).sent).toBe(1);
  };
  return { share, clock, lunen, werne, selm, writeFileOn, ids: { lunen: await id(lunen), werne: await id(werne), selm: await id(selm) } };
}

function quarantineRows(w: Workstation, recovery: string): { reason: string; seq: number }[] {
  const db = openRawVault(w.dir, recovery);
  try {
    return db.prepare('SELECT reason, seq FROM sync_quarantine ORDER BY id').all() as { reason: string; seq: number }[];
  } finally {
    db.close();
  }
}
void quarantineRows;

describe('the log on the share: tampered, truncated, reordered, replayed and foreign-signed files', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await closeCores(openCores.inTest);
    tmp?.cleanup();
  });

  type Net = Awaited<ReturnType<typeof network>>;
  const damages: [string, (n: Net, seq: number) => void][] = [
    ['a flipped byte', (n, seq) => {
      const path = fileOf(n.share, n.ids.werne, seq);
      const bytes = readFileSync(path);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x20;
      writeFileSync(path, bytes);
    }],
    ['a truncated file', (n, seq) => truncateSync(fileOf(n.share, n.ids.werne, seq), Math.floor(readFileSync(fileOf(n.share, n.ids.werne, seq)).length * 0.6))],
    ['an empty file', (n, seq) => writeFileSync(fileOf(n.share, n.ids.werne, seq), Buffer.alloc(0))],
    ['a replayed file (an older one copied under the new number)', (n, seq) => copyFileSync(fileOf(n.share, n.ids.werne, seq - 1), fileOf(n.share, n.ids.werne, seq))],
    ['a file signed by a foreign key', (n, seq) => {
      const { header } = readBundleHeader(readFileSync(fileOf(n.share, n.ids.werne, seq)));
      const forged = encodeBundle({ ...header, recipients: [], payload: Buffer.alloc(0) }, newDeviceKeys().signPrivate);
      writeFileSync(fileOf(n.share, n.ids.werne, seq), forged);
    }],
  ];

  it.each(damages)('quarantines %s with an audit entry; the device waits behind it and the others still sync', async (_name, damage) => {
    tmp = tempDir('kim-akte-log-');
    const n = await network(tmp.dir);
    await n.writeFileOn(n.werne);
    await syncAll(n.selm);
    const good = filesIn(n.share, n.ids.werne);
    await n.writeFileOn(n.werne);
    await n.writeFileOn(n.werne);
    damage(n, good + 1);
    await n.writeFileOn(n.lunen);
    const r = await call(n.selm.core, 'sync.run');
    expect(r.rejected).toBe(1);
    const devices = await call(n.selm.core, 'network.devices');
    expect(devices.find((d) => d.deviceId === n.ids.werne)?.filesRead).toBe(good);
    expect(devices.find((d) => d.deviceId === n.ids.lunen)?.filesRead).toBe(filesIn(n.share, n.ids.lunen));
    expect((await call(n.selm.core, 'network.status')).quarantined).toBe(1);
    const audit = await call(n.selm.core, 'audit.list', { action: 'sync.quarantine' });
    expect(audit.rows.map((e) => e.entityId)).toEqual([n.ids.werne]);
    // The next round neither counts nor audits the same file again.
    expect((await call(n.selm.core, 'sync.run')).rejected).toBe(1);
    expect((await call(n.selm.core, 'network.status')).quarantined).toBe(1);
    expect((await call(n.selm.core, 'audit.list', { action: 'sync.quarantine' })).rows).toHaveLength(1);
  });

  it('waits at a gap (a removed or not yet visible file) and reads on when the file is back; reordered files are refused', async () => {
    tmp = tempDir('kim-akte-log-');
    const n = await network(tmp.dir);
    const start = filesIn(n.share, n.ids.werne);
    await n.writeFileOn(n.werne);
    await n.writeFileOn(n.werne);
    const aside = join(tmp.dir, 'aside.kimsync');
    renameSync(fileOf(n.share, n.ids.werne, start + 1), aside);
    expect((await call(n.selm.core, 'sync.run')).rejected).toBe(0);
    expect((await call(n.selm.core, 'network.devices')).find((d) => d.deviceId === n.ids.werne)?.filesRead).toBe(start);
    // Swapping two files: each carries its own number in its signed header, so the first is refused as misplaced.
    renameSync(fileOf(n.share, n.ids.werne, start + 2), fileOf(n.share, n.ids.werne, start + 1));
    renameSync(aside, fileOf(n.share, n.ids.werne, start + 2));
    expect((await call(n.selm.core, 'sync.run')).rejected).toBe(1);
    // Put back in order, everything is read.
    renameSync(fileOf(n.share, n.ids.werne, start + 1), aside);
    renameSync(fileOf(n.share, n.ids.werne, start + 2), fileOf(n.share, n.ids.werne, start + 1));
    renameSync(aside, fileOf(n.share, n.ids.werne, start + 2));
    const r = await call(n.selm.core, 'sync.run');
    expect(r.rejected).toBe(0);
    expect((await call(n.selm.core, 'network.devices')).find((d) => d.deviceId === n.ids.werne)?.filesRead).toBe(start + 2);
  });

  it('freezes a device that signed two different files under one number, and IT sees the alert', async () => {
    tmp = tempDir('kim-akte-log-');
    const n = await network(tmp.dir);
    await n.writeFileOn(n.werne);
    // A copy of Werne's vault as it is now: later it will write its own, different next files.
    await n.werne.core.close();
    const copyDir = join(tmp.dir, 'werne-copy');
    (await import('node:fs')).cpSync(n.werne.dir, copyDir, { recursive: true });
    const { reopen } = await import('../helpers/sync-network');
    const werne = await reopen(n.werne, { now: () => n.clock.now });
    const seq = filesIn(n.share, n.ids.werne);
    await n.writeFileOn(werne);
    await syncAll(n.selm);
    // The newer file vanishes from the share; the copy, not knowing it, writes a different file under that number.
    rmSync(fileOf(n.share, n.ids.werne, seq + 1));
    const copy = await reopen({ name: 'werne-copy', dir: copyDir, core: werne.core }, { now: () => n.clock.now });
    await n.writeFileOn(copy);
    await n.writeFileOn(copy);
    const r = await call(n.selm.core, 'sync.run');
    expect(r.rejected).toBeGreaterThanOrEqual(1);
    expect(await statusOf(n.selm, n.ids.werne)).toBe('frozen');
    expect((await call(n.selm.core, 'network.status')).alerts).toBe(1);
    expect((await call(n.selm.core, 'audit.list', { action: 'sync.freeze' })).rows).toHaveLength(1);
  });

  it('a workstation restored from a backup never reuses a number: it takes a successor identity that the others accept', async () => {
    tmp = tempDir('kim-akte-log-');
    const n = await network(tmp.dir);
    await n.werne.core.close();
    const backup = join(tmp.dir, 'werne-backup');
    (await import('node:fs')).cpSync(n.werne.dir, backup, { recursive: true });
    const { reopen } = await import('../helpers/sync-network');
    let werne = await reopen(n.werne, { now: () => n.clock.now });
    await n.writeFileOn(werne);
    await n.writeFileOn(werne);
    const written = filesIn(n.share, n.ids.werne);
    await werne.core.close();
    // The PC dies; IT restores yesterday's backup onto a new one.
    rmSync(n.werne.dir, { recursive: true, force: true });
    (await import('node:fs')).cpSync(backup, n.werne.dir, { recursive: true });
    werne = await reopen(n.werne, { now: () => n.clock.now });
    await call(werne.core, 'sync.run');
    const status = await call(werne.core, 'network.status');
    expect(status.deviceId).not.toBe(n.ids.werne);
    expect(status.enrolled).toBe(true);
    expect(filesIn(n.share, n.ids.werne)).toBe(written);
    // The old identity's files stay as they were, and the others accept the successor.
    await n.writeFileOn(werne);
    await syncAll(n.lunen, n.selm);
    expect(await statusOf(n.lunen, status.deviceId)).toBe('member');
    expect(await statusOf(n.selm, status.deviceId)).toBe('member');
    expect((await call(n.selm.core, 'network.devices')).find((d) => d.deviceId === status.deviceId)?.enrolledBy).toBe(n.ids.werne);
    expect((await call(werne.core, 'audit.list', { action: 'network.fork' })).rows).toHaveLength(1);
  });
});
