import { resolve } from 'node:path';
import { databaseKeyForRecoveryKey } from '../../core/api/session/open-vault';
import { AppError, englishMessage } from '../../core/contract/errors';
import { EXIT } from '../core-call';
import { CliError, readSecret } from '../passphrase-input';

export const RECOVERY_KEY_ENV = 'KIM_AKTE_RECOVERY_KEY';

/**
 * Prints the SQLCipher key of the vault file after checking the recovery key against it, for opening vault.db in
 * a standard SQLCipher 4 tool (`PRAGMA key = "x'…'"`). Reads only; changes nothing.
 */
export async function recoveryDatabaseKeyCommand(opts: { dataDir: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const recoveryKey = await readSecret(RECOVERY_KEY_ENV, 'Recovery key: ');
  let key: Buffer;
  try {
    key = databaseKeyForRecoveryKey({ dataDir }, recoveryKey);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const code = error.code === 'recoveryKey.invalid' ? EXIT.wrongPassphrase : error.code === 'vault.notInitialised' ? EXIT.vaultMissing : EXIT.vaultDamaged;
    throw new CliError(englishMessage(error.toPayload()), code);
  }
  try {
    out(`PRAGMA key = "x'${key.toString('hex')}'";`);
  } finally {
    key.fill(0);
  }
}
