import type { EntityManager } from 'typeorm';
import { AppError } from '../../contract/errors';
import type { DataCategory } from '../../contract/data-categories';
import type { DeclinedBy, ReferralFailureReason, ReferralResult, ReferralState, ReferralUrgency } from '../../contract/referral-domain';
import { REFERRAL_FIELDS } from '../../contract/response-fields';
import type { ReferralEventView, ReferralView } from '../../contract/types/referral-types';
import type { ClientAccess } from '../access/access-policy';
import { pickFields } from '../access/redaction';
import { ReferralEntity, type Referral } from './referral-entities';

/** A referral that exists and was not deleted. */
export async function requireReferral(m: EntityManager, id: string): Promise<Referral> {
  const found = await m.findOneBy(ReferralEntity, { id });
  if (!found || found.deletedAt) throw new AppError('record.notFound', { entity: 'referral' });
  return found;
}

export const categoriesOf = (r: Pick<Referral, 'categories'>): DataCategory[] => JSON.parse(r.categories) as DataCategory[];

/** Whether the caller sees every category the referral carries (else it does not see the referral at all). */
export const seesReferral = (access: ClientAccess, categories: readonly DataCategory[]): boolean => categories.every((c) => access.categories.has(c));

const SELECT = `SELECT r.*, p.name AS partner_name, pc.name AS contact_name, a.display_name AS created_by_name
  FROM referral r LEFT JOIN partner p ON p.id = r.partner_id LEFT JOIN partner_contact pc ON pc.id = r.contact_id
  LEFT JOIN account a ON a.id = r.created_by`;

type Row = Record<string, unknown>;

async function historyOf(m: EntityManager, ids: string[]): Promise<Map<string, ReferralEventView[]>> {
  const out = new Map<string, ReferralEventView[]>();
  if (!ids.length) return out;
  const rows = (await m.query(
    `SELECT e.referral_id, e.state, e.on_date, e.note, a.display_name AS by_name FROM referral_event e
     LEFT JOIN account a ON a.id = e.by_id WHERE e.referral_id IN (${ids.map(() => '?').join(',')}) ORDER BY e.at, e.rowid`,
    ids,
  )) as { referral_id: string; state: ReferralEventView['state']; on_date: string; note: string | null; by_name: string | null }[];
  for (const r of rows) {
    const list = out.get(r.referral_id) ?? [];
    list.push({ state: r.state, on: r.on_date, byName: r.by_name ?? '', note: r.note });
    out.set(r.referral_id, list);
  }
  return out;
}

function toView(r: Row, history: ReferralEventView[], today: string): ReferralView {
  const state = r.state as ReferralState;
  const feedbackDue = (r.feedback_due as string | null) ?? null;
  return {
    id: r.id as string,
    version: Number(r.version),
    caseId: r.case_id as string,
    clientId: r.client_id as string,
    partnerId: r.partner_id as string,
    partnerName: (r.partner_name as string | null) ?? '',
    contactId: (r.contact_id as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
    urgency: r.urgency as ReferralUrgency,
    categories: JSON.parse(r.categories as string) as DataCategory[],
    state,
    feedbackDue,
    overdue: state === 'sent' && feedbackDue !== null && feedbackDue < today,
    sentOn: (r.sent_on as string | null) ?? null,
    consentIds: JSON.parse(r.consent_ids as string) as string[],
    createdAt: r.created_at as string,
    details: {
      request: r.request as string,
      declinedBy: (r.declined_by as DeclinedBy | null) ?? null,
      declineReason: (r.decline_reason as string | null) ?? null,
      result: (r.result as ReferralResult | null) ?? null,
      failureReason: (r.failure_reason as ReferralFailureReason | null) ?? null,
      outcomeNote: (r.outcome_note as string | null) ?? null,
      followUpId: (r.follow_up_id as string | null) ?? null,
      createdByName: (r.created_by_name as string | null) ?? '',
      history,
    },
  };
}

/**
 * Referrals as the caller may see them: only those whose every category it sees (a referral's partner and purpose
 * tell about what it carries), each cut to the fields the caller may read (response-fields.ts).
 */
async function views(m: EntityManager, where: string, params: unknown[], access: ClientAccess, today: string): Promise<ReferralView[]> {
  const rows = ((await m.query(`${SELECT} WHERE ${where} AND r.deleted_at IS NULL ORDER BY r.created_at DESC, r.id`, params)) as Row[]).filter((r) =>
    seesReferral(access, JSON.parse(r.categories as string) as DataCategory[]),
  );
  const history = access.owner ? await historyOf(m, rows.map((r) => r.id as string)) : new Map<string, ReferralEventView[]>();
  return rows.map((r) => pickFields(toView(r, history.get(r.id as string) ?? [], today), REFERRAL_FIELDS, access));
}

export function listCaseReferrals(m: EntityManager, caseId: string, access: ClientAccess, today: string): Promise<ReferralView[]> {
  return views(m, 'r.case_id = ?', [caseId], access, today);
}

export async function referralView(m: EntityManager, id: string, access: ClientAccess, today: string): Promise<ReferralView> {
  const [view] = await views(m, 'r.id = ?', [id], access, today);
  if (!view) throw new AppError('record.notFound', { entity: 'referral' });
  return view;
}
