import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupAsAdministrator } from '../../electron/core/api/session/vault-backup';
import { restoreVault } from '../../electron/core/api/session/vault-restore';
import { clientInput } from '../helpers/case-worker';
import { shareLayout } from '../../electron/core/domain/sync/share-layout';
import { kimAkte } from '../helpers/cli';
import { lunenTwiceAndWerne, reopen, signIn, STAFF, syncAll, type Workstation } from '../helpers/sync-network';
import { ADMIN_PASSPHRASE, call, tempDir } from '../helpers/temp-vault';

const ADMIN = { login: 'admin', passphrase: ADMIN_PASSPHRASE };

/** Every file in a device's log folder with its digest: numbers written once stay as they are. */
function logFiles(share: string, device: string): Record<string, string> {
  const dir = shareLayout(share).logDir(device);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

async function familyNames(w: Workstation): Promise<string[]> {
  return (await call(w.core, 'clients.list', { offset: 0, limit: 200 })).rows.map((r) => r.familyName);
}

describe('a workstation restored from a backup in a sync network (issue 13)', () => {
  const tmp = tempDir('kim-akte-sync-restore-');
  afterAll(() => tmp.cleanup());

  it('takes a new device identity: its writes are accepted by the others and no sequence number is written twice', async () => {
    const { share, lunen1, lunen2, werne } = await lunenTwiceAndWerne(tmp.dir);
    await call(lunen1.core, 'clients.create', clientInput('VorSicherung', 'Anna'));
    await syncAll(lunen1, lunen2, werne);
    const oldDevice = (await call(lunen1.core, 'network.status')).deviceId;

    const backup = join(tmp.dir, 'lunen-1.kimbackup');
    await backupAsAdministrator({ dataDir: lunen1.dir }, ADMIN, backup, 'test', new Date());
    // Work after the backup, published to the share under the old identity: the restore must not write these numbers.
    await call(lunen1.core, 'clients.create', clientInput('NachSicherung', 'Bernd'));
    await syncAll(lunen1, lunen2);
    const publishedBefore = logFiles(share, oldDevice);
    expect(Object.keys(publishedBefore).length).toBeGreaterThan(0);
    await lunen1.core.close();

    // The disk of lunen-1 fails; IT restores yesterday's backup (the vault there is newer: --force), via the CLI.
    const restored = kimAkte(['restore', '--from', backup, '--data-dir', lunen1.dir, '--user', 'admin', '--force'], ADMIN_PASSPHRASE);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`this workstation was device ${oldDevice}`);
    expect(restored.stdout).toContain('new device identity');

    const back = await reopen(lunen1);
    await signIn(back, STAFF.fm.login);
    await call(back.core, 'clients.create', clientInput('NachWiederherstellung', 'Clara'));
    await syncAll(back, lunen2, werne, back);
    const status = await call(back.core, 'network.status');
    expect(status.deviceId).not.toBe(oldDevice);

    // The old identity's files are untouched; the new identity has its own log from number 1.
    expect(logFiles(share, oldDevice)).toEqual(publishedBefore);
    const newLog = Object.keys(logFiles(share, status.deviceId)).sort();
    expect(newLog.length).toBeGreaterThan(0);
    expect(newLog[0]).toMatch(/^0+1\./);

    // The other workstations accept the successor and apply its writes; what was published after the backup comes back.
    await signIn(lunen2, 'admin');
    const seenByLunen2 = (await call(lunen2.core, 'network.devices')).find((d) => d.deviceId === status.deviceId);
    expect(seenByLunen2?.status).toBe('member');
    await signIn(werne, 'admin');
    const seenByWerne = (await call(werne.core, 'network.devices')).find((d) => d.deviceId === status.deviceId);
    expect(seenByWerne?.status).toBe('member');
    await signIn(lunen2, STAFF.fm.login);
    expect(await familyNames(lunen2)).toEqual(expect.arrayContaining(['VorSicherung', 'NachSicherung', 'NachWiederherstellung']));
    expect(await familyNames(back)).toEqual(expect.arrayContaining(['VorSicherung', 'NachSicherung', 'NachWiederherstellung']));

    // The fork is in the restored vault's audit trail.
    await signIn(back, 'admin');
    const actions = (await call(back.core, 'audit.list', { limit: 100, offset: 0 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['vault.restore', 'network.fork']));
  }, 180_000);

  it('restoring a workstation outside any network changes no identity and says nothing about sync', async () => {
    const dir = join(tmp.dir, 'alone');
    const { setupVault } = await import('../helpers/temp-vault');
    const { core } = await setupVault(dir);
    await core.close();
    const file = join(tmp.dir, 'alone.kimbackup');
    await backupAsAdministrator({ dataDir: dir }, ADMIN, file, 'test', new Date());
    const result = await restoreVault({ from: file, dataDir: join(tmp.dir, 'alone-restored'), force: false, credential: { kind: 'account', ...ADMIN }, now: new Date() });
    expect(result.previousDevice).toBeNull();
  }, 60_000);
});
