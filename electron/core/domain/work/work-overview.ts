import type { WorkOverview } from '../../contract/types/client-types';
import { queryFollowUps } from '../cases/case-queries';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../clients/client-summaries';
import { addDays, berlinDate } from '../../contract/dates';
import { shapeSummaries } from '../access/call-access';
import { CASE_PHASES, EXPIRY_WARNING_DAYS, type CasePhase } from '../../contract/case-domain';
import type { ClientDataContext } from '../access/call-access';
import type { OverdueReferralView } from '../../contract/types/referral-types';
import type { DataCategory } from '../../contract/data-categories';

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
      overdue: mine.filter((f) => f.dueDate < today),
      today: mine.filter((f) => f.dueDate === today),
      thisWeek: mine.filter((f) => f.dueDate > today),
    },
    expiringResidence: (await shapeSummaries(ctx, expiringRows.map((r) => toSummary(r, today)))).filter((s): s is WorkOverview['expiringResidence'][number] => s.currentResidence !== null),
    casesPerPhase,
  };
}
