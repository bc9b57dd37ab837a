import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  referralCreateInput,
  referralDeleteInput,
  referralFeedbackInput,
  referralReopenInput,
  referralSendInput,
  referralUpdateInput,
} from '../../contract/schemas/referral-schemas';
import type { ReferralView } from '../../contract/types/referral-types';
import { AppError } from '../../contract/errors';
import { berlinDate } from '../../contract/dates';
import type { DataCategory } from '../../contract/data-categories';
import { feedbackAllowed, reopenTarget, type ReferralState } from '../../contract/referral-domain';
import { recordChange } from '../../platform/sync/change-recorder';
import { loadKeyring } from '../../platform/vault/vault';
import { stampOf } from '../service-context';
import { AccessDenied } from '../access/access-denied';
import { accessTo, type ClientDataContext } from '../access/call-access';
import type { ClientAccess } from '../access/access-policy';
import { requireCase } from '../cases/case-queries';
import { FollowUpEntity, type KimCase } from '../cases/case-entities';
import { AccountEntity } from '../users/account-entity';
import { confirmCaller } from '../users/reauthentication';
import { PartnerContactEntity, PartnerEntity } from '../partners/partner-entities';
import { checkConsentGate, consentsNamingPartners } from './consent-gate';
import { categoriesOf, listCaseReferrals, referralView, requireReferral, seesReferral } from './referral-queries';
import { ReferralEntity, ReferralEventEntity, type Referral } from './referral-entities';

/**
 * Referrals of a case to partners of the directory: drafting, sending behind the consent gate, the partner's
 * feedback, reopening and deletion. The method guards let only the keeping office write (like follow-ups); here a
 * caller must also see every category a referral carries. Every write is in the change log and the audit entry.
 */

const invalid = (path: string, code: string) => new AppError('validation.invalid', { issues: [{ path, code }] });

/** The caller may only handle referrals whose every category its role sees (Verwaltung never sends health data). */
function requireCategories(ctx: ClientDataContext, access: ClientAccess, clientId: string, categories: readonly DataCategory[]): void {
  if (!seesReferral(access, categories)) throw new AccessDenied('roleCategory', { entity: 'client', entityId: clientId, fields: ['referral', ...categories.map((c) => `category:${c}`)] });
}

async function requireOpenCase(ctx: ClientDataContext, caseId: string): Promise<KimCase> {
  const k = await requireCase(ctx.tx, caseId);
  if (k.closedOn) throw new AppError('case.closed');
  return k;
}

/** The partner must be in the directory and not archived; a contact person must be one of its own. */
async function requirePartner(ctx: ClientDataContext, partnerId: string, contactId: string | null): Promise<void> {
  const partner = await ctx.tx.findOneBy(PartnerEntity, { id: partnerId });
  if (!partner) throw new AppError('record.notFound', { entity: 'partner' });
  if (partner.archivedAt) throw new AppError('partner.archived');
  if (contactId) {
    const contact = await ctx.tx.findOneBy(PartnerContactEntity, { id: contactId });
    if (!contact || contact.partnerId !== partnerId) throw invalid('contactId', 'not_of_partner');
  }
}

const today = (ctx: ClientDataContext) => berlinDate(ctx.now);

async function addEvent(ctx: ClientDataContext, referralId: string, state: ReferralState | 'reopened', on: string, note: string | null): Promise<void> {
  const id = randomUUID();
  await ctx.tx.insert(ReferralEventEntity, { id, referralId, state, on, byId: ctx.user.id, note, at: ctx.now.toISOString() });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'referral_event', entityId: id, fields: ['referralId', 'state', 'on', 'byId', 'note', 'at'] });
}

/** Writes the changed fields with the next version; a stale version changes nothing. */
async function save(ctx: ClientDataContext, r: Referral, version: number, changes: Partial<Referral>): Promise<void> {
  const result = await ctx.tx.update(ReferralEntity, { id: r.id, version }, { ...changes, updatedAt: ctx.now.toISOString(), version: version + 1 });
  if (!result.affected) throw new AppError('record.staleVersion', { entity: 'referral' });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'referral', entityId: r.id, fields: Object.keys(changes) });
  ctx.audit.entityIds.push(r.id);
  ctx.audit.fields.push(...Object.keys(changes));
}

/** A referral the caller may change: not deleted, its case open, every category visible to the caller. */
async function forWrite(ctx: ClientDataContext, id: string): Promise<{ r: Referral; k: KimCase; access: ClientAccess }> {
  const r = await requireReferral(ctx.tx, id);
  const k = await requireOpenCase(ctx, r.caseId);
  const access = await accessTo(ctx, r.clientId);
  requireCategories(ctx, access, r.clientId, categoriesOf(r));
  return { r, k, access };
}

/**
 * The Wiedervorlage of a feedback deadline: a follow-up of the case for its case manager (or the caller, when the
 * case manager's account is no longer active), closed when the feedback arrives.
 */
async function addDeadlineFollowUp(ctx: ClientDataContext, k: KimCase, dueDate: string, title: string): Promise<string> {
  const manager = await ctx.tx.findOneBy(AccountEntity, { id: k.caseManagerId, active: true });
  const id = randomUUID();
  await ctx.tx.insert(FollowUpEntity, {
    id,
    caseId: k.id,
    clientId: k.clientId,
    title,
    dueDate,
    assigneeId: manager && manager.office === k.office ? manager.id : ctx.user.id,
    doneAt: null,
    createdAt: ctx.now.toISOString(),
  });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'follow_up', entityId: id, fields: ['caseId', 'title', 'dueDate', 'assigneeId'] });
  return id;
}

async function closeFollowUp(ctx: ClientDataContext, followUpId: string | null): Promise<void> {
  if (!followUpId) return;
  const f = await ctx.tx.findOneBy(FollowUpEntity, { id: followUpId });
  if (!f || f.doneAt) return;
  await ctx.tx.update(FollowUpEntity, { id: followUpId }, { doneAt: ctx.now.toISOString() });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'follow_up', entityId: followUpId, fields: ['doneAt'] });
}

/** The referrals of a case the caller may see; the read is audited like a case read (categories for consent parties). */
export async function listReferrals(ctx: ClientDataContext, caseId: string): Promise<ReferralView[]> {
  const k = await requireCase(ctx.tx, caseId);
  const access = await accessTo(ctx, k.clientId);
  const list = await listCaseReferrals(ctx.tx, caseId, access, today(ctx));
  ctx.audit.entityIds.push(caseId, ...list.map((r) => r.id));
  if (!access.owner) ctx.audit.fields.push(...[...access.categories].map((c) => `category:${c}`));
  return list;
}

type DraftInput = Omit<z.output<typeof referralCreateInput>, 'caseId'>;

function draftFields(input: DraftInput): Pick<Referral, 'partnerId' | 'contactId' | 'request' | 'urgency' | 'categories' | 'feedbackDue'> {
  return {
    partnerId: input.partnerId,
    contactId: input.contactId,
    request: input.request,
    urgency: input.urgency,
    categories: JSON.stringify([...new Set(input.categories)].sort()),
    feedbackDue: input.feedbackDue,
  };
}

export async function createReferral(ctx: ClientDataContext, input: z.output<typeof referralCreateInput>): Promise<ReferralView> {
  const k = await requireOpenCase(ctx, input.caseId);
  const access = await accessTo(ctx, k.clientId);
  requireCategories(ctx, access, k.clientId, input.categories);
  await requirePartner(ctx, input.partnerId, input.contactId);
  const at = ctx.now.toISOString();
  const r: Referral = {
    id: randomUUID(),
    caseId: k.id,
    clientId: k.clientId,
    ...draftFields(input),
    consentIds: '[]',
    state: 'draft',
    followUpId: null,
    sentOn: null,
    acceptedOn: null,
    declinedBy: null,
    declineReason: null,
    result: null,
    failureReason: null,
    outcomeNote: null,
    createdBy: ctx.user.id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedBy: null,
    deleteReason: null,
    version: 1,
  };
  await ctx.tx.insert(ReferralEntity, r);
  await recordChange(ctx.tx, stampOf(ctx), {
    entity: 'referral',
    entityId: r.id,
    fields: ['caseId', 'clientId', 'partnerId', 'contactId', 'request', 'urgency', 'categories', 'state', 'feedbackDue', 'createdBy', 'createdAt'],
  });
  await addEvent(ctx, r.id, 'draft', today(ctx), null);
  ctx.audit.entityIds.push(r.id);
  ctx.audit.fields.push('state:draft', ...categoriesOf(r).map((c) => `category:${c}`));
  return referralView(ctx.tx, r.id, access, today(ctx));
}

export async function updateReferral(ctx: ClientDataContext, input: z.output<typeof referralUpdateInput>): Promise<ReferralView> {
  const { r, access } = await forWrite(ctx, input.id);
  if (r.state !== 'draft') throw new AppError('referral.notDraft');
  requireCategories(ctx, access, r.clientId, input.categories);
  await requirePartner(ctx, input.partnerId, input.contactId);
  await save(ctx, r, input.version, draftFields(input));
  return referralView(ctx.tx, r.id, access, today(ctx));
}

/**
 * Sends a draft: allowed only when consents in force name the partner for every category sent; otherwise
 * `referral.consentMissing` says what is missing (no consent for the partner, or which categories). A feedback
 * deadline becomes a Wiedervorlage of the case.
 */
export async function sendReferral(ctx: ClientDataContext, input: z.output<typeof referralSendInput>): Promise<ReferralView> {
  const { r, k, access } = await forWrite(ctx, input.id);
  if (r.state !== 'draft') throw new AppError('referral.notDraft');
  if (r.version !== input.version) throw new AppError('record.staleVersion', { entity: 'referral' });
  const on = input.sentOn ?? today(ctx);
  if (on > today(ctx)) throw invalid('sentOn', 'in_future');
  if (r.feedbackDue && !input.followUpTitle) throw invalid('followUpTitle', 'required');
  await requirePartner(ctx, r.partnerId, null);
  // The consent must be in force today: the day the data actually leaves.
  const gate = checkConsentGate(await consentsNamingPartners(ctx.tx, r.clientId), r.partnerId, categoriesOf(r), today(ctx));
  if (!gate.ok) throw new AppError('referral.consentMissing', { reason: gate.gap.reason, missing: gate.gap.missing, inactive: gate.gap.inactive });
  const followUpId = r.feedbackDue ? await addDeadlineFollowUp(ctx, k, r.feedbackDue, input.followUpTitle!) : null;
  await save(ctx, r, input.version, { state: 'sent', sentOn: on, consentIds: JSON.stringify(gate.consentIds), followUpId });
  await addEvent(ctx, r.id, 'sent', on, null);
  ctx.audit.fields.push(...categoriesOf(r).map((c) => `category:${c}`));
  return referralView(ctx.tx, r.id, access, today(ctx));
}

/** Records the answer: accepted, declined (by whom, why) or done (result, reason when unsuccessful); it closes the Wiedervorlage. */
export async function recordFeedback(ctx: ClientDataContext, input: z.output<typeof referralFeedbackInput>): Promise<ReferralView> {
  const { r, access } = await forWrite(ctx, input.id);
  const from = r.state as ReferralState;
  if (!feedbackAllowed(from, input.state)) throw new AppError('referral.invalidTransition', { from, to: input.state });
  const on = input.on ?? today(ctx);
  if (on > today(ctx)) throw invalid('on', 'in_future');
  if (r.sentOn && on < r.sentOn) throw invalid('on', 'before_sent');
  if (input.state === 'accepted') {
    await save(ctx, r, input.version, { state: 'accepted', acceptedOn: on });
    await addEvent(ctx, r.id, 'accepted', on, null);
  } else if (input.state === 'declined') {
    await save(ctx, r, input.version, { state: 'declined', declinedBy: input.declinedBy, declineReason: input.reason });
    await addEvent(ctx, r.id, 'declined', on, input.reason);
  } else {
    const failureReason = input.result === 'successful' ? null : input.failureReason;
    await save(ctx, r, input.version, { state: 'done', result: input.result, failureReason, outcomeNote: input.note });
    await addEvent(ctx, r.id, 'done', on, input.note);
  }
  await closeFollowUp(ctx, r.followUpId);
  return referralView(ctx.tx, r.id, access, today(ctx));
}

/**
 * Reopens a declined or done referral with a note: a declined one waits for an answer again, a done one goes back
 * to accepted when the partner had accepted it. The answer's fields are cleared (the history keeps them); a new
 * deadline makes a new Wiedervorlage.
 */
export async function reopenReferral(ctx: ClientDataContext, input: z.output<typeof referralReopenInput>): Promise<ReferralView> {
  const { r, k, access } = await forWrite(ctx, input.id);
  const to = reopenTarget(r.state as ReferralState, r.acceptedOn !== null);
  if (!to) throw new AppError('referral.invalidTransition', { from: r.state, to: 'reopened' });
  if (r.version !== input.version) throw new AppError('record.staleVersion', { entity: 'referral' });
  const followUpId = input.feedbackDue && to === 'sent' ? await addDeadlineFollowUp(ctx, k, input.feedbackDue, input.followUpTitle!) : r.followUpId;
  await save(ctx, r, input.version, {
    state: to,
    acceptedOn: to === 'sent' ? null : r.acceptedOn,
    declinedBy: null,
    declineReason: null,
    result: null,
    failureReason: null,
    outcomeNote: null,
    feedbackDue: to === 'sent' ? (input.feedbackDue ?? r.feedbackDue) : r.feedbackDue,
    followUpId,
  });
  await addEvent(ctx, r.id, 'reopened', today(ctx), input.note);
  return referralView(ctx.tx, r.id, access, today(ctx));
}

/**
 * Deletes a referral after re-authentication (the caller's own passphrase) with a reason. The row stays with the
 * reason and who deleted it, for the record; what was asked and the answers' texts are cleared, and its open
 * Wiedervorlage is closed.
 */
export async function deleteReferral(ctx: ClientDataContext, input: z.output<typeof referralDeleteInput>): Promise<null> {
  // Before anything is looked up: a wrong passphrase learns nothing and changes nothing.
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), input.passphrase);
  const { r } = await forWrite(ctx, input.id);
  const at = ctx.now.toISOString();
  await save(ctx, r, r.version, { deletedAt: at, deletedBy: ctx.user.id, deleteReason: input.reason, request: '', declineReason: null, outcomeNote: null });
  const noted = (await ctx.tx.query('SELECT id FROM referral_event WHERE referral_id = ? AND note IS NOT NULL', [r.id])) as { id: string }[];
  for (const e of noted) {
    await ctx.tx.update(ReferralEventEntity, { id: e.id }, { note: null });
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'referral_event', entityId: e.id, fields: ['note'] });
  }
  await closeFollowUp(ctx, r.followUpId);
  ctx.audit.fields.push('deleted');
  return null;
}
