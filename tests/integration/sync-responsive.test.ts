import * as fsp from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareFs } from '../../electron/core/platform/files/share-io';
import { ADMIN_PASSPHRASE, call, closeCores, openCores, tempDir } from '../helpers/temp-vault';
import { inviteAndJoin, syncAll, workstation } from '../helpers/sync-network';

/** A share that answers every listing slowly, as an SMB server far away does. */
function slowFs(delay: { ms: number }): ShareFs {
  return {
    ...fsp,
    readdir: (async (...args: Parameters<typeof fsp.readdir>) => {
      await new Promise((r) => setTimeout(r, delay.ms));
      return fsp.readdir(...args);
    }) as typeof fsp.readdir,
  } as unknown as ShareFs;
}

/** A round waits on the share outside the call queue: the UI's calls are answered in between. */
describe('sync round and the rest of the app', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await closeCores(openCores.inTest);
    tmp?.cleanup();
  });

  it('answers other calls while a round waits on a slow share; a second request shares the running round; a lock ends it cleanly', async () => {
    tmp = tempDir('kim-akte-responsive-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const delay = { ms: 0 };
    const lunen = await workstation(tmp.dir, 'lunen-1', 'lunen', { io: { fs: slowFs(delay), sleep: async () => undefined } });
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    await call(lunen.core, 'network.create', { share });
    await inviteAndJoin(lunen, werne, share);
    await syncAll(werne);
    delay.ms = 400;
    const started = Date.now();
    const round = lunen.core.dispatch('sync.run', {});
    const again = lunen.core.dispatch('sync.run', {});
    const status = await call(lunen.core, 'network.status');
    const answeredAfter = Date.now() - started;
    const result = await round;
    const roundTook = Date.now() - started;
    expect(status.joined).toBe(true);
    expect(answeredAfter).toBeLessThan(roundTook);
    expect(roundTook).toBeGreaterThanOrEqual(800);
    expect(await again).toBe(result);
    expect(result.ok).toBe(true);

    // Locked while a round waits on the share: the round stops at its next step, the vault is locked, nothing is lost.
    await call(lunen.core, 'network.devices');
    const interrupted = lunen.core.dispatch('sync.run', {});
    await new Promise((r) => setTimeout(r, 100));
    await call(lunen.core, 'session.lock');
    const r = await interrupted;
    expect(r.ok ? 'ok' : r.error.code).toBe('session.locked');
    delay.ms = 0;
    await call(lunen.core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    await call(lunen.core, 'sync.run');
    await syncAll(werne);
    expect((await call(werne.core, 'network.status')).enrolled).toBe(true);
  });
});
