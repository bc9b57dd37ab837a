import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { MethodName, OutputOf, Result } from '../../electron/core/contract/methods';
import { databaseKeyForRecoveryKey } from '../../electron/core/api/session/open-vault';
import { openRawEncrypted, type SqliteDatabase } from '../../electron/core/platform/vault/sqlcipher';

/** A strong passphrase that passes the policy; tests use realistic input, not "x". */
export const ADMIN_PASSPHRASE = 'Lippe-Ufer 1907 sieht Raben!';
export const OTHER_PASSPHRASE = 'Werner Kirmes bringt 7 grüne Drachen';

/**
 * A fresh temp folder. `inMemory` puts it on /dev/shm where there is one: the same real files, but fsync costs
 * nothing, for tests that make thousands of committed calls (the access matrix).
 */
export function tempDir(prefix = 'kim-akte-test-', inMemory = false): { dir: string; cleanup: () => void } {
  const base = inMemory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Unwraps a dispatcher result, failing the test with the error payload when it is not ok. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function call<M extends MethodName>(core: CoreDispatcher, method: M, input: unknown = {}): Promise<OutputOf<M>> {
  return value((await core.dispatch(method, input)) as Result<OutputOf<M>>);
}

/** A vault set up in a fresh temp dir, unlocked as its administrator "admin". */
export async function setupVault(dir: string, now?: () => Date): Promise<{ core: CoreDispatcher; recoveryKey: string }> {
  const core = new CoreDispatcher({ dataDir: dir, now });
  const r = await call(core, 'vault.setup', {
    office: 'lunen',
    adminLogin: 'admin',
    adminName: 'Petra Schulte',
    passphrase: ADMIN_PASSPHRASE,
  });
  return { core, recoveryKey: r.recoveryKey };
}

/** Locks and unlocks again as another account (accounts made by tests use OTHER_PASSPHRASE). */
export async function switchUser(core: CoreDispatcher, login: string, passphrase = OTHER_PASSPHRASE): Promise<void> {
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login, passphrase });
}

/** The vault database opened raw (no TypeORM, no migrations) with the key the recovery key yields, as IT's tool would. */
export function openRawVault(dataDir: string, recoveryKey: string): SqliteDatabase {
  const key = databaseKeyForRecoveryKey({ dataDir }, recoveryKey);
  try {
    return openRawEncrypted(join(dataDir, 'vault.db'), key);
  } finally {
    key.fill(0);
  }
}
