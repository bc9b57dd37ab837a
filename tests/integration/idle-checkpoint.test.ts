import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSPHRASE, call, openCore, setupVault, tempDir } from '../helpers/temp-vault';

/** In WAL mode a commit never writes the database file itself; only a checkpoint does. */
const fileHash = (dir: string) => createHash('sha256').update(readFileSync(join(dir, 'vault.db'))).digest('hex');

/**
 * The WAL is folded into the database file once the core has been idle, not inside a call that happens to fill it
 * (that call waited 0.7 to 0.9 s in the 50,000-client bench vault).
 */
describe('idle WAL checkpoint', () => {
  const tmp = tempDir();
  afterEach(() => tmp.cleanup());

  async function vaultWithCalls(idleCheckpointMs: number) {
    const dir = join(tmp.dir, `vault-${idleCheckpointMs}`);
    const setup = await setupVault(dir);
    await setup.core.close();
    const core = openCore({ dataDir: dir, idleCheckpointMs });
    await call(core, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE });
    // Every call commits its audit entry to the WAL.
    for (let i = 0; i < 5; i++) await call(core, 'accounts.list');
    return { core, dir };
  }

  it('writes the committed pages into the database file after a quiet time, and the vault works on', async () => {
    // 300 ms: no call of the loop takes that long, so the checkpoint cannot run before the first hash.
    const { core, dir } = await vaultWithCalls(300);
    const before = fileHash(dir);
    await sleep(1_500);
    expect(fileHash(dir)).not.toBe(before);
    // The vault works on, and its audit trail (written across the checkpoint) still verifies.
    expect((await call(core, 'audit.verify')).ok).toBe(true);
    await core.close();
  });

  it('does not touch the database file before the quiet time is over', async () => {
    const { core, dir } = await vaultWithCalls(60_000);
    const before = fileHash(dir);
    await sleep(1_500);
    expect(fileHash(dir)).toBe(before);
    await core.close();
  });
});
