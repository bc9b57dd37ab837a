import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { APP_VERSION } from '../../core/contract/app-version';
import { callCore, unlockForCommand } from '../core-call';

/** Re-keys the vault as an IT administrator and prints the new recovery key once. */
export async function rekeyCommand(opts: { dataDir: string; user: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    const passphrase = await unlockForCommand(core, opts.user);
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
