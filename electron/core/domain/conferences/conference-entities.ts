import { EntitySchema } from 'typeorm';

/** A case conference (Fallkonferenz) of one case; see migration 0014 for what each table holds. */
export interface CaseConference {
  id: string;
  caseId: string;
  clientId: string;
  heldOn: string;
  heldAt: string | null;
  clientPresent: boolean;
  interpreterLanguage: string | null;
  interpreterName: string | null;
  consentId: string | null;
  /** Under the conversation-notes key. */
  results: string | null;
  nextOn: string | null;
  nextFollowUpId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const CaseConferenceEntity = new EntitySchema<CaseConference>({
  name: 'CaseConference',
  tableName: 'case_conference',
  columns: {
    id: { type: 'text', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    clientId: { type: 'text', name: 'client_id' },
    heldOn: { type: 'text', name: 'held_on' },
    heldAt: { type: 'text', name: 'held_at', nullable: true },
    clientPresent: { type: 'boolean', name: 'client_present' },
    interpreterLanguage: { type: 'text', name: 'interpreter_language', nullable: true },
    interpreterName: { type: 'text', name: 'interpreter_name', nullable: true },
    consentId: { type: 'text', name: 'consent_id', nullable: true },
    results: { type: 'text', nullable: true },
    nextOn: { type: 'text', name: 'next_on', nullable: true },
    nextFollowUpId: { type: 'text', name: 'next_follow_up_id', nullable: true },
    createdBy: { type: 'text', name: 'created_by' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
    version: { type: 'integer' },
  },
});

export interface ConferenceParticipant {
  id: string;
  conferenceId: string;
  kind: string;
  partnerId: string | null;
  contactId: string | null;
  accountId: string | null;
  role: string | null;
  position: number;
}

export const ConferenceParticipantEntity = new EntitySchema<ConferenceParticipant>({
  name: 'ConferenceParticipant',
  tableName: 'case_conference_participant',
  columns: {
    id: { type: 'text', primary: true },
    conferenceId: { type: 'text', name: 'conference_id' },
    kind: { type: 'text' },
    partnerId: { type: 'text', name: 'partner_id', nullable: true },
    contactId: { type: 'text', name: 'contact_id', nullable: true },
    accountId: { type: 'text', name: 'account_id', nullable: true },
    role: { type: 'text', nullable: true },
    position: { type: 'integer' },
  },
});

export interface ConferenceSituation {
  conferenceId: string;
  area: string;
  /** The health area under the health key. */
  text: string;
}

export const ConferenceSituationEntity = new EntitySchema<ConferenceSituation>({
  name: 'ConferenceSituation',
  tableName: 'case_conference_situation',
  columns: {
    conferenceId: { type: 'text', name: 'conference_id', primary: true },
    area: { type: 'text', primary: true },
    text: { type: 'text' },
  },
});

export interface ConferenceAction {
  id: string;
  conferenceId: string;
  whoKind: string;
  accountId: string | null;
  partnerId: string | null;
  /** Under the health key for an action under a health goal. */
  what: string;
  dueDate: string;
  area: string | null;
  goalId: string | null;
  measureId: string | null;
  followUpId: string | null;
  responsibleId: string;
  createdAt: string;
}

export const ConferenceActionEntity = new EntitySchema<ConferenceAction>({
  name: 'ConferenceAction',
  tableName: 'case_conference_action',
  columns: {
    id: { type: 'text', primary: true },
    conferenceId: { type: 'text', name: 'conference_id' },
    whoKind: { type: 'text', name: 'who_kind' },
    accountId: { type: 'text', name: 'account_id', nullable: true },
    partnerId: { type: 'text', name: 'partner_id', nullable: true },
    what: { type: 'text' },
    dueDate: { type: 'text', name: 'due_date' },
    area: { type: 'text', nullable: true },
    goalId: { type: 'text', name: 'goal_id', nullable: true },
    measureId: { type: 'text', name: 'measure_id', nullable: true },
    followUpId: { type: 'text', name: 'follow_up_id', nullable: true },
    responsibleId: { type: 'text', name: 'responsible_id' },
    createdAt: { type: 'text', name: 'created_at' },
  },
});
