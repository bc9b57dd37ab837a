import type { WorkOverview } from '../api/client-types';
import { queryFollowUps } from '../cases/case-queries';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../clients/client-summaries';
import { addDays, berlinDate } from '../clients/partial-date';
import { requireSession, type CallContext } from '../session/session';
import { CASE_PHASES, EXPIRY_WARNING_DAYS, type CasePhase } from '../shared/case-domain';

const EXPIRING_LIMIT = 200;

/** The day's start screen of a case worker: own follow-ups, expiring residence permits, open cases per phase. */
export async function workOverview(ctx: CallContext): Promise<WorkOverview> {
  const { session, tx } = requireSession(ctx);
  const today = berlinDate(ctx.now);
  // Week ends on Sunday (German calendar weeks start on Monday).
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const endOfWeek = addDays(today, 6 - weekday);
  const mine = await queryFollowUps(tx, 'f.assignee_id = ? AND f.done_at IS NULL AND f.due_date <= ?', [session.user.id, endOfWeek]);

  const expiringRows = (await tx.query(
    `${SUMMARY_SELECT} WHERE c.office = ? AND c.current_status_until IS NOT NULL AND c.current_status_until <= ?
     ORDER BY c.current_status_until LIMIT ?`,
    [session.user.office, addDays(today, EXPIRY_WARNING_DAYS), EXPIRING_LIMIT],
  )) as SummaryRow[];

  const phaseRows = (await tx.query(
    `SELECT phase, count(*) AS n FROM kim_case WHERE closed_on IS NULL AND office = ? GROUP BY phase`,
    [session.user.office],
  )) as { phase: CasePhase; n: number }[];
  const casesPerPhase = Object.fromEntries(CASE_PHASES.map((p) => [p, 0])) as Record<CasePhase, number>;
  for (const r of phaseRows) casesPerPhase[r.phase] = r.n;

  return {
    followUps: {
      overdue: mine.filter((f) => f.dueDate < today),
      today: mine.filter((f) => f.dueDate === today),
      thisWeek: mine.filter((f) => f.dueDate > today),
    },
    expiringResidence: expiringRows.map((r) => toSummary(r, today)).filter((s): s is WorkOverview['expiringResidence'][number] => s.currentResidence !== null),
    casesPerPhase,
  };
}
