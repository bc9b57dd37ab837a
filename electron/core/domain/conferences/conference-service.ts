import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { conferenceActionDoneInput, conferenceSaveInput } from '../../contract/schemas/conference-schemas';
import type { ConferenceView } from '../../contract/types/conference-types';
import { LIFE_AREA_DATA_CATEGORY } from '../../contract/data-categories';
import { AppError } from '../../contract/errors';
import type { LifeArea } from '../../contract/case-domain';
import { CONFERENCE_FIELDS } from '../../contract/response-fields';
import { recordChange } from '../../platform/sync/change-recorder';
import { stampOf } from '../service-context';
import { accessTo, type ClientDataContext } from '../access/call-access';
import { accessView, type ClientAccess } from '../access/access-policy';
import { pickFields } from '../access/redaction';
import { FollowUpEntity, MeasureEntity } from '../cases/case-entities';
import { insertFollowUp, insertMeasure, requireOpenCase, touchCase } from '../cases/case-service';
import { conferenceActionPlace, conferenceResultsPlace, conferenceSituationPlace } from '../cases/protected-fields';
import {
  CaseConferenceEntity,
  ConferenceActionEntity,
  ConferenceParticipantEntity,
  ConferenceSituationEntity,
  type CaseConference,
} from './conference-entities';
import { loadConferences, requireConference } from './conference-queries';
import { caseSteward, checkInput, requireCategory } from './conference-checks';

type SaveInput = z.output<typeof conferenceSaveInput>;

/** A conference as the caller may see it (contract/response-fields.ts CONFERENCE_FIELDS). */
export function shapeConference(c: ConferenceView, a: ClientAccess): ConferenceView {
  return pickFields(c, CONFERENCE_FIELDS, a);
}

async function conferenceView(ctx: ClientDataContext, id: string, access: ClientAccess): Promise<ConferenceView> {
  const [full] = await loadConferences(ctx.tx, ctx.fields, { id });
  return shapeConference(full!, access);
}

/** The conferences of a case, newest first, each cut to the caller's access. */
export async function listConferences(ctx: ClientDataContext, caseId: string): Promise<ConferenceView[]> {
  const k = (await ctx.tx.query('SELECT client_id FROM kim_case WHERE id = ?', [caseId])) as { client_id: string }[];
  const access = await accessTo(ctx, k[0]!.client_id);
  const all = await loadConferences(ctx.tx, ctx.fields, { caseId });
  // Audited like a read of the case (cases.get): the case, and outside the keeping office the categories seen.
  ctx.audit.entityIds.push(caseId);
  ctx.audit.fields.push('conferences');
  if (!access.owner) ctx.audit.fields.push(...accessView(access).categories.map((c) => `category:${c}`));
  return all.map((c) => shapeConference(c, access));
}

/**
 * Records a new conference or changes one. A second conference of the case on the same day is refused with
 * `conference.sameDay` until the user confirms it (confirmSameDay). Each new agreed action becomes a measure under
 * the chosen goal, or a Wiedervorlage for the staff member responsible; the next date becomes a Wiedervorlage too.
 * Parts of a category the caller does not see (Verwaltung: health, results) are neither written nor cleared.
 */
export async function saveConference(ctx: ClientDataContext, input: SaveInput): Promise<ConferenceView> {
  const { tx } = ctx;
  const k = await requireOpenCase(tx, input.caseId);
  const existing = input.id ? await requireConference(tx, input.id) : null;
  if (existing && existing.caseId !== k.id) throw new AppError('validation.invalid', { issues: [{ path: 'caseId', code: 'not_of_conference' }] });
  if (existing && existing.version !== input.version) throw new AppError('record.staleVersion', { entity: 'conference' });
  const access = await accessTo(ctx, k.clientId);
  for (const s of input.situations) requireCategory(access, k, s.area);
  const mayWriteResults = access.categories.has('conversation-notes');
  if (input.results !== null && !mayWriteResults) requireCategory(access, k, 'results');

  if (!input.confirmSameDay && (!existing || existing.heldOn !== input.heldOn)) {
    const [{ n }] = (await tx.query('SELECT count(*) AS n FROM case_conference WHERE case_id = ? AND held_on = ? AND id != ?', [
      k.id,
      input.heldOn,
      existing?.id ?? '',
    ])) as [{ n: number }];
    if (n > 0) throw new AppError('conference.sameDay', { count: n });
  }
  const actions = await checkInput(ctx, k, input, existing, access);

  const id = existing?.id ?? randomUUID();
  const stamp = stampOf(ctx);
  const now = ctx.now.toISOString();
  const results = mayWriteResults ? ctx.fields.encryptNullable('conversation-notes', input.results, conferenceResultsPlace(id)) : (existing?.results ?? null);
  const row: CaseConference = {
    id,
    caseId: k.id,
    clientId: k.clientId,
    heldOn: input.heldOn,
    heldAt: input.heldAt,
    clientPresent: input.clientPresent,
    interpreterLanguage: input.interpreter?.language ?? null,
    interpreterName: input.interpreter?.name ?? null,
    consentId: input.consentId,
    results,
    nextOn: input.nextOn,
    nextFollowUpId: existing?.nextFollowUpId ?? null,
    createdBy: existing?.createdBy ?? ctx.user.id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    version: (existing?.version ?? 0) + 1,
  };
  const changedFields = ['heldOn', 'heldAt', 'clientPresent', 'interpreterLanguage', 'interpreterName', 'consentId', 'nextOn', ...(mayWriteResults ? ['results'] : [])];

  // The next date: a Wiedervorlage made once, moved with the date, settled when the date is taken out.
  const steward = await caseSteward(ctx, k);
  const caseParts = ['conferences'];
  if (input.nextOn && !row.nextFollowUpId) {
    row.nextFollowUpId = await insertFollowUp(ctx, k, { title: input.nextTitle, dueDate: input.nextOn, assigneeId: steward });
    caseParts.push('followUps');
  } else if (row.nextFollowUpId && existing?.nextOn !== input.nextOn) {
    const followUp = await tx.findOneBy(FollowUpEntity, { id: row.nextFollowUpId });
    if (followUp && input.nextOn) {
      await tx.update(FollowUpEntity, { id: followUp.id }, { dueDate: input.nextOn, doneAt: null });
      await recordChange(tx, stamp, { entity: 'follow_up', entityId: followUp.id, fields: ['dueDate', 'doneAt'] });
    } else if (followUp && !followUp.doneAt) {
      await tx.update(FollowUpEntity, { id: followUp.id }, { doneAt: now });
      await recordChange(tx, stamp, { entity: 'follow_up', entityId: followUp.id, fields: ['doneAt'] });
    }
    caseParts.push('followUps');
  }
  if (existing) await tx.update(CaseConferenceEntity, { id }, row);
  else await tx.insert(CaseConferenceEntity, row);
  await recordChange(tx, stamp, { entity: 'case_conference', entityId: id, fields: existing ? [...changedFields, 'nextFollowUpId'] : ['caseId', 'clientId', ...changedFields, 'nextFollowUpId', 'createdBy'] });

  // Participants are replaced as a whole: the list is small and its order is the one the user gave.
  if (existing) {
    const old = (await tx.query('SELECT id FROM case_conference_participant WHERE conference_id = ?', [id])) as { id: string }[];
    await tx.delete(ConferenceParticipantEntity, { conferenceId: id });
    for (const p of old) await recordChange(tx, stamp, { entity: 'case_conference_participant', entityId: p.id, fields: [], operation: 'delete' });
  }
  for (const [position, p] of input.participants.entries()) {
    const participantId = randomUUID();
    await tx.insert(ConferenceParticipantEntity, {
      id: participantId,
      conferenceId: id,
      kind: p.kind,
      partnerId: p.kind === 'partner' ? p.partnerId : null,
      contactId: p.kind === 'partner' ? p.contactId : null,
      accountId: p.kind === 'staff' ? p.accountId : null,
      role: p.role,
      position,
    });
    await recordChange(tx, stamp, { entity: 'case_conference_participant', entityId: participantId, fields: ['conferenceId', 'kind', 'partnerId', 'contactId', 'accountId', 'role', 'position'] });
  }

  // Situations of the areas the caller sees are replaced; the others stay as a colleague wrote them.
  const visibleAreas = new Set(input.situations.map((s) => s.area));
  if (existing) {
    const old = await tx.find(ConferenceSituationEntity, { where: { conferenceId: id } });
    for (const s of old) {
      if (!access.categories.has(LIFE_AREA_DATA_CATEGORY[s.area as LifeArea]) || visibleAreas.has(s.area as LifeArea)) continue;
      await tx.delete(ConferenceSituationEntity, { conferenceId: id, area: s.area });
      await recordChange(tx, stamp, { entity: 'case_conference_situation', entityId: `${id}/${s.area}`, fields: [], operation: 'delete' });
    }
  }
  for (const s of input.situations) {
    const text = s.area === 'health' ? ctx.fields.encrypt('health', s.text, conferenceSituationPlace(id, s.area)) : s.text;
    await tx.upsert(ConferenceSituationEntity, { conferenceId: id, area: s.area, text }, ['conferenceId', 'area']);
    await recordChange(tx, stamp, { entity: 'case_conference_situation', entityId: `${id}/${s.area}`, fields: ['text'] });
  }

  for (const a of actions) {
    const actionId = randomUUID();
    const who = a.input.who;
    const responsibleId = who.kind === 'staff' ? who.accountId : steward;
    const measureId = a.goal ? await insertMeasure(ctx, a.goal, { title: a.input.what, owner: a.whoName, dueDate: a.input.dueDate }) : null;
    const followUpId = a.goal ? null : await insertFollowUp(ctx, k, { title: a.input.what, dueDate: a.input.dueDate, assigneeId: responsibleId });
    caseParts.push(a.goal ? 'measures' : 'followUps');
    await tx.insert(ConferenceActionEntity, {
      id: actionId,
      conferenceId: id,
      whoKind: who.kind,
      accountId: who.kind === 'staff' ? who.accountId : null,
      partnerId: who.kind === 'partner' ? who.partnerId : null,
      what: a.goal?.area === 'health' ? ctx.fields.encrypt('health', a.input.what, conferenceActionPlace(actionId)) : a.input.what,
      dueDate: a.input.dueDate,
      area: a.goal?.area ?? null,
      goalId: a.goal?.id ?? null,
      measureId,
      followUpId,
      responsibleId,
      createdAt: now,
    });
    await recordChange(tx, stamp, {
      entity: 'case_conference_action',
      entityId: actionId,
      fields: ['conferenceId', 'whoKind', 'accountId', 'partnerId', 'what', 'dueDate', 'area', 'goalId', 'measureId', 'followUpId', 'responsibleId'],
    });
  }
  await touchCase(ctx, k, [...new Set(caseParts)]);
  ctx.audit.entityIds.push(id);
  return conferenceView(ctx, id, access);
}

/**
 * Marks an agreed action done or open again, by marking the measure or Wiedervorlage it became (the one source of
 * truth): a measure goes to "done", or back to "running"; a Wiedervorlage gets or loses its done time.
 */
export async function setActionDone(ctx: ClientDataContext, input: z.output<typeof conferenceActionDoneInput>): Promise<ConferenceView> {
  const { tx } = ctx;
  const action = await tx.findOneBy(ConferenceActionEntity, { id: input.id });
  if (!action) throw new AppError('record.notFound', { entity: 'conferenceAction' });
  const conference = await requireConference(tx, action.conferenceId);
  const k = await requireOpenCase(tx, conference.caseId);
  const stamp = stampOf(ctx);
  if (action.measureId) {
    const measure = await tx.findOneBy(MeasureEntity, { id: action.measureId });
    const status = input.done ? 'done' : measure?.status === 'done' ? 'running' : measure?.status;
    if (measure && status !== measure.status) {
      await tx.update(MeasureEntity, { id: measure.id }, { status });
      await recordChange(tx, stamp, { entity: 'measure', entityId: measure.id, fields: ['status'] });
      await touchCase(ctx, k, ['measures']);
    }
  } else if (action.followUpId) {
    const followUp = await tx.findOneBy(FollowUpEntity, { id: action.followUpId });
    if (followUp && Boolean(followUp.doneAt) !== input.done) {
      await tx.update(FollowUpEntity, { id: followUp.id }, { doneAt: input.done ? ctx.now.toISOString() : null });
      await recordChange(tx, stamp, { entity: 'follow_up', entityId: followUp.id, fields: ['doneAt'] });
      await touchCase(ctx, k, ['followUps']);
    }
  }
  ctx.audit.entityIds.push(conference.id, action.id);
  ctx.audit.fields.push('done');
  return conferenceView(ctx, conference.id, await accessTo(ctx, k.clientId));
}
