import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { callCore, unlockForCommand } from '../core-call';

/** Unlocks as a user and prints office, schema version and row counts as JSON. */
export async function infoCommand(opts: { dataDir: string; user: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    await unlockForCommand(core, opts.user);
    const info = await callCore(core, 'vault.info', {});
    out(JSON.stringify({ dataDir, user: opts.user, ...info }, null, 2));
  } finally {
    await core.close();
  }
}
