import type { Assessment, CasePhaseEvent, FollowUp, Goal, KimCase, Measure, Note } from '../../../electron/core/domain/cases/case-entities';
import {
  CASE_PHASES,
  LIFE_AREAS,
  type CasePhase,
  type ClosureReason,
  type GoalStatus,
  type LifeArea,
  type MeasureStatus,
  type NeedLevel,
  type Rechtskreis,
} from '../../../electron/core/contract/case-domain';
import { addDays, dayBetween, maxDate, minDate, timestampOn } from './demo-dates';
import type { DemoIds } from './demo-ids';
import { noteContent, NOTE_KINDS_WEIGHTED } from './note-texts';
import type { GeneratedPerson } from './person';
import { ASSESSMENT_NOTES, CLOSURE_SUMMARIES, FOLLOW_UP_TITLES, GOAL_TITLES, MEASURE_OWNERS, MEASURE_TITLES } from './plan-texts';
import type { Rng, Weighted } from './prng';

/** A case with everything hanging off it, as rows for the bulk writer. */
export interface GeneratedCase {
  kase: KimCase;
  phaseEvents: Omit<CasePhaseEvent, 'id'>[];
  assessment: Assessment[];
  goals: Goal[];
  measures: Measure[];
  notes: Note[];
  followUps: FollowUp[];
}

export interface CaseManagerRef {
  id: string;
  displayName: string;
}

/** Where the latest case of a client stands: an open phase, or closed. */
type CaseState = Exclude<CasePhase, 'closure'> | 'closed';
const LATEST_STATE: Weighted<CaseState> = [['intake', 9], ['assessment', 11], ['planning', 12], ['implementation', 30], ['evaluation', 10], ['closed', 28]];
/** How long ago a case in this state was opened (days): intake is recent, evaluation is late in the process. */
const OPENED_AGO: Record<CaseState, readonly [number, number]> = {
  intake: [0, 45],
  assessment: [10, 120],
  planning: [20, 240],
  implementation: [60, 900],
  evaluation: [180, 1400],
  closed: [150, 2000],
};
const CLOSURE_REASONS: Weighted<ClosureReason> = [['goals-achieved', 40], ['moved-away', 15], ['no-contact', 15], ['client-ended', 8], ['handed-over', 17], ['other', 5]];
const FINAL_GOAL_STATUS: Record<ClosureReason, Weighted<GoalStatus>> = {
  'goals-achieved': [['achieved', 70], ['partly-achieved', 30]],
  'moved-away': [['partly-achieved', 40], ['not-achieved', 30], ['dropped', 30]],
  'no-contact': [['not-achieved', 50], ['dropped', 50]],
  'client-ended': [['dropped', 60], ['partly-achieved', 40]],
  'handed-over': [['partly-achieved', 50], ['achieved', 20], ['dropped', 30]],
  other: [['achieved', 25], ['partly-achieved', 25], ['not-achieved', 25], ['dropped', 25]],
};
const NEEDS: Weighted<NeedLevel> = [['none', 30], ['some', 45], ['urgent', 25]];

export interface CaseContext {
  rng: Rng;
  ids: DemoIds;
  person: GeneratedPerson;
  managers: readonly CaseManagerRef[];
  today: string;
  /** Start of the current calendar week's last day (Sunday), for "this week" follow-ups. */
  endOfWeek: string;
}

function rechtskreiseOf(rng: Rng, person: GeneratedPerson): Rechtskreis[] {
  const status = person.client.currentStatusType;
  const out: Rechtskreis[] = [];
  if (status === 'gestattung' || status === 'duldung') out.push('asylblg');
  else if (rng.chance(0.75)) out.push('sgb2');
  if (rng.chance(0.15)) out.push('sgb3');
  if (person.hasChildren && rng.chance(0.4)) out.push('sgb8');
  if (rng.chance(0.04)) out.push('sgb12');
  if (rng.chance(0.5)) out.push('aufenthg');
  return out;
}

/** Goal status of an open case, by how far the plan has come. */
function openGoalStatus(rng: Rng, phase: CasePhase): GoalStatus {
  if (phase === 'planning') return rng.chance(0.8) ? 'open' : 'in-progress';
  return rng.weighted([['open', 20], ['in-progress', 50], ['achieved', 22], ['partly-achieved', 8]]);
}

function measureStatus(rng: Rng, closed: boolean, due: string | null, today: string): MeasureStatus {
  if (closed) return rng.chance(0.75) ? 'done' : 'cancelled';
  if (due && due < today) return rng.weighted([['done', 70], ['running', 20], ['cancelled', 10]]);
  return rng.weighted([['planned', 55], ['running', 40], ['done', 5]]);
}

/** One case from `opened` to `end` (closing day or today), through the phases up to `reached`. */
function buildCase(c: CaseContext, opened: string, state: CaseState, closedOn: string | null, noteCount: number): GeneratedCase {
  const { rng, ids, managers, today } = c;
  const manager = rng.pick(managers);
  const closed = state === 'closed';
  const end = closedOn ?? today;
  // A closed case got at least as far as intake; most went through implementation before closing.
  const reached: CasePhase = closed
    ? rng.weighted([['intake', 8], ['assessment', 7], ['planning', 10], ['implementation', 45], ['evaluation', 30]])
    : state;
  const reachedIndex = CASE_PHASES.indexOf(reached);
  const kaseId = ids.next();
  const reason = closed ? rng.weighted(CLOSURE_REASONS) : null;

  // Phase dates: ascending days between opening and end.
  const phaseDays = [opened];
  for (let i = 1; i <= reachedIndex; i++) phaseDays.push(dayBetween(rng, phaseDays[i - 1]!, minDate(end, addDays(phaseDays[i - 1]!, 200))));
  const phaseEvents: Omit<CasePhaseEvent, 'id'>[] = phaseDays.map((on, i) => ({ uid: ids.next(), caseId: kaseId, phase: CASE_PHASES[i]!, on, byId: manager.id }));
  if (closed) phaseEvents.push({ uid: ids.next(), caseId: kaseId, phase: 'closure', on: closedOn!, byId: manager.id });

  const assessment: Assessment[] = [];
  if (reachedIndex >= 1) {
    for (const area of rng.sample(LIFE_AREAS, rng.int(4, 8))) {
      const need = rng.weighted(NEEDS);
      assessment.push({ caseId: kaseId, area, need, note: rng.chance(0.35) ? rng.pick(ASSESSMENT_NOTES[area]) : null });
    }
  }
  const needy = assessment.filter((a) => a.need !== 'none').map((a) => a.area as LifeArea);
  const areas: readonly LifeArea[] = needy.length ? needy : ['language', 'work', 'residence', 'finances'];

  const goals: Goal[] = [];
  const measures: Measure[] = [];
  if (reachedIndex >= 2) {
    const planned = phaseDays[2]!;
    for (const area of rng.sample(areas, rng.int(1, 4))) {
      const status = reason ? rng.weighted(FINAL_GOAL_STATUS[reason]) : openGoalStatus(rng, reached);
      const goal: Goal = {
        id: ids.next(),
        caseId: kaseId,
        area,
        title: rng.pick(GOAL_TITLES[area]),
        status,
        outcomeNote: reason && rng.chance(0.4) ? rng.pick(['Teilweise umgesetzt.', 'Mit Unterstützung erreicht.', 'Nicht weiter verfolgt.', 'Wird von der Migrationsberatung weiter begleitet.']) : null,
        createdAt: timestampOn(rng, planned),
      };
      goals.push(goal);
      for (let i = rng.int(1, 3); i > 0; i--) {
        const due = rng.chance(0.85) ? addDays(planned, rng.int(14, 180)) : null;
        measures.push({
          id: ids.next(),
          goalId: goal.id,
          title: rng.pick(MEASURE_TITLES[area]),
          owner: rng.chance(0.2) ? manager.displayName : rng.pick(MEASURE_OWNERS),
          dueDate: due,
          status: measureStatus(rng, closed, due, today),
        });
      }
    }
  }
  return finish(c, { kaseId, manager, opened, closedOn, reached: closed ? 'closure' : reached, reason, phaseEvents, assessment, goals, measures, areas, noteCount });
}

interface CaseParts {
  kaseId: string;
  manager: CaseManagerRef;
  opened: string;
  closedOn: string | null;
  reached: CasePhase;
  reason: ClosureReason | null;
  phaseEvents: Omit<CasePhaseEvent, 'id'>[];
  assessment: Assessment[];
  goals: Goal[];
  measures: Measure[];
  areas: readonly LifeArea[];
  noteCount: number;
}

/** Notes and follow-ups, then the case row itself (its updated_at is the last activity). */
function finish(c: CaseContext, p: CaseParts): GeneratedCase {
  const { rng, ids, person, managers, today } = c;
  const end = p.closedOn ?? today;
  const clientId = person.client.id;
  const noteDays: string[] = [];
  for (let i = 0; i < p.noteCount; i++) noteDays.push(dayBetween(rng, p.opened, end));
  noteDays.sort();
  const notes: Note[] = noteDays.map((occurredOn) => {
    const kind = rng.weighted(NOTE_KINDS_WEIGHTED);
    const content = noteContent(rng, kind, p.areas, person);
    return {
      id: ids.next(),
      caseId: p.kaseId,
      clientId,
      occurredOn,
      kind,
      participants: content.participants,
      text: content.text,
      internal: content.internal,
      authorId: rng.chance(0.9) ? p.manager.id : rng.pick(managers).id,
      createdAt: timestampOn(rng, minDate(addDays(occurredOn, rng.chance(0.15) ? rng.int(1, 3) : 0), today)),
    };
  });

  const followUps: FollowUp[] = [];
  const count = p.closedOn ? rng.int(0, 2) : rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const assigneeId = rng.chance(0.85) ? p.manager.id : rng.pick(managers).id;
    const created = dayBetween(rng, p.opened, end);
    let due: string;
    let doneAt: string | null = null;
    if (p.closedOn || rng.chance(0.3)) {
      due = dayBetween(rng, created, minDate(addDays(created, 60), end));
      // Closing a case completes its open follow-ups (closeCase does the same).
      doneAt = timestampOn(rng, p.closedOn ?? minDate(maxDate(due, created), today));
    } else {
      const r = rng.float();
      due =
        r < 0.3
          ? addDays(today, -rng.int(1, 60))
          : r < 0.42
            ? today
            : r < 0.6 && c.endOfWeek > today
              ? dayBetween(rng, addDays(today, 1), c.endOfWeek)
              : addDays(today, rng.int(8, 90));
    }
    followUps.push({ id: ids.next(), caseId: p.kaseId, clientId, title: rng.pick(FOLLOW_UP_TITLES), dueDate: due, assigneeId, doneAt, createdAt: timestampOn(rng, created) });
  }

  const lastNote = notes[notes.length - 1]?.createdAt;
  const opened = timestampOn(rng, p.opened);
  const kase: KimCase = {
    id: p.kaseId,
    clientId,
    office: person.client.office,
    caseManagerId: p.manager.id,
    phase: p.reached,
    rechtskreise: JSON.stringify(rechtskreiseOf(rng, person)),
    openedOn: p.opened,
    closedOn: p.closedOn,
    closureReason: p.reason,
    closureSummary: p.reason ? rng.pick(CLOSURE_SUMMARIES[p.reason]) : null,
    updatedAt: lastNote && lastNote > opened ? lastNote : opened,
    // Every phase change, goal and note bumped the version once when entered through the services.
    version: p.phaseEvents.length + p.goals.length + notes.length,
  };
  return { kase, phaseEvents: p.phaseEvents, assessment: p.assessment, goals: p.goals, measures: p.measures, notes, followUps };
}

/**
 * The cases of one client, oldest first: one case, or an earlier closed case and a later one. `noteCount` notes are
 * spread over them (the older case gets fewer), so the total is exactly clients × notes per client.
 */
export function generateCases(c: CaseContext, noteCount: number): GeneratedCase[] {
  const { rng, person, today } = c;
  const earliest = minDate(maxDate(addDays(person.arrivedOn, 14), addDays(today, -2200)), addDays(today, -1));
  const state = rng.weighted(LATEST_STATE);
  const [minAgo, maxAgo] = OPENED_AGO[state];
  const opened = maxDate(earliest, addDays(today, -rng.int(minAgo, maxAgo)));
  const closedOn = state === 'closed' ? dayBetween(rng, minDate(addDays(opened, 60), today), today) : null;
  const cases: GeneratedCase[] = [];
  let latestNotes = noteCount;
  // An earlier, closed case needs room before the latest one opened.
  if (rng.chance(0.25) && opened > addDays(earliest, 120)) {
    const olderNotes = Math.floor(noteCount * rng.int(20, 50) / 100);
    latestNotes = noteCount - olderNotes;
    const olderOpened = dayBetween(rng, earliest, addDays(opened, -120));
    const olderClosed = dayBetween(rng, addDays(olderOpened, 30), addDays(opened, -1));
    cases.push(buildCase(c, olderOpened, 'closed', olderClosed, olderNotes));
  }
  cases.push(buildCase(c, opened, state, closedOn, latestNotes));
  return cases;
}
