import { EntitySchema } from 'typeorm';

/** A referral of a case to a directory partner (migration 0013); lists are JSON text. */
export interface Referral {
  id: string;
  caseId: string;
  clientId: string;
  partnerId: string;
  contactId: string | null;
  request: string;
  urgency: string;
  categories: string;
  consentIds: string;
  state: string;
  feedbackDue: string | null;
  followUpId: string | null;
  sentOn: string | null;
  acceptedOn: string | null;
  declinedBy: string | null;
  declineReason: string | null;
  result: string | null;
  failureReason: string | null;
  outcomeNote: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedBy: string | null;
  deleteReason: string | null;
  version: number;
}

const text = (name: string) => ({ type: 'text' as const, name });
const nullable = (name: string) => ({ type: 'text' as const, name, nullable: true });

export const ReferralEntity = new EntitySchema<Referral>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { type: 'text', primary: true },
    caseId: text('case_id'),
    clientId: text('client_id'),
    partnerId: text('partner_id'),
    contactId: nullable('contact_id'),
    request: text('request'),
    urgency: text('urgency'),
    categories: text('categories'),
    consentIds: text('consent_ids'),
    state: text('state'),
    feedbackDue: nullable('feedback_due'),
    followUpId: nullable('follow_up_id'),
    sentOn: nullable('sent_on'),
    acceptedOn: nullable('accepted_on'),
    declinedBy: nullable('declined_by'),
    declineReason: nullable('decline_reason'),
    result: nullable('result'),
    failureReason: nullable('failure_reason'),
    outcomeNote: nullable('outcome_note'),
    createdBy: text('created_by'),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
    deletedAt: nullable('deleted_at'),
    deletedBy: nullable('deleted_by'),
    deleteReason: nullable('delete_reason'),
    version: { type: 'integer' },
  },
});

/** One step of a referral's history. */
export interface ReferralEvent {
  id: string;
  referralId: string;
  state: string;
  on: string;
  byId: string;
  note: string | null;
  at: string;
}

export const ReferralEventEntity = new EntitySchema<ReferralEvent>({
  name: 'ReferralEvent',
  tableName: 'referral_event',
  columns: {
    id: { type: 'text', primary: true },
    referralId: text('referral_id'),
    state: text('state'),
    on: text('on_date'),
    byId: text('by_id'),
    note: nullable('note'),
    at: text('at'),
  },
});
