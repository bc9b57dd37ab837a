import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupAsAdministrator } from '../../core/api/session/vault-backup';
import { restoreVault, type RestoreCredential } from '../../core/api/session/vault-restore';
import { APP_VERSION } from '../../core/contract/app-version';
import { AppError, englishMessage } from '../../core/contract/errors';
import { EXIT, exitCodeFor } from '../core-call';
import { CliError, readPassphrase, readSecret } from '../passphrase-input';
import { RECOVERY_KEY_ENV } from './recovery-database-key';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Writes a verified, encrypted backup of the vault while the app may keep running (IT administrators only). */
export async function backupCommand(opts: { dataDir: string; user: string; to: string }, out: (line: string) => void): Promise<void> {
  const dataDir = resolve(opts.dataDir);
  const to = resolve(opts.to);
  const passphrase = await readPassphrase(`Passphrase for ${opts.user}: `);
  let record;
  try {
    record = await backupAsAdministrator({ dataDir }, { login: opts.user, passphrase }, to, APP_VERSION, new Date());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new CliError(englishMessage(error.toPayload()), exitCodeFor(error.code));
  }
  out(`Backup written and verified: ${to} (${mb(record.bytes)}, taken ${record.at}).`);
  out('It is encrypted as a whole: it opens only with a passphrase of an account of this vault or its recovery key.');
}

/** Restores a backup into a data directory after checking it completely (see vault-restore.ts). */
export async function restoreCommand(
  opts: { from: string; dataDir: string; user?: string; recoveryKey?: boolean; force?: boolean },
  out: (line: string) => void,
): Promise<void> {
  const from = resolve(opts.from);
  if (!existsSync(from)) throw new CliError(`The backup file ${from} does not exist.`, EXIT.usage);
  if (!opts.user === !opts.recoveryKey) throw new CliError('Give either --user <login> (an IT administrator of the backed-up vault) or --recovery-key.', EXIT.usage);
  const credential: RestoreCredential = opts.user
    ? { kind: 'account', login: opts.user, passphrase: await readPassphrase(`Passphrase for ${opts.user} (as it was when the backup was taken): `) }
    : { kind: 'recovery', recoveryKey: await readSecret(RECOVERY_KEY_ENV, 'Recovery key: ') };
  let result;
  try {
    result = await restoreVault({ from, dataDir: resolve(opts.dataDir), force: opts.force === true, credential, now: new Date() });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new CliError(englishMessage(error.toPayload()), exitCodeFor(error.code));
  }
  out(`Backup of ${result.backupCreatedAt} restored into ${resolve(opts.dataDir)}: schema ${result.schemaVersion}, ${result.auditEntries} audit entries verified.`);
  if (result.keptAside) out(`The vault it replaced (--force) was kept in ${result.keptAside}; delete it once you are sure nothing from it is needed.`);
  if (result.previousDevice) {
    out(`Sync: this workstation was device ${result.previousDevice} in its network. At its next sync round it takes a new device identity`);
    out('(a successor signed with the old device key) and starts a new log, so no sequence number is ever written twice; changes it');
    out('published after the backup are read back from the share. The other workstations accept the successor without a new');
    out(`invitation, unless device ${result.previousDevice} has been revoked: then invite this workstation again (network invite / join).`);
  }
}
