import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { deriveWrappingKey, newKdfParams } from '../../electron/core/platform/vault/key-crypto';
import { ADMIN_PASSPHRASE, call, setupVault, tempDir } from '../helpers/temp-vault';
import { median, percentile, round, timeMs } from './stats';

/** Unlock cost: the KDF alone (scrypt, OWASP parameters) and a full unlock through the dispatcher. */
export async function benchUnlock(runs: number): Promise<Record<string, number>> {
  const kdf: number[] = [];
  for (let i = 0; i < runs; i++) kdf.push(await timeMs(() => deriveWrappingKey(ADMIN_PASSPHRASE, newKdfParams())));

  const tmp = tempDir('kim-akte-bench-');
  const { core } = await setupVault(tmp.dir);
  await call(core, 'session.lock');
  const unlock: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = new CoreDispatcher({ dataDir: tmp.dir });
    unlock.push(await timeMs(() => call(fresh, 'session.unlock', { login: 'admin', passphrase: ADMIN_PASSPHRASE })));
    await call(fresh, 'session.lock');
  }
  tmp.cleanup();
  return {
    kdf_median_ms: round(median(kdf)),
    kdf_p95_ms: round(percentile(kdf, 95)),
    unlock_median_ms: round(median(unlock)),
    unlock_p95_ms: round(percentile(unlock, 95)),
  };
}
