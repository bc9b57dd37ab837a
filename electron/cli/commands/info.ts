import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { englishMessage } from '../../core/contract/errors';
import { callCore, EXIT } from '../core-call';
import { CliError, readPassphrase } from '../passphrase-input';

/** Unlocks as a user and prints office, schema version and row counts as JSON. */
export async function infoCommand(opts: { dataDir: string; user: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    const status = await callCore(core, 'vault.status', {});
    // Say so before asking for a passphrase that could not be used anyway.
    if (status.state === 'uninitialised') {
      throw new CliError(englishMessage({ code: 'vault.notInitialised', params: {} }), EXIT.vaultMissing);
    }
    const passphrase = await readPassphrase(`Passphrase for ${opts.user}: `);
    await callCore(core, 'session.unlock', { login: opts.user, passphrase });
    const info = await callCore(core, 'vault.info', {});
    out(JSON.stringify({ dataDir, user: opts.user, ...info }, null, 2));
  } finally {
    await core.close();
  }
}
