import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWithRecoveryKey } from '../../electron/core/api/session/open-vault';
import { auditChainKey, entryHash, fromRaw, type RawEntry } from '../../electron/core/platform/audit/audit-chain';
import { AUDIT_HEAD_FILE, syncAuditHead } from '../../electron/core/platform/audit/audit-head';
import { call, closeCores, openCores, tempDir } from '../helpers/temp-vault';
import { reopen, workstation } from '../helpers/sync-network';

/**
 * The external anchor: checkpoints of the audit head signed into the workstation's log on the share. Someone with
 * the recovery key (database and audit key) can rewrite the local trail so that chain and head verify again; the
 * checkpoints already on the share still tell.
 */
describe('audit trail anchored in the sync log', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await closeCores(openCores.inTest);
    tmp?.cleanup();
  });

  it('detects a rewrite of the local history that chain and head no longer show', async () => {
    tmp = tempDir('kim-akte-anchor-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const clock = { now: new Date('2026-11-30T08:00:00Z') };
    let lunen = await workstation(tmp.dir, 'lunen-1', 'lunen', { now: () => clock.now });
    await call(lunen.core, 'network.create', { share });
    await call(lunen.core, 'sync.run');
    clock.now = new Date(clock.now.getTime() + 20 * 60_000);
    await call(lunen.core, 'network.devices');
    expect((await call(lunen.core, 'sync.run')).sent).toBe(1);
    const intact = await call(lunen.core, 'audit.verify');
    expect(intact).toMatchObject({ ok: true, firstBreak: null, anchor: { state: 'ok', missingFiles: 0 } });
    expect(intact.anchor!.checked).toBe(2);

    // The share out of reach: the local checks still run, the anchor says it was not compared.
    renameSync(share, `${share}-away`);
    expect((await call(lunen.core, 'audit.verify')).anchor).toMatchObject({ state: 'unreachable' });
    renameSync(`${share}-away`, share);
    // A checkpoint file removed from the share is reported, not silently skipped.
    const first = join(share, 'kim-akte-sync', 'devices', (await call(lunen.core, 'network.status')).deviceId, 'log', '000000000001.kimsync');
    renameSync(first, `${first}.aside`);
    expect((await call(lunen.core, 'audit.verify')).anchor).toMatchObject({ state: 'ok', checked: 1, missingFiles: 1 });
    renameSync(`${first}.aside`, first);

    // With the recovery key, entry 2 is rewritten, every later hash recomputed, and the head replaced.
    await lunen.core.close();
    const vault = await openWithRecoveryKey({ dataDir: lunen.dir }, lunen.recoveryKey!);
    await vault.dataSource.transaction(async (m) => {
      const rows = (await m.query('SELECT * FROM audit_entry ORDER BY id')) as RawEntry[];
      let prevHash = '';
      for (const raw of rows) {
        const entry = { ...fromRaw(raw), prevHash };
        if (raw.id === 2) entry.entityId = 'rewritten';
        entry.hash = entryHash(auditChainKey(m), entry);
        await m.query('UPDATE audit_entry SET entity_id = ?, prev_hash = ?, hash = ? WHERE id = ?', [entry.entityId, prevHash, entry.hash, raw.id]);
        prevHash = entry.hash;
      }
      await m.query(`DELETE FROM setting WHERE key = 'audit.headWritten'`);
    });
    rmSync(join(lunen.dir, AUDIT_HEAD_FILE));
    await syncAuditHead(vault.dataSource);
    vault.forgetKey();
    await vault.dataSource.destroy();

    lunen = await reopen(lunen, { now: () => clock.now });
    const rewritten = await call(lunen.core, 'audit.verify');
    expect(rewritten.ok).toBe(false);
    expect(rewritten.firstBreak).toEqual({ id: expect.any(Number), reason: 'checkpoint-mismatch' });
    expect(rewritten.anchor?.state).toBe('mismatch');
  });
});
