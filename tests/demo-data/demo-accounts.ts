import type { AccountSummary, SessionUser } from '../../electron/core/contract/types/workstation-types';
import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { callCore, EXIT } from '../../electron/cli/core-call';
import { CliError } from '../../electron/cli/passphrase-input';
import { enrolAccount } from '../helpers/enrol';

/**
 * Accounts of a new demo vault: one administrator, one data protection officer (who approves the case managers'
 * accounts) and four case managers, all with the same passphrase.
 */
export const DEMO_ADMIN = { login: 'admin', displayName: 'Demo Administration' } as const;
export const DEMO_CASE_MANAGERS = [
  { login: 'fm.1', displayName: 'Katharina Brinkmann' },
  { login: 'fm.2', displayName: 'Jan Schulte-Wiethoff' },
  { login: 'fm.3', displayName: 'Sabine Kortenbusch' },
  { login: 'fm.4', displayName: 'Mehmet Aydoğan' },
] as const;
export const DEMO_PRIVACY = { login: 'datenschutz', displayName: 'Demo Datenschutz' } as const;

/** Creates a new vault with its administrator through the API (policy, audit, keyring); leaves it unlocked. */
export async function setUpDemoVault(core: CoreDispatcher, office: string, adminLogin: string, passphrase: string): Promise<{ recoveryKey: string; user: SessionUser }> {
  return callCore(core, 'vault.setup', { office, adminLogin, adminName: DEMO_ADMIN.displayName, passphrase });
}

/** Unlocks an existing vault through the API (throttled and audited like any unlock); only administrators go on. */
export async function unlockAsAdministrator(core: CoreDispatcher, login: string, passphrase: string): Promise<SessionUser> {
  const user = await callCore(core, 'session.unlock', { login, passphrase });
  if (user.role !== 'it-admin') throw new CliError(`demo-data needs an administrator; ${login} is not one.`, EXIT.failure);
  return user;
}

/**
 * The office's active case managers in a stable order (the generator assigns cases by position); when there are
 * none, the demo case managers are enrolled through the API the way IT does it (one-time passphrase, approval by
 * the demo data protection officer, first login), ending with the administrator's passphrase.
 */
export async function demoCaseManagers(core: CoreDispatcher, office: string, admin: { login: string; passphrase: string }): Promise<AccountSummary[]> {
  const accounts = await callCore(core, 'accounts.list', {});
  const managers = accounts.filter((a) => a.active && a.role === 'fallmanagement' && a.office === office);
  if (managers.length === 0) {
    const approver = { login: DEMO_PRIVACY.login, passphrase: admin.passphrase };
    if (!accounts.some((a) => a.login === DEMO_PRIVACY.login)) await enrolAccount(core, admin, { ...DEMO_PRIVACY, role: 'datenschutz', passphrase: admin.passphrase });
    for (const m of DEMO_CASE_MANAGERS.filter((d) => !accounts.some((a) => a.login === d.login))) {
      managers.push(await enrolAccount(core, admin, { ...m, role: 'fallmanagement', passphrase: admin.passphrase }, approver));
    }
  }
  return managers.sort((a, b) => a.login.localeCompare(b.login));
}
