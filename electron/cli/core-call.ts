import type { CoreDispatcher } from '../core/api/dispatcher';
import type { MethodName, OutputOf, Result } from '../core/contract/methods';
import { englishMessage } from '../core/contract/errors';
import { CliError, readPassphrase } from './passphrase-input';

/** Exit codes, stable for scripts run by municipal IT. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  wrongPassphrase: 3,
  vaultMissing: 4,
  vaultExists: 5,
  vaultDamaged: 6,
  auditBroken: 7,
  /** Reserved for the development command demo-data (`npm run cli`, tests/demo-data): the vault is not a demo vault. */
  notDemoVault: 8,
  /** The shared sync folder is unreachable or read-only: offline, nothing lost; try again later. */
  offline: 9,
  /** The network refused the step (invitation invalid, expired or wrong code, device unknown or revoked). */
  networkRefused: 10,
  /** `policy check`: the policy file is missing, unreadable or breaks a rule (the message names the key and the rule). */
  policyInvalid: 11,
  /** doctor: the health check found something IT must fix (a warning or a critical finding); the report says what. */
  unhealthy: 12,
  /** restore: the data directory holds a newer vault (or another, or one of unknown age); nothing changed; --force. */
  restoreRefused: 13,
} as const;

/** Exit codes of the backup and restore commands (backup.* errors), in the conventions above. */
function backupExitCode(code: string): number {
  if (code === 'backup.targetExists') return EXIT.vaultExists;
  if (code === 'backup.auditBroken') return EXIT.auditBroken;
  if (code === 'backup.targetNewer' || code === 'backup.otherVault' || code === 'backup.targetUnknown') return EXIT.restoreRefused;
  if (code === 'backup.notAdmin' || code === 'backup.writeFailed' || code === 'backup.folderUnavailable' || code === 'backup.replaceFailed') return EXIT.failure;
  return EXIT.vaultDamaged;
}

export function exitCodeFor(code: string): number {
  if (code.startsWith('backup.')) return backupExitCode(code);
  if (code === 'recoveryKey.invalid') return EXIT.wrongPassphrase;
  if (code === 'unlock.failed' || code === 'unlock.throttled') return EXIT.wrongPassphrase;
  if (code === 'vault.notInitialised') return EXIT.vaultMissing;
  if (code === 'vault.alreadyInitialised') return EXIT.vaultExists;
  if (code.startsWith('vault.')) return EXIT.vaultDamaged;
  if (code === 'validation.invalid' || code === 'passphrase.tooWeak') return EXIT.usage;
  if (code.startsWith('policy.')) return EXIT.policyInvalid;
  if (code === 'permission.denied') return EXIT.failure;
  if (code === 'network.shareUnreachable' || code === 'network.shareReadOnly') return EXIT.offline;
  if (code.startsWith('network.')) return EXIT.networkRefused;
  return EXIT.failure;
}

/** Calls the same dispatcher the app uses; an error payload becomes a CliError with its English text. */
export async function callCore<M extends MethodName>(core: CoreDispatcher, method: M, input: unknown): Promise<OutputOf<M>> {
  const result = (await core.dispatch(method, input)) as Result<OutputOf<M>>;
  if (!result.ok) throw new CliError(englishMessage(result.error), exitCodeFor(result.error.code));
  return result.value;
}

/**
 * The start every unlocking command shares: refuse a missing vault before asking for a passphrase, then unlock as
 * `login`. Returns the passphrase for commands that must confirm it again (re-keying).
 */
export async function unlockForCommand(core: CoreDispatcher, login: string): Promise<string> {
  const status = await callCore(core, 'vault.status', {});
  if (status.state === 'uninitialised') throw new CliError(englishMessage({ code: 'vault.notInitialised', params: {} }), EXIT.vaultMissing);
  const passphrase = await readPassphrase(`Passphrase for ${login}: `);
  await callCore(core, 'session.unlock', { login, passphrase });
  return passphrase;
}
