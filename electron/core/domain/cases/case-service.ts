import { stampOf } from '../service-context';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  assessmentInput,
  caseCloseInput,
  caseOpenInput,
  casePhaseInput,
  followUpInput,
  goalInput,
  goalStatusInput,
  measureInput,
  measureStatusInput,
  noteInput,
} from '../../contract/schemas/client-schemas';
import type { CaseDetail, FollowUpView } from '../../contract/types/client-types';
import { LIFE_AREA_DATA_CATEGORY, OWNER_ROLES } from '../../contract/data-categories';
import { AppError } from '../../contract/errors';
import { refreshClientCaseColumns, requireClient } from '../clients/client-service';
import { berlinDate } from '../../contract/dates';
import { CASE_PHASES, type CasePhase, type GoalStatus, type LifeArea } from '../../contract/case-domain';
import { recordChange } from '../../platform/sync/change-recorder';
import { AccountEntity } from '../users/account-entity';
import {
  AssessmentEntity,
  CasePhaseEventEntity,
  FollowUpEntity,
  GoalEntity,
  KimCaseEntity,
  MeasureEntity,
  NoteEntity,
  type Goal,
  type KimCase,
} from './case-entities';
import { assessmentPlace, casePlace, goalPlace, measurePlace, notePlace } from './protected-fields';
import { loadCaseDetail, queryFollowUps, requireCase } from './case-queries';
import { AccessDenied } from '../access/access-denied';
import { accessTo } from '../access/call-access';
import { shapeCaseDetail } from '../access/redaction';
import type { ClientDataContext } from '../access/call-access';

const OPEN_GOAL_STATUSES: readonly GoalStatus[] = ['open', 'in-progress'];

/**
 * Case managers and assignees of follow-ups work the file: active accounts of the keeping office whose role keeps
 * files. Anyone else would see the client's name and the follow-up's title in their overview.
 */
export async function requireCaseWorker(m: EntityManager, id: string, office: string, field: 'caseManagerId' | 'assigneeId'): Promise<void> {
  const account = await m.findOneBy(AccountEntity, { id, active: true });
  if (!account || account.office !== office || !OWNER_ROLES.includes(account.role)) {
    throw new AppError('validation.invalid', { issues: [{ path: field, code: 'not_case_worker' }] });
  }
}

/** Loads a case that may still be changed: closed cases are read-only. */
export async function requireOpenCase(m: EntityManager, id: string): Promise<KimCase> {
  const k = await requireCase(m, id);
  if (k.closedOn) throw new AppError('case.closed');
  return k;
}

/** Bumps the case version and records which parts changed, for sync and audit. */
export async function touchCase(ctx: ClientDataContext, k: KimCase, fields: string[]): Promise<void> {
  const { tx } = ctx;
  await tx.update(KimCaseEntity, { id: k.id }, { updatedAt: ctx.now.toISOString(), version: k.version + 1 });
  await recordChange(tx, stampOf(ctx), { entity: 'case', entityId: k.id, fields });
  ctx.audit.entityIds.push(k.id);
  ctx.audit.fields.push(...fields);
}

/** Adds an entry to the case's phase history and records it for sync (the uid names it on every workstation). */
async function addPhaseEvent(ctx: ClientDataContext, caseId: string, phase: CasePhase, on: string): Promise<void> {
  const uid = randomUUID();
  await ctx.tx.insert(CasePhaseEventEntity, { uid, caseId, phase, on, byId: ctx.user.id });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'phase_event', entityId: uid, fields: ['caseId', 'phase', 'on', 'byId'] });
}

/** The case screen as the caller may see it (access/redaction.ts). */
export async function readCase(ctx: ClientDataContext, id: string): Promise<CaseDetail> {
  const full = await loadCaseDetail(ctx.tx, ctx.fields, id);
  return shapeCaseDetail(full, await accessTo(ctx, full.clientId));
}

const detail = readCase;

/** Opens a case (phase Zugang/Erstgespräch); one open case per client at a time. */
export async function openCase(ctx: ClientDataContext, input: z.output<typeof caseOpenInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const client = await requireClient(tx, input.clientId);
  const open = (await tx.query('SELECT 1 FROM kim_case WHERE client_id = ? AND closed_on IS NULL LIMIT 1', [client.id])) as unknown[];
  if (open.length) throw new AppError('case.alreadyOpen');
  const caseManagerId = input.caseManagerId ?? ctx.user.id;
  await requireCaseWorker(tx, caseManagerId, client.office, 'caseManagerId');
  const on = input.openedOn ?? berlinDate(ctx.now);
  const k: KimCase = {
    id: randomUUID(),
    clientId: client.id,
    office: client.office,
    caseManagerId,
    phase: 'intake',
    rechtskreise: JSON.stringify(input.rechtskreise),
    openedOn: on,
    closedOn: null,
    closureReason: null,
    closureSummary: null,
    updatedAt: ctx.now.toISOString(),
    version: 1,
  };
  await tx.insert(KimCaseEntity, k);
  await recordChange(tx, stampOf(ctx), {
    entity: 'case',
    entityId: k.id,
    fields: ['clientId', 'office', 'caseManagerId', 'phase', 'rechtskreise', 'openedOn'],
  });
  await addPhaseEvent(ctx, k.id, 'intake', on);
  await refreshClientCaseColumns(tx, client.id);
  ctx.audit.entityIds.push(k.id);
  return detail(ctx, k.id);
}

/**
 * Moves a case to the next phase, or back to an earlier one (re-planning after an evaluation is normal in case
 * management). Abschluss only through closeCase, which asks for the outcome.
 */
export async function setCasePhase(ctx: ClientDataContext, input: z.output<typeof casePhaseInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.id);
  if (k.version !== input.version) throw new AppError('record.staleVersion', { entity: 'case' });
  const from = CASE_PHASES.indexOf(k.phase as CasePhase);
  const to = CASE_PHASES.indexOf(input.phase);
  if (input.phase === 'closure' || to === from || to > from + 1) throw new AppError('case.phaseOrder');
  await tx.update(KimCaseEntity, { id: k.id }, { phase: input.phase });
  await addPhaseEvent(ctx, k.id, input.phase, input.on ?? berlinDate(ctx.now));
  await refreshClientCaseColumns(tx, k.clientId);
  await touchCase(ctx, k, ['phase']);
  return detail(ctx, k.id);
}

export async function setAssessment(ctx: ClientDataContext, input: z.output<typeof assessmentInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.caseId);
  const note = input.area === 'health' ? ctx.fields.encryptNullable('health', input.note, assessmentPlace(k.id, input.area)) : input.note;
  await tx.upsert(AssessmentEntity, { caseId: k.id, area: input.area, need: input.need, note }, ['caseId', 'area']);
  await recordChange(tx, stampOf(ctx), { entity: 'assessment', entityId: `${k.id}/${input.area}`, fields: ['need', 'note'] });
  await touchCase(ctx, k, [`assessment.${input.area}`]);
  return detail(ctx, k.id);
}

export async function addGoal(ctx: ClientDataContext, input: z.output<typeof goalInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.caseId);
  const id = randomUUID();
  await tx.insert(GoalEntity, {
    id,
    caseId: k.id,
    area: input.area,
    title: input.area === 'health' ? ctx.fields.encrypt('health', input.title, goalPlace(id, 'title')) : input.title,
    status: 'open',
    outcomeNote: null,
    createdAt: ctx.now.toISOString(),
  });
  await recordChange(tx, stampOf(ctx), { entity: 'goal', entityId: id, fields: ['caseId', 'area', 'title', 'status'] });
  await touchCase(ctx, k, ['goals']);
  return detail(ctx, k.id);
}

async function goalAndCase(m: EntityManager, goalId: string): Promise<{ goal: Goal; k: KimCase }> {
  const goal = await m.findOneBy(GoalEntity, { id: goalId });
  if (!goal) throw new AppError('record.notFound', { entity: 'goal' });
  return { goal, k: await requireOpenCase(m, goal.caseId) };
}

/** A goal's outcome note as stored: under the health key for a health goal. */
function storedOutcome(ctx: ClientDataContext, goal: { id: string; area: string }, note: string | null): string | null {
  return goal.area === 'health' ? ctx.fields.encryptNullable('health', note, goalPlace(goal.id, 'outcomeNote')) : note;
}

export async function setGoalStatus(ctx: ClientDataContext, input: z.output<typeof goalStatusInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const { goal, k } = await goalAndCase(tx, input.id);
  await tx.update(GoalEntity, { id: input.id }, { status: input.status, outcomeNote: storedOutcome(ctx, goal, input.outcomeNote) });
  await recordChange(tx, stampOf(ctx), { entity: 'goal', entityId: input.id, fields: ['status', 'outcomeNote'] });
  await touchCase(ctx, k, ['goals']);
  return detail(ctx, k.id);
}

/** Writes a new measure under `goal` (the title under the health key for a health goal); returns its id. */
export async function insertMeasure(ctx: ClientDataContext, goal: Goal, input: { title: string; owner: string; dueDate: string | null }): Promise<string> {
  const id = randomUUID();
  const title = goal.area === 'health' ? ctx.fields.encrypt('health', input.title, measurePlace(id)) : input.title;
  await ctx.tx.insert(MeasureEntity, { id, goalId: goal.id, title, owner: input.owner, dueDate: input.dueDate, status: 'planned' });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'measure', entityId: id, fields: ['goalId', 'title', 'owner', 'dueDate', 'status'] });
  return id;
}

export async function addMeasure(ctx: ClientDataContext, input: z.output<typeof measureInput>): Promise<CaseDetail> {
  const { goal, k } = await goalAndCase(ctx.tx, input.goalId);
  await insertMeasure(ctx, goal, input);
  await touchCase(ctx, k, ['measures']);
  return detail(ctx, k.id);
}

export async function setMeasureStatus(ctx: ClientDataContext, input: z.output<typeof measureStatusInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const measure = await tx.findOneBy(MeasureEntity, { id: input.id });
  if (!measure) throw new AppError('record.notFound', { entity: 'measure' });
  const { k } = await goalAndCase(tx, measure.goalId);
  await tx.update(MeasureEntity, { id: input.id }, { status: input.status });
  await recordChange(tx, stampOf(ctx), { entity: 'measure', entityId: input.id, fields: ['status'] });
  await touchCase(ctx, k, ['measures']);
  return detail(ctx, k.id);
}

/** Adds a note. Notes are never edited afterwards: a correction is a new note (the file stays honest). */
export async function addNote(ctx: ClientDataContext, input: z.output<typeof noteInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.caseId);
  const id = randomUUID();
  await tx.insert(NoteEntity, {
    id,
    caseId: k.id,
    clientId: k.clientId,
    occurredOn: input.occurredOn,
    kind: input.kind,
    participants: ctx.fields.encryptNullable('conversation-notes', input.participants, notePlace(id, 'participants')),
    text: ctx.fields.encrypt('conversation-notes', input.text, notePlace(id, 'text')),
    internal: input.internal,
    authorId: ctx.user.id,
    createdAt: ctx.now.toISOString(),
  });
  await recordChange(tx, stampOf(ctx), {
    entity: 'note',
    entityId: id,
    fields: ['caseId', 'occurredOn', 'kind', 'participants', 'text', 'internal'],
  });
  await touchCase(ctx, k, ['notes']);
  return detail(ctx, k.id);
}

/** Writes a new Wiedervorlage of case `k` for an account the caller checked (requireCaseWorker); returns its id. */
export async function insertFollowUp(ctx: ClientDataContext, k: KimCase, input: { title: string; dueDate: string; assigneeId: string }): Promise<string> {
  const followUpId = randomUUID();
  await ctx.tx.insert(FollowUpEntity, {
    id: followUpId,
    caseId: k.id,
    clientId: k.clientId,
    title: input.title,
    dueDate: input.dueDate,
    assigneeId: input.assigneeId,
    doneAt: null,
    createdAt: ctx.now.toISOString(),
  });
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'follow_up', entityId: followUpId, fields: ['caseId', 'title', 'dueDate', 'assigneeId'] });
  return followUpId;
}

export async function addFollowUp(ctx: ClientDataContext, input: z.output<typeof followUpInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.caseId);
  const assigneeId = input.assigneeId ?? ctx.user.id;
  await requireCaseWorker(tx, assigneeId, k.office, 'assigneeId');
  await insertFollowUp(ctx, k, { title: input.title, dueDate: input.dueDate, assigneeId });
  await touchCase(ctx, k, ['followUps']);
  return detail(ctx, k.id);
}

export async function completeFollowUp(ctx: ClientDataContext, id: string): Promise<FollowUpView> {
  const { tx } = ctx;
  const followUp = await tx.findOneBy(FollowUpEntity, { id });
  if (!followUp) throw new AppError('record.notFound', { entity: 'followUp' });
  const k = await requireCase(tx, followUp.caseId);
  if (!followUp.doneAt) {
    await tx.update(FollowUpEntity, { id }, { doneAt: ctx.now.toISOString() });
    await recordChange(tx, stampOf(ctx), { entity: 'follow_up', entityId: id, fields: ['doneAt'] });
    await touchCase(ctx, k, ['followUps']);
  }
  return (await queryFollowUps(tx, 'f.id = ?', [id]))[0]!;
}

/**
 * Closes a case with reason and summary; every goal still open must get its final outcome, so the evaluation
 * of the Hilfeplan is complete. Open follow-ups of the case are completed with it.
 */
export async function closeCase(ctx: ClientDataContext, input: z.output<typeof caseCloseInput>): Promise<CaseDetail> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.id);
  if (k.version !== input.version) throw new AppError('record.staleVersion', { entity: 'case' });
  // Goals of categories the caller may not see are neither named nor written here (Verwaltung sees no health goals).
  const access = await accessTo(ctx, k.clientId);
  const allGoals = await tx.find(GoalEntity, { where: { caseId: k.id } });
  const goals = allGoals.filter((g) => access.categories.has(LIFE_AREA_DATA_CATEGORY[g.area as LifeArea]));
  const outcomes = new Map(input.goalOutcomes.map((o) => [o.goalId, o]));
  const missing = goals.filter((g) => OPEN_GOAL_STATUSES.includes(g.status as GoalStatus)).filter((g) => {
    const o = outcomes.get(g.id);
    return !o || OPEN_GOAL_STATUSES.includes(o.status);
  });
  const foreign = input.goalOutcomes.filter((o) => !goals.some((g) => g.id === o.goalId));
  if (missing.length || foreign.length) {
    throw new AppError('validation.invalid', {
      issues: [...missing, ...foreign.map((o) => ({ id: o.goalId }))].map((g) => ({ path: `goalOutcomes.${g.id}`, code: 'outcome_required' })),
    });
  }
  // Open goals the caller cannot see need a colleague whose role sees them; the refusal names none of them.
  if (allGoals.some((g) => !goals.includes(g) && OPEN_GOAL_STATUSES.includes(g.status as GoalStatus))) {
    throw new AccessDenied('roleCategory', { entity: 'client', entityId: k.clientId, fields: ['goals'] });
  }
  for (const o of input.goalOutcomes) {
    await tx.update(GoalEntity, { id: o.goalId }, { status: o.status, outcomeNote: storedOutcome(ctx, goals.find((g) => g.id === o.goalId)!, o.outcomeNote) });
    await recordChange(tx, stampOf(ctx), { entity: 'goal', entityId: o.goalId, fields: ['status', 'outcomeNote'] });
  }
  const on = input.closedOn ?? berlinDate(ctx.now);
  const closureSummary = ctx.fields.encryptNullable('conversation-notes', input.summary, casePlace(k.id));
  await tx.update(KimCaseEntity, { id: k.id }, { phase: 'closure', closedOn: on, closureReason: input.reason, closureSummary });
  await addPhaseEvent(ctx, k.id, 'closure', on);
  const open = (await tx.query('SELECT id FROM follow_up WHERE case_id = ? AND done_at IS NULL', [k.id])) as { id: string }[];
  await tx.query('UPDATE follow_up SET done_at = ? WHERE case_id = ? AND done_at IS NULL', [ctx.now.toISOString(), k.id]);
  for (const f of open) await recordChange(tx, stampOf(ctx), { entity: 'follow_up', entityId: f.id, fields: ['doneAt'] });
  await refreshClientCaseColumns(tx, k.clientId);
  await touchCase(ctx, k, ['phase', 'closedOn', 'closureReason', 'closureSummary', 'goals']);
  return detail(ctx, k.id);
}
