import type { EntityManager } from 'typeorm';
import type { CaseDetail, CaseSummary, FollowUpView, GoalView, NoteView, PhaseEvent } from '../../contract/types/client-types';
import { AppError } from '../../contract/errors';
import { ROW } from '../../platform/sync/field-clock';
import { listDocuments } from '../documents/document-service';
import type { CasePhase, ClosureReason, GoalStatus, LifeArea, MeasureStatus, NeedLevel, NoteKind, Rechtskreis } from '../../contract/case-domain';
import type { Office } from '../../contract/offices';
import { AssessmentEntity, GoalEntity, KimCaseEntity, type KimCase } from './case-entities';
import type { ProtectedFields } from '../service-context';
import type { KeyProtectedCategory } from '../../contract/data-categories';
import { assessmentPlace, casePlace, goalPlace, measurePlace, notePlace } from './protected-fields';

export async function requireCase(m: EntityManager, id: string): Promise<KimCase> {
  const found = await m.findOneBy(KimCaseEntity, { id });
  if (!found) throw new AppError('record.notFound', { entity: 'case' });
  return found;
}

interface CaseRow {
  id: string;
  office: string;
  phase: string;
  case_manager_id: string;
  case_manager_name: string | null;
  opened_on: string;
  closed_on: string | null;
}

function toCaseSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    office: r.office as Office,
    phase: r.phase as CasePhase,
    caseManagerId: r.case_manager_id,
    caseManagerName: r.case_manager_name ?? '',
    openedOn: r.opened_on,
    closedOn: r.closed_on,
  };
}

/** A client's cases, newest first. */
export async function listCaseSummaries(m: EntityManager, clientId: string): Promise<CaseSummary[]> {
  const rows = (await m.query(
    `SELECT k.id, k.office, k.phase, k.case_manager_id, a.display_name AS case_manager_name, k.opened_on, k.closed_on
     FROM kim_case k LEFT JOIN account a ON a.id = k.case_manager_id WHERE k.client_id = ? ORDER BY k.opened_on DESC`,
    [clientId],
  )) as CaseRow[];
  return rows.map(toCaseSummary);
}

interface FollowUpRow {
  id: string;
  case_id: string;
  client_id: string;
  family_name: string;
  given_names: string;
  title: string;
  due_date: string;
  assignee_id: string;
  assignee_name: string | null;
  done_at: string | null;
}

export const FOLLOW_UP_SELECT = `
  SELECT f.id, f.case_id, f.client_id, c.family_name, c.given_names, f.title, f.due_date, f.assignee_id,
         a.display_name AS assignee_name, f.done_at
  FROM follow_up f JOIN client c ON c.id = f.client_id LEFT JOIN account a ON a.id = f.assignee_id`;

export function toFollowUpView(r: FollowUpRow): FollowUpView {
  return {
    id: r.id,
    caseId: r.case_id,
    clientId: r.client_id,
    clientName: `${r.given_names} ${r.family_name}`,
    title: r.title,
    dueDate: r.due_date,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? '',
    doneAt: r.done_at,
  };
}

export async function queryFollowUps(m: EntityManager, where: string, params: unknown[]): Promise<FollowUpView[]> {
  return ((await m.query(`${FOLLOW_UP_SELECT} WHERE ${where} ORDER BY f.due_date, f.title`, params)) as FollowUpRow[]).map(toFollowUpView);
}

/**
 * Everything the case screen shows, in one call, before it is cut to the caller's access (see readCase). Protected
 * fields are decrypted with the session's category keys; without a key they are blank, and the caller's access
 * (which leaves such categories out) cuts them anyway.
 */
export async function loadCaseDetail(m: EntityManager, fields: ProtectedFields, id: string): Promise<Omit<CaseDetail, 'access'>> {
  const reveal = (c: KeyProtectedCategory, v: string, place: string) => (fields.holds(c) ? fields.decrypt(c, v, place) : '');
  const revealNullable = (c: KeyProtectedCategory, v: string | null, place: string) => (v === null ? null : reveal(c, v, place));
  const health = (area: string) => area === 'health';
  const k = await requireCase(m, id);
  const [row] = (await m.query(
    `SELECT k.id, k.office, k.phase, k.case_manager_id, a.display_name AS case_manager_name, k.opened_on, k.closed_on,
            c.family_name, c.given_names
     FROM kim_case k JOIN client c ON c.id = k.client_id LEFT JOIN account a ON a.id = k.case_manager_id WHERE k.id = ?`,
    [id],
  )) as (CaseRow & { family_name: string; given_names: string })[];
  // Date order, and within a day the order the events were written: the creation clock (sync) is the same on every
  // workstation, while the integer id is only the local order of arrival (one file's rows arrive in no set order).
  const phases = (await m.query(
    `SELECT e.phase, e.on_date, a.display_name FROM case_phase_event e LEFT JOIN account a ON a.id = e.by_id
     LEFT JOIN sync_clock s ON s.entity = 'phase_event' AND s.entity_id = e.uid AND s.field = ?
     WHERE e.case_id = ? ORDER BY e.on_date, s.hlc, s.device, e.id`,
    [ROW, id],
  )) as { phase: string; on_date: string; display_name: string | null }[];
  const goals = await m.find(GoalEntity, { where: { caseId: id }, order: { createdAt: 'ASC' } });
  const measures = goals.length
    ? ((await m.query(`SELECT * FROM measure WHERE goal_id IN (${goals.map(() => '?').join(',')}) ORDER BY due_date IS NULL, due_date`, goals.map((g) => g.id))) as {
        id: string;
        goal_id: string;
        title: string;
        owner: string;
        due_date: string | null;
        status: string;
      }[])
    : [];
  const notes = (await m.query(
    `SELECT n.id, n.occurred_on, n.kind, n.participants, n.text, n.internal, n.created_at, a.display_name AS author_name
     FROM note n LEFT JOIN account a ON a.id = n.author_id WHERE n.case_id = ? ORDER BY n.occurred_on DESC, n.created_at DESC`,
    [id],
  )) as { id: string; occurred_on: string; kind: string; participants: string | null; text: string; internal: number; created_at: string; author_name: string | null }[];
  const assessment = await m.find(AssessmentEntity, { where: { caseId: id } });
  return {
    ...toCaseSummary(row!),
    clientId: k.clientId,
    clientName: `${row!.given_names} ${row!.family_name}`,
    version: k.version,
    rechtskreise: JSON.parse(k.rechtskreise) as Rechtskreis[],
    phaseHistory: phases.map((p): PhaseEvent => ({ phase: p.phase as CasePhase, on: p.on_date, byName: p.display_name ?? '' })),
    assessment: assessment.map((a) => ({
      area: a.area as LifeArea,
      need: a.need as NeedLevel,
      note: health(a.area) ? revealNullable('health', a.note, assessmentPlace(a.caseId, a.area)) : a.note,
    })),
    goals: goals.map(
      (g): GoalView => ({
        id: g.id,
        area: g.area as LifeArea,
        title: health(g.area) ? reveal('health', g.title, goalPlace(g.id, 'title')) : g.title,
        status: g.status as GoalStatus,
        outcomeNote: health(g.area) ? revealNullable('health', g.outcomeNote, goalPlace(g.id, 'outcomeNote')) : g.outcomeNote,
        measures: measures
          .filter((x) => x.goal_id === g.id)
          .map((x) => ({
            id: x.id,
            title: health(g.area) ? reveal('health', x.title, measurePlace(x.id)) : x.title,
            owner: x.owner,
            dueDate: x.due_date,
            status: x.status as MeasureStatus,
          })),
      }),
    ),
    notes: notes.map(
      (n): NoteView => ({
        id: n.id,
        occurredOn: n.occurred_on,
        kind: n.kind as NoteKind,
        participants: revealNullable('conversation-notes', n.participants, notePlace(n.id, 'participants')),
        text: reveal('conversation-notes', n.text, notePlace(n.id, 'text')),
        internal: Boolean(n.internal),
        authorName: n.author_name ?? '',
        createdAt: n.created_at,
      }),
    ),
    followUps: await queryFollowUps(m, 'f.case_id = ?', [id]),
    documents: await listDocuments(m, fields, { caseId: id }),
    closure: k.closureReason
      ? { reason: k.closureReason as ClosureReason, summary: revealNullable('conversation-notes', k.closureSummary, casePlace(k.id)) }
      : null,
  };
}
