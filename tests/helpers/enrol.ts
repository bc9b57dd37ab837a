import type { CoreDispatcher } from '../../electron/core/api/dispatcher';
import type { Role } from '../../electron/core/contract/offices';
import type { MethodName, OutputOf, Result } from '../../electron/core/contract/methods';
import type { AccountSummary, SessionUser } from '../../electron/core/contract/types/workstation-types';
import { ROLE_CATEGORIES } from '../../electron/core/contract/data-categories';

/** The Datenschutz account enrolAccount creates when an approval is needed and none is given. */
export const APPROVER = { login: 'ds.freigabe', displayName: 'Dana Freigabe', role: 'datenschutz' as const, passphrase: 'Freigabe am Seseke-Ufer 2026!' };

export interface Credentials {
  login: string;
  passphrase: string;
}

export interface NewAccount extends Credentials {
  displayName: string;
  role: Role;
  office?: 'lunen' | 'werne' | 'selm';
}

async function call<M extends MethodName>(core: CoreDispatcher, method: M, input: unknown = {}): Promise<OutputOf<M>> {
  const r = (await core.dispatch(method, input)) as Result<OutputOf<M>>;
  if (!r.ok) throw new Error(`${method}: expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

async function signInAs(core: CoreDispatcher, who: Credentials): Promise<SessionUser> {
  await call(core, 'session.lock');
  return call(core, 'session.unlock', { login: who.login, passphrase: who.passphrase });
}

/** Per core: an enrolled account that holds the category keys (health, conversation notes), to hand them on. */
const keyHolders = new WeakMap<CoreDispatcher, Credentials>();

/** The one-time passphrase IT hands over: different from the one the owner then chooses. */
export function oneTimePassphrase(a: NewAccount): string {
  return `Einmal-Passphrase für ${a.passphrase}`;
}

/**
 * Adds an account the way it happens at a workstation: IT creates it with a one-time passphrase, Datenschutz
 * approves where the policy asks for it (`approver`, or an APPROVER account made on first need), the owner sets
 * `a.passphrase` at the first login, and (for a role that reads health and conversation notes) a colleague enrolled
 * earlier who holds their keys signs in once to hand them on. Starts and ends unlocked as `admin`.
 */
export async function enrolAccount(
  core: CoreDispatcher,
  admin: Credentials,
  a: NewAccount,
  approver?: Credentials,
  { handOnKeys = true }: { handOnKeys?: boolean } = {},
): Promise<AccountSummary> {
  const temporary = oneTimePassphrase(a);
  const created = await call(core, 'accounts.create', { login: a.login, displayName: a.displayName, role: a.role, passphrase: temporary, ...(a.office ? { office: a.office } : {}) });
  if (created.pendingRequest) {
    const by = approver ?? (await ensureApprover(core, admin));
    await signInAs(core, by);
    await call(core, 'accounts.decideRequest', { id: created.pendingRequest.id, decision: 'approve', confirmPassphrase: by.passphrase });
  }
  const first = await signInAs(core, { login: a.login, passphrase: temporary });
  await call(core, 'session.changePassphrase', { currentPassphrase: temporary, newPassphrase: a.passphrase });
  // IT holds no category key: as at a workstation, a colleague who holds them signs in once and hands them on.
  const holder = keyHolders.get(core);
  if (first.awaitingCategoryKeys && holder && handOnKeys) await signInAs(core, holder);
  if (!first.awaitingCategoryKeys && ROLE_CATEGORIES[a.role]?.includes('health')) keyHolders.set(core, { login: a.login, passphrase: a.passphrase });
  await signInAs(core, admin);
  return (await call(core, 'accounts.list')).find((x) => x.id === created.id)!;
}

/** The APPROVER account, enrolled once per vault (Datenschutz sees no client data: no approval needed). */
async function ensureApprover(core: CoreDispatcher, admin: Credentials): Promise<Credentials> {
  const accounts = await call(core, 'accounts.list');
  if (!accounts.some((x) => x.login === APPROVER.login)) await enrolAccount(core, admin, APPROVER);
  return APPROVER;
}

/** enrolAccount for several accounts; returns them in order. */
export async function enrolAccounts(core: CoreDispatcher, admin: Credentials, accounts: NewAccount[], approver?: Credentials): Promise<AccountSummary[]> {
  const out: AccountSummary[] = [];
  for (const a of accounts) out.push(await enrolAccount(core, admin, a, approver));
  return out;
}
