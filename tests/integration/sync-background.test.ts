import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, call, closeCores, openCore, openCores, tempDir } from '../helpers/temp-vault';
import { workstation } from '../helpers/sync-network';

/** While someone is signed in, the core syncs on its own; locked, it does not touch the share. */
describe('background sync', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(async () => {
    await closeCores(openCores.inTest);
    tmp?.cleanup();
  });

  it('runs rounds on a timer while unlocked, so a joined workstation is enrolled without anyone pressing a button', async () => {
    tmp = tempDir('kim-akte-bg-');
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const lunenPlain = await workstation(tmp.dir, 'lunen-1', 'lunen');
    await call(lunenPlain.core, 'network.create', { share });
    await lunenPlain.core.close();
    // The same vault, opened as the app's core worker does: with background rounds (every 150 ms here).
    const lunen = openCore({ dataDir: lunenPlain.dir, backgroundSync: true, syncIntervalMs: 150 });
    await call(lunen, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    const werne = await workstation(tmp.dir, 'werne-1', 'werne');
    const invitation = await call(lunen, 'network.invite', { office: 'werne' });
    await call(werne.core, 'network.join', { share, invitation: invitation.file, code: invitation.code });
    const joinedAt = Date.now();
    while (Date.now() - joinedAt < 10_000) {
      await call(werne.core, 'sync.run');
      if ((await call(werne.core, 'network.status')).enrolled) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await call(werne.core, 'network.status')).enrolled).toBe(true);
    expect((await call(lunen, 'network.status')).lastRound?.outcome).toBe('ok');
    // Locked: no more rounds (the last round's time stands still).
    await call(lunen, 'session.lock');
    const { lastSuccessAt } = await (async () => {
      await call(lunen, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
      const s = await call(lunen, 'network.status');
      await call(lunen, 'session.lock');
      return s;
    })();
    await new Promise((r) => setTimeout(r, 600));
    const reopened = openCore({ dataDir: lunenPlain.dir });
    await call(reopened, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    expect((await call(reopened, 'network.status')).lastSuccessAt).toBe(lastSuccessAt);
  });
});
