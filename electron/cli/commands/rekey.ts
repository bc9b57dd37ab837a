import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { englishMessage } from '../../core/contract/errors';
import { callCore, EXIT } from '../core-call';
import { CliError, readPassphrase } from '../passphrase-input';

/** Re-keys the vault as an IT administrator and prints the new recovery key once. */
export async function rekeyCommand(opts: { dataDir: string; user: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    const status = await callCore(core, 'vault.status', {});
    if (status.state === 'uninitialised') {
      throw new CliError(englishMessage({ code: 'vault.notInitialised', params: {} }), EXIT.vaultMissing);
    }
    const passphrase = await readPassphrase(`Passphrase for ${opts.user}: `);
    await callCore(core, 'session.unlock', { login: opts.user, passphrase });
    const result = await callCore(core, 'vault.rekey', { confirmPassphrase: passphrase });
    out(`Vault in ${dataDir} re-keyed: new database key, every active account keeps its passphrase.`);
    if (result.accountsWithoutAccess > 0) {
      out(`${result.accountsWithoutAccess} account(s) had not signed in since the keyring format changed; reset their passphrases.`);
    }
    out(`New recovery key: ${result.recoveryKey}`);
    out('Store it in the IT safe now and destroy the old one: it is shown only this once, and the old key opens nothing any more.');
  } finally {
    await core.close();
  }
}
