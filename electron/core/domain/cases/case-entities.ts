import { EntitySchema } from 'typeorm';

/** A case (Fall) of one client, worked through the DGCC phases. Table `kim_case`: CASE is an SQL keyword. */
export interface KimCase {
  id: string;
  clientId: string;
  office: string;
  caseManagerId: string;
  phase: string;
  rechtskreise: string;
  openedOn: string;
  closedOn: string | null;
  closureReason: string | null;
  closureSummary: string | null;
  updatedAt: string;
  version: number;
}

export const KimCaseEntity = new EntitySchema<KimCase>({
  name: 'KimCase',
  tableName: 'kim_case',
  columns: {
    id: { type: 'text', primary: true },
    clientId: { type: 'text', name: 'client_id' },
    office: { type: 'text' },
    caseManagerId: { type: 'text', name: 'case_manager_id' },
    phase: { type: 'text' },
    rechtskreise: { type: 'text' },
    openedOn: { type: 'text', name: 'opened_on' },
    closedOn: { type: 'text', name: 'closed_on', nullable: true },
    closureReason: { type: 'text', name: 'closure_reason', nullable: true },
    closureSummary: { type: 'text', name: 'closure_summary', nullable: true },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});

export interface CasePhaseEvent {
  id: number;
  /** The same on every workstation (sync); `id` is only the local order. */
  uid: string;
  caseId: string;
  phase: string;
  on: string;
  byId: string;
}

export const CasePhaseEventEntity = new EntitySchema<CasePhaseEvent>({
  name: 'CasePhaseEvent',
  tableName: 'case_phase_event',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    uid: { type: 'text' },
    caseId: { type: 'text', name: 'case_id' },
    phase: { type: 'text' },
    on: { type: 'text', name: 'on_date' },
    byId: { type: 'text', name: 'by_id' },
  },
});

export interface Assessment {
  caseId: string;
  area: string;
  need: string;
  note: string | null;
}

export const AssessmentEntity = new EntitySchema<Assessment>({
  name: 'Assessment',
  tableName: 'assessment',
  columns: {
    caseId: { type: 'text', name: 'case_id', primary: true },
    area: { type: 'text', primary: true },
    need: { type: 'text' },
    note: { type: 'text', nullable: true },
  },
});

export interface Goal {
  id: string;
  caseId: string;
  area: string;
  title: string;
  status: string;
  outcomeNote: string | null;
  createdAt: string;
}

export const GoalEntity = new EntitySchema<Goal>({
  name: 'Goal',
  tableName: 'goal',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    area: { type: 'text' },
    title: { type: 'text' },
    status: { type: 'text' },
    outcomeNote: { type: 'text', name: 'outcome_note', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});

export interface Measure {
  id: string;
  goalId: string;
  title: string;
  owner: string;
  dueDate: string | null;
  status: string;
}

export const MeasureEntity = new EntitySchema<Measure>({
  name: 'Measure',
  tableName: 'measure',
  columns: {
    id: { type: 'text', primary: true },
    goalId: { type: 'text', name: 'goal_id' },
    title: { type: 'text' },
    owner: { type: 'text' },
    dueDate: { type: 'text', name: 'due_date', nullable: true },
    status: { type: 'text' },
  },
});

export interface Note {
  id: string;
  caseId: string;
  clientId: string;
  occurredOn: string;
  kind: string;
  participants: string | null;
  text: string;
  internal: boolean;
  authorId: string;
  createdAt: string;
}

export const NoteEntity = new EntitySchema<Note>({
  name: 'Note',
  tableName: 'note',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    clientId: { type: 'text', name: 'client_id' },
    occurredOn: { type: 'text', name: 'occurred_on' },
    kind: { type: 'text' },
    participants: { type: 'text', nullable: true },
    text: { type: 'text' },
    internal: { type: 'boolean' },
    authorId: { type: 'text', name: 'author_id' },
    createdAt: { type: 'text', name: 'created_at' },
  },
});

export interface FollowUp {
  id: string;
  caseId: string;
  clientId: string;
  title: string;
  dueDate: string;
  assigneeId: string;
  doneAt: string | null;
  createdAt: string;
}

export const FollowUpEntity = new EntitySchema<FollowUp>({
  name: 'FollowUp',
  tableName: 'follow_up',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    clientId: { type: 'text', name: 'client_id' },
    title: { type: 'text' },
    dueDate: { type: 'text', name: 'due_date' },
    assigneeId: { type: 'text', name: 'assignee_id' },
    doneAt: { type: 'text', name: 'done_at', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});
