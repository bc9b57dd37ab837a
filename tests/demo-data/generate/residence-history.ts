import type { ResidenceType } from '../../../electron/core/contract/case-domain';
import { addDays, addMonths, dayBetween } from './demo-dates';
import type { ResidenceProfile } from './names-by-origin';
import type { Rng, Weighted } from './prng';

/**
 * Residence status histories as the Ausländerbehörde issues them: an asylum procedure (Gestattung) ends in a
 * protection status or in Duldung; Ukrainians get § 24; EU citizens need no permit. The status in force today is
 * then nudged so that the data set has the cases the work overview must show: ~9 % expiring within 8 weeks and
 * ~4 % already expired.
 */
export interface GeneratedStatus {
  type: ResidenceType;
  legalBasis: string | null;
  validFrom: string;
  validUntil: string | null;
}

interface Step {
  type: ResidenceType;
  basis: string | null;
  /** Validity in months; null = unlimited. */
  months: number | null;
}

const gestattung = (months: number): Step => ({ type: 'gestattung', basis: '§ 55 Abs. 1 AsylG', months });
const duldung = (months: number): Step => ({ type: 'duldung', basis: '§ 60a Abs. 2 AufenthG', months });
const fiktion: Step = { type: 'fiktionsbescheinigung', basis: '§ 81 Abs. 4 AufenthG', months: 3 };
const permit = (basis: string, months: number): Step => ({ type: 'aufenthaltserlaubnis', basis, months });
const settled = (basis: string): Step => ({ type: 'niederlassungserlaubnis', basis, months: null });

type AsylumOutcome = 'refugee' | 'subsidiary' | 'ban' | 'rejected';
const ASYLUM_OUTCOMES: Weighted<AsylumOutcome> = [['refugee', 35], ['subsidiary', 30], ['ban', 10], ['rejected', 25]];

function asylumPlan(rng: Rng): Step[] {
  const steps: Step[] = [];
  for (let i = rng.int(1, 4); i > 0; i--) steps.push(gestattung(rng.pick([3, 6, 6, 6])));
  const outcome = rng.weighted(ASYLUM_OUTCOMES);
  if (outcome === 'rejected') {
    for (let i = rng.int(2, 6); i > 0; i--) steps.push(duldung(rng.pick([3, 3, 6])));
    if (rng.chance(0.5)) steps.push(permit('§ 104c AufenthG', 18), permit('§ 25b AufenthG', 24), permit('§ 25b AufenthG', 30));
    return steps;
  }
  const [basis, first, next] =
    outcome === 'refugee'
      ? ['§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG', 36, 36]
      : outcome === 'subsidiary'
        ? ['§ 25 Abs. 2 Satz 1 Alt. 2 AufenthG', 12, 24]
        : ['§ 25 Abs. 3 AufenthG', 12, 24];
  steps.push(permit(basis, first));
  if (rng.chance(0.3)) steps.push(fiktion);
  steps.push(permit(basis, next), permit(basis, next));
  if (rng.chance(0.6)) steps.push(settled(outcome === 'refugee' ? '§ 26 Abs. 3 AufenthG' : '§ 26 Abs. 4 AufenthG'));
  return steps;
}

function ukrainePlan(rng: Rng): Step[] {
  const steps: Step[] = [];
  if (rng.chance(0.35)) steps.push({ type: 'fiktionsbescheinigung', basis: '§ 81 Abs. 3 AufenthG', months: 3 });
  for (let i = 0; i < 6; i++) steps.push(permit('§ 24 Abs. 1 AufenthG', rng.pick([12, 12, 24])));
  return steps;
}

function familyPlan(rng: Rng): Step[] {
  const basis = rng.pick(['§ 30 Abs. 1 AufenthG', '§ 28 Abs. 1 Nr. 1 AufenthG', '§ 32 AufenthG', '§ 36a AufenthG']);
  const steps = [permit(basis, 12), permit(basis, 24)];
  if (rng.chance(0.25)) steps.push(fiktion);
  steps.push(permit(basis, 36), settled(rng.pick(['§ 9 AufenthG', '§ 28 Abs. 2 AufenthG'])));
  return steps;
}

function westbalkanPlan(rng: Rng): Step[] {
  const steps: Step[] = [];
  for (let i = rng.int(1, 4); i > 0; i--) steps.push(duldung(rng.pick([3, 6])));
  const basis = rng.chance(0.6) ? '§ 19c Abs. 1 AufenthG i. V. m. § 26 Abs. 2 BeschV' : '§ 25b AufenthG';
  steps.push(permit(basis, 24), permit(basis, 24), permit(basis, 36));
  return steps;
}

function euPlan(rng: Rng): Step[] {
  const basis = rng.pick(['§ 2 Abs. 2 Nr. 1 FreizügG/EU', '§ 2 Abs. 2 Nr. 1a FreizügG/EU', '§ 3 FreizügG/EU']);
  const steps: Step[] = [{ type: 'eu-freizuegigkeit', basis, months: null }];
  return rng.chance(0.1) ? [{ type: 'other', basis: 'Bescheinigung § 5 FreizügG/EU beantragt', months: 6 }, ...steps] : steps;
}

const PLANS: Record<ResidenceProfile, (rng: Rng) => Step[]> = {
  asylum: asylumPlan,
  ukraine: ukrainePlan,
  family: familyPlan,
  westbalkan: westbalkanPlan,
  eu: euPlan,
};

/** The history from arrival up to the status in force today, oldest first. */
export function residenceHistory(rng: Rng, profile: ResidenceProfile, arrival: string, today: string): GeneratedStatus[] {
  const steps = PLANS[profile](rng);
  const out: GeneratedStatus[] = [];
  let from = addDays(arrival, rng.int(0, 30));
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const until = step.months === null ? null : addDays(addMonths(from, step.months), -1);
    out.push({ type: step.type, legalBasis: step.basis, validFrom: from, validUntil: until });
    if (until === null || until >= today) break;
    // Renewals are sometimes issued a little late (a short gap) or early (overlap).
    from = addDays(until, rng.int(-10, 12));
  }
  adjustCurrent(rng, out, today);
  return out;
}

/** Makes the last (current) status expire soon, be expired, or safely valid — in fixed proportions. */
function adjustCurrent(rng: Rng, history: GeneratedStatus[], today: string): void {
  const current = history[history.length - 1];
  if (!current || current.validUntil === null) return;
  const r = rng.float();
  if (r < 0.09) current.validUntil = addDays(today, rng.int(0, 55));
  else if (r < 0.13) current.validUntil = addDays(today, -rng.int(1, 150));
  else if (current.validUntil < addDays(today, 57)) current.validUntil = addDays(today, rng.int(60, 700));
  if (current.validFrom > current.validUntil) current.validFrom = dayBetween(rng, addDays(current.validUntil, -365), addDays(current.validUntil, -90));
  const previous = history[history.length - 2];
  if (previous?.validUntil && previous.validUntil > current.validUntil) history.splice(history.length - 2, 1);
}
