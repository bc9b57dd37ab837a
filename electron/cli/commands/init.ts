import { resolve } from 'node:path';
import { CoreDispatcher } from '../../core/api/dispatcher';
import { englishMessage } from '../../core/contract/errors';
import { callCore, EXIT } from '../core-call';
import { CliError, readPassphrase } from '../passphrase-input';
import { APP_VERSION } from '../../core/contract/app-version';

export interface InitOptions {
  dataDir: string;
  office: string;
  adminUser: string;
  adminName: string;
}

/** Creates a vault for this workstation and prints the recovery key once. */
export async function initCommand(opts: InitOptions, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const core = new CoreDispatcher({ dataDir, appVersion: APP_VERSION });
  try {
    // Refuse an existing vault before asking for a passphrase.
    const status = await callCore(core, 'vault.status', {});
    if (status.state !== 'uninitialised') {
      throw new CliError(englishMessage({ code: 'vault.alreadyInitialised', params: {} }), EXIT.vaultExists);
    }
    const passphrase = await readPassphrase(`Passphrase for ${opts.adminUser}: `);
    const result = await callCore(core, 'vault.setup', {
      office: opts.office,
      adminLogin: opts.adminUser,
      adminName: opts.adminName,
      passphrase,
    });
    out(`Vault created in ${dataDir} for office ${opts.office}; administrator: ${result.user.login}.`);
    out(`Recovery key: ${result.recoveryKey}`);
    out('Store the recovery key in the IT safe now. It is shown only this once and opens the database without any passphrase.');
  } finally {
    await core.close();
  }
}
