import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import { ADMIN_PASSPHRASE, call, setupVault } from './temp-vault';
import { enrolAccount } from './enrol';

export const CASE_MANAGER = { login: 'fm.yilmaz', displayName: 'Derya Yilmaz', role: 'fallmanagement' as const, passphrase: 'Seseke Brücke am Morgen 2026' };

/** A vault with an administrator and a case manager; returned unlocked as the case manager. */
export async function caseWorkerVault(dir: string, now?: () => Date): Promise<{ core: CoreDispatcher; recoveryKey: string; caseManagerId: string }> {
  const { core, recoveryKey } = await setupVault(dir, now);
  const account = await enrolAccount(core, { login: 'admin', passphrase: ADMIN_PASSPHRASE }, CASE_MANAGER);
  await call(core, 'session.lock');
  await call(core, 'session.unlock', { login: CASE_MANAGER.login, passphrase: CASE_MANAGER.passphrase });
  return { core, recoveryKey, caseManagerId: account.id };
}

/** Minimal valid client input with the defaults the schema fills in. */
export function clientInput(familyName: string, givenNames: string, extra: Record<string, unknown> = {}) {
  return { familyName, givenNames, ...extra };
}

/** The fields clients.update takes from a client detail (the editable ones plus id and version). */
export function editableFields(detail: object): Record<string, unknown> {
  const d = detail as Record<string, unknown>;
  const keys = ['id', 'version', 'familyName', 'givenNames', 'alternativeNames', 'birthDate', 'birthDatePlaceholder', 'gender', 'nationalities', 'languages', 'arrivalDate', 'street', 'postalCode', 'city', 'phone', 'email'];
  return Object.fromEntries(keys.map((k) => [k, d[k]]));
}
