import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { MethodName, OutputOf, Result } from '../../electron/core/api/contract';

/** A strong passphrase that passes the policy; tests use realistic input, not "x". */
export const ADMIN_PASSPHRASE = 'Lippe-Ufer 1907 sieht Raben!';
export const OTHER_PASSPHRASE = 'Werner Kirmes bringt 7 grüne Drachen';

export function tempDir(prefix = 'kim-akte-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
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
