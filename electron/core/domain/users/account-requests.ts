import { stampOf } from '../service-context';
import { randomUUID } from 'node:crypto';
import { In, Not, type EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import { ROLE_CATEGORIES } from '../../contract/data-categories';
import type { MachinePolicy } from '../../contract/machine-policy';
import type { Role } from '../../contract/offices';
import type {
  AccountRequestApproval,
  AccountRequestKind,
  AccountRequestView,
  PassphraseChangeNotice,
} from '../../contract/types/account-request-types';
import { recordChange } from '../../platform/sync/change-recorder';
import type { Keyring } from '../../platform/vault/keyring';
import { loadKeyring } from '../../platform/vault/vault';
import { zeroSecrets } from '../../platform/vault/vault-secrets';
import { zeroCategoryKeys } from '../../platform/vault/field-cipher';
import type { VaultKeyContext } from '../service-context';
import { AccountEntity, type Account } from './account-entity';
import { AccountRequestEntity, type AccountRequest } from './account-request-entity';
import { confirmCaller } from './reauthentication';

/**
 * IT sets passphrases (new accounts, resets); Datenschutz approves those of accounts that see client data before
 * they open anything. Every passphrase IT sets is one-time: the owner must change it at the next login.
 */

/** How long a request waits for a decision before it lapses (and its pending wrap is dropped). */
export const REQUEST_LIFETIME_MS = 72 * 60 * 60 * 1000;

/** Accounts of these roles read client files: IT may not give them a passphrase without a second person. */
export function seesClientData(role: Role): boolean {
  return ROLE_CATEGORIES[role] !== undefined;
}

/** Roles IT may not give a passphrase without a second person: those that see client data, and Datenschutz. */
export function needsSecondPerson(role: Role): boolean {
  return seesClientData(role) || role === 'datenschutz';
}

/**
 * Whether IT's change for an account of `role` waits for approval, or why not. A Datenschutz account is the second
 * person itself, so IT may not mint one to approve its own requests: it needs another Datenschutz account's approval,
 * except the first one of the workstation (there is nobody to ask yet).
 */
export async function approvalFor(m: EntityManager, account: { id: string; role: Role }, policy: MachinePolicy): Promise<AccountRequestApproval> {
  if (!needsSecondPerson(account.role)) return 'not-required';
  if (account.role === 'datenschutz' && (await m.count(AccountEntity, { where: { role: 'datenschutz', active: true, id: Not(account.id) } })) === 0) return 'not-required';
  return policy.accounts.requireApproval ? 'required' : 'waived-by-policy';
}

/** The fields of a request that travel with a change record (never the local key wrap). */
const SHARED_FIELDS = ['kind', 'accountId', 'requestedBy', 'requestedAt', 'expiresAt', 'status', 'approval', 'decidedBy', 'decidedAt'];

/** Requests past their time lapse: marked expired, their pending wraps deleted. */
export async function expireOverdue(ctx: Pick<VaultKeyContext, 'tx' | 'now' | 'deviceId'>): Promise<void> {
  const rows = (await ctx.tx.query(`SELECT id FROM account_request WHERE status = 'pending' AND expires_at <= ?`, [ctx.now.toISOString()])) as { id: string }[];
  for (const { id } of rows) {
    await ctx.tx.update(AccountRequestEntity, { id }, { status: 'expired', pendingWrap: null });
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'account-request', entityId: id, fields: ['status'] });
  }
}

/** Open requests of an account end without effect (IT set another passphrase, or disabled the account). */
export async function supersedePending(ctx: Pick<VaultKeyContext, 'tx' | 'now' | 'deviceId'>, accountId: string): Promise<string[]> {
  const open = await ctx.tx.findBy(AccountRequestEntity, { accountId, status: 'pending' });
  for (const r of open) {
    await ctx.tx.update(AccountRequestEntity, { id: r.id }, { status: 'superseded', pendingWrap: null, decidedAt: ctx.now.toISOString() });
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'account-request', entityId: r.id, fields: ['status', 'decidedAt'] });
  }
  return open.map((r) => r.id);
}

/**
 * Puts the request's passphrase in force: its wrap replaces the account's in the keyring (written only after the
 * transaction commits, so the one-time mark is never missing while the wrap works), and the account is marked
 * one-time.
 */
async function activate(ctx: VaultKeyContext, keyring: Keyring, account: Account, requestId: string, prepared: string): Promise<void> {
  const secrets = ctx.vaultSecrets();
  try {
    keyring.verifyMac(secrets.database);
    // The category keys this session holds go along, for a role that reads them (IT holds none: see category-keys.ts).
    const categories = ctx.fields.keysFor(account.role);
    keyring.installAccountEntry(account.login, prepared, secrets, categories);
    zeroCategoryKeys(categories);
  } finally {
    zeroSecrets(secrets);
  }
  keyring.clearFailures(account.login);
  await ctx.tx.update(AccountEntity, { id: account.id }, { oneTimeRequestId: requestId, updatedAt: ctx.now.toISOString() });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'account', entityId: account.id, fields: ['oneTimeRequestId'] });
  ctx.afterCommit(() => keyring.save());
}

/**
 * IT sets `passphrase` for `account` (a new account, or a reset). For an account that sees client data under a
 * policy that asks for approval, the change waits as a pending request and the passphrase opens nothing yet;
 * otherwise it takes effect now, one-time. Notes the approval state on the call's audit entry.
 */
export async function requestPassphrase(
  ctx: VaultKeyContext,
  keyring: Keyring,
  account: Account,
  kind: AccountRequestKind,
  passphrase: string,
  policy: MachinePolicy,
): Promise<AccountRequest> {
  await expireOverdue(ctx);
  const superseded = await supersedePending(ctx, account.id);
  const approval = await approvalFor(ctx.tx, account, policy);
  // The account's new key pair under IT's passphrase; the vault's secrets are sealed to it only when it takes effect.
  const prepared = await keyring.prepareAccountEntry(account.login, passphrase);
  const at = ctx.now.toISOString();
  const pending = approval === 'required';
  const request: AccountRequest = {
    id: randomUUID(),
    kind,
    accountId: account.id,
    requestedBy: ctx.user.id,
    requestedAt: at,
    expiresAt: new Date(ctx.now.getTime() + REQUEST_LIFETIME_MS).toISOString(),
    status: pending ? 'pending' : 'applied',
    approval,
    decidedBy: null,
    decidedAt: pending ? null : at,
    pendingWrap: pending ? prepared : null,
    deviceId: ctx.deviceId,
    version: 1,
  };
  await ctx.tx.insert(AccountRequestEntity, request);
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'account-request', entityId: request.id, fields: SHARED_FIELDS });
  if (!pending) await activate(ctx, keyring, account, request.id, prepared);
  ctx.audit.fields.push(`request:${request.id}`, `approval:${approval}`, ...superseded.map((id) => `superseded:${id}`));
  return request;
}

/** Datenschutz approves (the passphrase takes effect, one-time) or rejects (a new account stays disabled). */
export async function decideRequest(ctx: VaultKeyContext, input: { id: string; decision: 'approve' | 'reject'; confirmPassphrase: string }): Promise<AccountRequestView> {
  const keyring = loadKeyring(ctx.dataDir);
  await confirmCaller(ctx, keyring, input.confirmPassphrase);
  await expireOverdue(ctx);
  const request = await ctx.tx.findOneBy(AccountRequestEntity, { id: input.id });
  if (!request) throw new AppError('record.notFound', { entity: 'account-request' });
  if (request.status !== 'pending' || !request.pendingWrap) throw new AppError('accountRequest.notPending', { status: request.status });
  const account = await ctx.tx.findOneBy(AccountEntity, { id: request.accountId });
  if (!account?.active) throw new AppError('accountRequest.notPending', { status: 'superseded' });
  const at = ctx.now.toISOString();
  const approved = input.decision === 'approve';
  if (approved) await activate(ctx, keyring, account, request.id, request.pendingWrap);
  else if (request.kind === 'create') {
    // A rejected new account never opened anything; it stays as a disabled record (its login stays taken).
    await ctx.tx.update(AccountEntity, { id: account.id }, { active: false, updatedAt: at });
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'account', entityId: account.id, fields: ['active'] });
  }
  await ctx.tx.update(
    AccountRequestEntity,
    { id: request.id },
    { status: approved ? 'approved' : 'rejected', decidedBy: ctx.user.id, decidedAt: at, pendingWrap: null },
  );
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'account-request', entityId: request.id, fields: ['status', 'decidedBy', 'decidedAt'] });
  ctx.audit.entityIds.push(account.id);
  ctx.audit.fields.push(`request:${request.id}`, `decision:${approved ? 'approved' : 'rejected'}`, `kind:${request.kind}`);
  return (await listRequests(ctx.tx, ctx.now, [request.id]))[0]!;
}

/** Requests newest first (the last 200, or the ones named), with names; overdue pending ones read as expired. */
export async function listRequests(m: EntityManager, now: Date, ids?: string[]): Promise<AccountRequestView[]> {
  const rows = await m.find(AccountRequestEntity, { where: ids ? { id: In(ids) } : {}, order: { requestedAt: 'DESC' }, take: 200 });
  const people = new Set(rows.flatMap((r) => [r.accountId, r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]));
  const accounts = new Map((await m.findBy(AccountEntity, { id: In([...people]) })).map((a) => [a.id, a]));
  const person = (id: string) => ({ id, displayName: accounts.get(id)?.displayName ?? '?' });
  return rows.map((r) => {
    const a = accounts.get(r.accountId)!;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status === 'pending' && r.expiresAt <= now.toISOString() ? 'expired' : r.status,
      approval: r.approval,
      account: { id: a.id, login: a.login, displayName: a.displayName, role: a.role, office: a.office },
      requestedBy: person(r.requestedBy),
      requestedAt: r.requestedAt,
      expiresAt: r.expiresAt,
      decidedBy: r.decidedBy ? person(r.decidedBy) : null,
      decidedAt: r.decidedAt,
    };
  });
}

/** Open requests by account, for the accounts list. */
export async function pendingByAccount(m: EntityManager, now: Date): Promise<Map<string, AccountRequest>> {
  const rows = await m.find(AccountRequestEntity, { where: { status: 'pending' } });
  return new Map(rows.filter((r) => r.expiresAt > now.toISOString()).map((r) => [r.accountId, r]));
}

/** What the owner is told at a login with a one-time passphrase: who set it, when, and who approved it. */
export async function oneTimeNotice(m: EntityManager, account: Account): Promise<PassphraseChangeNotice | undefined> {
  if (!account.oneTimeRequestId) return undefined;
  const request = await m.findOneBy(AccountRequestEntity, { id: account.oneTimeRequestId });
  if (!request) return { kind: 'reset', setAt: account.updatedAt, setBy: '?', approvedBy: null };
  const name = async (id: string | null) => (id ? ((await m.findOneBy(AccountEntity, { id }))?.displayName ?? '?') : null);
  return { kind: request.kind, setAt: request.requestedAt, setBy: (await name(request.requestedBy))!, approvedBy: await name(request.decidedBy) };
}

/** The owner chose a passphrase of their own: the one-time mark goes. */
export async function clearOneTime(ctx: Pick<VaultKeyContext, 'tx' | 'now' | 'deviceId'>, accountId: string): Promise<void> {
  await ctx.tx.update(AccountEntity, { id: accountId }, { oneTimeRequestId: null, updatedAt: ctx.now.toISOString() });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'account', entityId: accountId, fields: ['oneTimeRequestId'] });
}
