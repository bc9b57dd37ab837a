import type { WorkOverview } from '../../contract/types/client-types';
import { queryFollowUps } from '../cases/case-queries';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../clients/client-summaries';
import { addDays, berlinDate } from '../../contract/dates';
import { shapeSummaries } from '../access/call-access';
import { CASE_PHASES, EXPIRY_WARNING_DAYS, type CasePhase } from '../../contract/case-domain';
import type { ClientDataContext } from '../access/call-access';
import type { OverdueReferralView } from '../../contract/types/referral-types';
import type { DataCategory } from '../../contract/data-categories';
import type { ConferenceActionDue } from '../../contract/types/conference-types';
import type { LifeArea } from '../../contract/case-domain';
import { conferenceActionPlace } from '../cases/protected-fields';
import { LIFE_AREA_DATA_CATEGORY } from '../../contract/data-categories';

/**
 * Agreed actions of case conferences the user is responsible for, not done (the measure or Wiedervorlage they became
 * decides), due by `until`, in files of the user's own office. The conferences area owns these tables; reading them
 * here by SQL keeps the work overview below it in the area order.
 */
async function actionsDue(ctx: ClientDataContext, until: string): Promise<ConferenceActionDue[]> {
  const rows = (await ctx.tx.query(
    `SELECT a.id, a.conference_id, k.case_id, k.client_id, c.given_names, c.family_name, k.held_on, a.what, a.due_date, a.area
     FROM case_conference_action a JOIN case_conference k ON k.id = a.conference_id JOIN client c ON c.id = k.client_id
     LEFT JOIN measure m ON m.id = a.measure_id LEFT JOIN follow_up f ON f.id = a.follow_up_id
     WHERE a.responsible_id = ? AND c.office = ? AND a.due_date <= ?
       AND CASE WHEN a.measure_id IS NOT NULL THEN m.status NOT IN ('done', 'cancelled') ELSE f.done_at IS NULL END
     ORDER BY a.due_date, c.family_name`,
    [ctx.user.id, ctx.user.office, until],
  )) as { id: string; conference_id: string; case_id: string; client_id: string; given_names: string; family_name: string; held_on: string; what: string; due_date: string; area: LifeArea | null }[];
  // Only actions of categories the caller sees: one under a health goal stays hidden from a role without health.
  const accesses = await ctx.policy.forClients(rows.map((r) => ({ id: r.client_id, office: ctx.user.office })));
  const visible = rows.filter((r) => {
    const access = accesses.get(r.client_id);
    return access !== undefined && access.owner && (r.area === null || access.categories.has(LIFE_AREA_DATA_CATEGORY[r.area]));
  });
  return visible.map((r) => ({
    id: r.id,
    conferenceId: r.conference_id,
    caseId: r.case_id,
    clientId: r.client_id,
    clientName: `${r.given_names} ${r.family_name}`,
    heldOn: r.held_on,
    what: r.area === 'health' ? (ctx.fields.holds('health') ? ctx.fields.decrypt('health', r.what, conferenceActionPlace(r.id)) : '') : r.what,
    dueDate: r.due_date,
    area: r.area,
  }));
}

const EXPIRING_LIMIT = 200;

const OVERDUE_REFERRAL_LIMIT = 200;

/**
 * Referrals of the caller's own office waiting for an answer past their deadline, whose Wiedervorlage is the
 * caller's (the case manager's) and still open; only those whose every category the caller's role sees.
 */
async function overdueReferrals(ctx: ClientDataContext, today: string): Promise<OverdueReferralView[]> {
  const rows = (await ctx.tx.query(
    `SELECT r.id, r.case_id, r.client_id, r.categories, r.sent_on, r.feedback_due, p.name AS partner_name, c.family_name, c.given_names
     FROM referral r JOIN follow_up f ON f.id = r.follow_up_id JOIN client c ON c.id = r.client_id LEFT JOIN partner p ON p.id = r.partner_id
     WHERE r.state = 'sent' AND r.deleted_at IS NULL AND r.feedback_due < ? AND f.assignee_id = ? AND f.done_at IS NULL AND c.office = ?
     ORDER BY r.feedback_due, r.id LIMIT ?`,
    [today, ctx.user.id, ctx.user.office, OVERDUE_REFERRAL_LIMIT],
  )) as { id: string; case_id: string; client_id: string; categories: string; sent_on: string | null; feedback_due: string; partner_name: string | null; family_name: string; given_names: string }[];
  const accesses = await ctx.policy.forClients(rows.map((r) => ({ id: r.client_id, office: ctx.user.office })));
  return rows
    .filter((r) => (JSON.parse(r.categories) as DataCategory[]).every((c) => accesses.get(r.client_id)?.categories.has(c)))
    .map((r) => ({
      id: r.id,
      caseId: r.case_id,
      clientId: r.client_id,
      clientName: `${r.given_names} ${r.family_name}`,
      partnerName: r.partner_name ?? '',
      sentOn: r.sent_on,
      feedbackDue: r.feedback_due,
    }));
}

/**
 * The day's start screen of a case worker: own follow-ups, expiring residence permits, open cases per phase. An
 * ABH clerk sees the statuses and cases of clients whose consent names the ABH.
 */
export async function workOverview(ctx: ClientDataContext): Promise<WorkOverview> {
  const { tx } = ctx;
  const today = berlinDate(ctx.now);
  // Week ends on Sunday (German calendar weeks start on Monday).
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const endOfWeek = addDays(today, 6 - weekday);
  const policy = ctx.policy;
  // Follow-ups never leave the keeping office: only files the caller keeps, whoever assigned them.
  const mine = policy.keepsFiles
    ? await queryFollowUps(tx, 'f.assignee_id = ? AND c.office = ? AND f.done_at IS NULL AND f.due_date <= ?', [ctx.user.id, ctx.user.office, endOfWeek])
    : [];
  // An action that became a Wiedervorlage is listed once, with the actions (where it says which conference agreed it).
  const actions = policy.keepsFiles ? await actionsDue(ctx, endOfWeek) : [];
  const actionFollowUps = new Set(
    ((await tx.query(`SELECT follow_up_id FROM case_conference_action WHERE responsible_id = ? AND follow_up_id IS NOT NULL`, [ctx.user.id])) as { follow_up_id: string }[]).map(
      (r) => r.follow_up_id,
    ),
  );
  const followUps = mine.filter((f) => !actionFollowUps.has(f.id));

  // Only statuses the caller may read: its own office's clients, or those whose consent names the residence category.
  const withStatus = await policy.visibleClientsSql('residence');
  const expiringRows = (await tx.query(
    `${SUMMARY_SELECT} WHERE c.current_status_until IS NOT NULL AND c.current_status_until <= ? AND ${withStatus.sql}
     ORDER BY c.current_status_until LIMIT ?`,
    [addDays(today, EXPIRY_WARNING_DAYS), ...withStatus.params, EXPIRING_LIMIT],
  )) as SummaryRow[];

  const visible = await policy.visibleClientsSql();
  const phaseRows = (await tx.query(
    policy.keepsFiles
      ? `SELECT phase, count(*) AS n FROM kim_case WHERE closed_on IS NULL AND office = ? GROUP BY phase`
      : `SELECT k.phase, count(*) AS n FROM kim_case k JOIN client c ON c.id = k.client_id
         WHERE k.closed_on IS NULL AND ${visible.sql} GROUP BY k.phase`,
    policy.keepsFiles ? [ctx.user.office] : visible.params,
  )) as { phase: CasePhase; n: number }[];
  const casesPerPhase = Object.fromEntries(CASE_PHASES.map((p) => [p, 0])) as Record<CasePhase, number>;
  for (const r of phaseRows) casesPerPhase[r.phase] = r.n;

  return {
    overdueReferrals: policy.keepsFiles ? await overdueReferrals(ctx, today) : [],
    followUps: {
      overdue: followUps.filter((f) => f.dueDate < today),
      today: followUps.filter((f) => f.dueDate === today),
      thisWeek: followUps.filter((f) => f.dueDate > today),
    },
    conferenceActions: { overdue: actions.filter((a) => a.dueDate < today), thisWeek: actions.filter((a) => a.dueDate >= today) },
    expiringResidence: (await shapeSummaries(ctx, expiringRows.map((r) => toSummary(r, today)))).filter((s): s is WorkOverview['expiringResidence'][number] => s.currentResidence !== null),
    casesPerPhase,
  };
}
