import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CaseManagerOption } from '../../contract/types/client-types';
import type { Office, Role } from '../../contract/offices';
import { awaitedCategoryKeys } from '../../contract/data-categories';
import { recordChange } from '../../platform/sync/change-recorder';
import type { Keyring } from '../../platform/vault/keyring';
import { AccountEntity, type Account } from './account-entity';
import { AccountRequestEntity, type AccountRequest } from './account-request-entity';
import type { SessionUser } from '../../contract/types/workstation-types';
import type { AccountSummary } from '../../contract/types/workstation-types';

export function toSessionUser(a: Account): SessionUser {
  return { id: a.id, login: a.login, displayName: a.displayName, role: a.role, office: a.office };
}

/** Creates an account row (its passphrase wrap goes to the keyring separately) and records the change. */
export async function insertAccount(
  m: EntityManager,
  input: { login: string; displayName: string; role: Role; office: Office },
  deviceId: string,
  now: Date,
): Promise<Account> {
  const at = now.toISOString();
  const account: Account = {
    id: randomUUID(),
    login: input.login,
    displayName: input.displayName,
    role: input.role,
    office: input.office,
    active: true,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
    version: 1,
    oneTimeRequestId: null,
  };
  await m.insert(AccountEntity, account);
  await recordChange(m, { deviceId, nowMs: now.getTime(), actorId: null }, {
    entity: 'account',
    entityId: account.id,
    fields: ['login', 'displayName', 'role', 'office', 'active'],
  });
  return account;
}

export async function findActiveAccount(m: EntityManager, login: string): Promise<Account | null> {
  return m.findOneBy(AccountEntity, { login, active: true });
}

/** Active case workers (for assigning cases and follow-ups), own office first. */
/** Who may manage a case or take a follow-up of a file kept by `office`: its active case-work accounts. */
export async function listCaseManagers(m: EntityManager, office: Office): Promise<CaseManagerOption[]> {
  const rows = await m.find(AccountEntity, { where: [{ role: 'fallmanagement', active: true, office }, { role: 'verwaltung', active: true, office }] });
  return rows.map((a) => ({ id: a.id, displayName: a.displayName, office: a.office })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
}

/** The admin view of an account; `canUnlock` needs the keyring, which holds the passphrase wraps. */
export function toAccountSummary(a: Account, keyring: Keyring, pending?: AccountRequest): AccountSummary {
  const canUnlock = a.active && keyring.hasAccount(a.login);
  const held = keyring.categoriesHeldBy(a.login);
  return {
    id: a.id,
    version: a.version,
    canUnlock,
    login: a.login,
    displayName: a.displayName,
    role: a.role,
    office: a.office,
    active: a.active,
    lastLoginAt: a.lastLoginAt,
    pendingRequest: pending ? { id: pending.id, kind: pending.kind, expiresAt: pending.expiresAt } : null,
    oneTimePassphrase: a.oneTimeRequestId !== null,
    awaitingCategoryKeys: canUnlock ? awaitedCategoryKeys(a.role, (c) => held.includes(c)) : [],
  };
}

/** Logins of staff rows that sync brought from other workstations (authors, case managers): they cannot log in here. */
export const SYNCED_STAFF_LOGIN_PREFIX = 'sync:';

export async function listAccounts(m: EntityManager, keyring: Keyring, now: Date): Promise<AccountSummary[]> {
  // IT manages this workstation's accounts; staff rows of other workstations are not among them.
  const rows = (await m.find(AccountEntity, { order: { login: 'ASC' } })).filter((a) => !a.login.startsWith(SYNCED_STAFF_LOGIN_PREFIX));
  const pending = (await m.find(AccountRequestEntity, { where: { status: 'pending' } })).filter((r) => r.expiresAt > now.toISOString());
  const byAccount = new Map(pending.map((r) => [r.accountId, r]));
  return rows.map((a) => toAccountSummary(a, keyring, byAccount.get(a.id)));
}
