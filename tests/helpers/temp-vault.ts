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

/**
 * Dispatchers opened by tests and not yet closed. Under vitest, tests/helpers/close-cores.ts closes them: one opened
 * during a test after that test, one opened in a beforeAll at the end of its file. Closing twice is harmless, so a
 * test may still close its own earlier (before removing its folder, say). Kept free of vitest imports: the bench
 * and the demo-data command use these helpers outside the test runner.
 */
export const openCores = { inTest: new Set<CoreDispatcher>(), inFile: new Set<CoreDispatcher>(), testRunning: false };

/** A dispatcher over `options.dataDir`, closed for the test that opened it (see openCores). */
export function openCore(options: ConstructorParameters<typeof CoreDispatcher>[0]): CoreDispatcher {
  const core = new CoreDispatcher(options);
  (openCores.testRunning ? openCores.inTest : openCores.inFile).add(core);
  return core;
}

/** Closes the given dispatchers, every one even when one fails, and reports the failures together. */
export async function closeCores(cores: Set<CoreDispatcher>): Promise<void> {
  const all = [...cores];
  cores.clear();
  const failed = (await Promise.allSettled(all.map((c) => c.close()))).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length) throw new AggregateError(failed.map((f) => f.reason as unknown), `${failed.length} dispatcher(s) failed to close`);
}

/** A vault set up in a fresh temp dir, unlocked as its administrator "admin". */
export async function setupVault(dir: string, now?: () => Date): Promise<{ core: CoreDispatcher; recoveryKey: string }> {
  const core = openCore({ dataDir: dir, now });
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
