import type { LifeArea } from '../../../electron/core/contract/case-domain';
import type { FollowUp, Measure } from '../../../electron/core/domain/cases/case-entities';
import type { CaseConference, ConferenceAction, ConferenceParticipant, ConferenceSituation } from '../../../electron/core/domain/conferences/conference-entities';
import type { CaseManagerRef, GeneratedCase } from './case-history';
import { addDays, dayBetween, maxDate, minDate, timestampOn } from './demo-dates';
import type { DemoIds } from './demo-ids';
import type { GeneratedPerson } from './person';
import { ASSESSMENT_NOTES, MEASURE_TITLES } from './plan-texts';
import type { Rng } from './prng';

/** A partner of the directory a conference may invite (none when the directory is still empty). */
export interface PartnerRef {
  id: string;
  name: string;
}

/** One conference with what hangs off it, including the measures and Wiedervorlagen its actions became. */
export interface GeneratedConference {
  conference: CaseConference;
  participants: ConferenceParticipant[];
  situations: ConferenceSituation[];
  actions: ConferenceAction[];
  measures: Measure[];
  followUps: FollowUp[];
}

const ROLES = ['Fallverantwortung', 'Arbeitsvermittlung', 'Migrationsberatung', 'Sprachkursplanung', 'Vertretung', 'Beratung Wohnen'];
const RESULTS = [
  'Alle Beteiligten stimmen die nächsten Schritte ab; Sprachkurs hat Vorrang vor der Arbeitsaufnahme.',
  'Unterlagen für die Verlängerung werden gemeinsam vollständig gemacht; Termin bei der Ausländerbehörde folgt.',
  'Wohnungssuche wird vom Jobcenter unterstützt, Mietbescheinigung liegt vor.',
  'Kinderbetreuung ist geklärt, Integrationskurs kann beginnen.',
  'Bewerbungen laufen; bei Absagen erneute Konferenz in vier Wochen.',
];

/**
 * Case conferences of one client's cases, from a stream of their own (adding them changed no other generated
 * value). A share of cases that reached planning had one or two; participants are the case manager, sometimes a
 * colleague, and partners of the directory when it has any (staff only otherwise). Actions became measures under a
 * goal or Wiedervorlagen, done by the same rules as the other demo rows; open cases may have a next date.
 */
export function conferencesFor(
  rng: Rng,
  ids: DemoIds,
  person: GeneratedPerson,
  cases: readonly GeneratedCase[],
  managers: readonly CaseManagerRef[],
  partners: readonly PartnerRef[],
  today: string,
): GeneratedConference[] {
  const out: GeneratedConference[] = [];
  for (const c of cases) {
    const planned = c.phaseEvents.find((e) => e.phase === 'planning')?.on;
    if (!planned || !rng.chance(0.35)) continue;
    const end = c.kase.closedOn ?? today;
    const manager = managers.find((m) => m.id === c.kase.caseManagerId) ?? managers[0]!;
    const days = [dayBetween(rng, planned, end)];
    if (rng.chance(0.25)) days.push(dayBetween(rng, days[0]!, end));
    for (const [n, heldOn] of days.entries()) {
      const id = ids.next();
      const createdAt = timestampOn(rng, heldOn);
      const participants: ConferenceParticipant[] = [];
      const staff = [manager, ...(managers.length > 1 && rng.chance(0.3) ? [rng.pick(managers.filter((m) => m.id !== manager.id))] : [])];
      const invited = partners.length ? rng.sample(partners, Math.min(partners.length, rng.int(1, 3))) : [];
      for (const p of invited) participants.push({ id: ids.next(), conferenceId: id, kind: 'partner', partnerId: p.id, contactId: null, accountId: null, role: rng.pick(ROLES), position: participants.length });
      for (const s of staff) participants.push({ id: ids.next(), conferenceId: id, kind: 'staff', partnerId: null, contactId: null, accountId: s.id, role: s === manager ? 'Fallmanagement' : 'Vertretung', position: participants.length });
      const areas = [...new Set(c.goals.map((g) => g.area as LifeArea))];
      const situations: ConferenceSituation[] = rng
        .sample(areas.length ? areas : (['language', 'work'] as LifeArea[]), rng.int(1, Math.max(1, Math.min(3, areas.length || 2))))
        .map((area) => ({ conferenceId: id, area, text: rng.pick(ASSESSMENT_NOTES[area]) }));
      const actions: ConferenceAction[] = [];
      const measures: Measure[] = [];
      const followUps: FollowUp[] = [];
      const closedBefore = (due: string) => c.kase.closedOn !== null || due < today;
      for (let i = rng.int(1, 3); i > 0; i--) {
        const due = addDays(heldOn, rng.int(7, 60));
        const byPartner = invited.length > 0 && rng.chance(0.5);
        const who = byPartner ? rng.pick(invited) : null;
        const staffWho = rng.pick(staff);
        const goal = c.goals.length && rng.chance(0.6) ? rng.pick(c.goals) : null;
        const what = goal ? rng.pick(MEASURE_TITLES[goal.area as LifeArea]) : rng.pick(['Unterlagen nachreichen', 'Termin vereinbaren und begleiten', 'Rückmeldung an alle Beteiligten', 'Antrag gemeinsam ausfüllen']);
        const actionId = ids.next();
        const responsibleId = who ? manager.id : staffWho.id;
        let measureId: string | null = null;
        let followUpId: string | null = null;
        const done = closedBefore(due) && rng.chance(0.75);
        if (goal) {
          measureId = ids.next();
          measures.push({ id: measureId, goalId: goal.id, title: what, owner: who ? who.name : staffWho.displayName, dueDate: due, status: done ? 'done' : c.kase.closedOn ? 'cancelled' : due < today ? 'running' : 'planned' });
        } else {
          followUpId = ids.next();
          const doneAt = done || c.kase.closedOn ? timestampOn(rng, minDate(maxDate(due, heldOn), c.kase.closedOn ?? today)) : null;
          followUps.push({ id: followUpId, caseId: c.kase.id, clientId: person.client.id, title: what, dueDate: due, assigneeId: responsibleId, doneAt, createdAt });
        }
        actions.push({
          id: actionId,
          conferenceId: id,
          whoKind: who ? 'partner' : 'staff',
          accountId: who ? null : staffWho.id,
          partnerId: who?.id ?? null,
          what,
          dueDate: due,
          area: goal?.area ?? null,
          goalId: goal?.id ?? null,
          measureId,
          followUpId,
          responsibleId,
          createdAt,
        });
      }
      // The last conference of an open case often set the next date: a Wiedervorlage of the case manager.
      let nextOn: string | null = null;
      let nextFollowUpId: string | null = null;
      if (!c.kase.closedOn && n === days.length - 1 && rng.chance(0.5)) {
        nextOn = maxDate(addDays(heldOn, rng.int(21, 90)), addDays(today, 1));
        nextFollowUpId = ids.next();
        followUps.push({ id: nextFollowUpId, caseId: c.kase.id, clientId: person.client.id, title: 'Nächste Fallkonferenz', dueDate: nextOn, assigneeId: manager.id, doneAt: null, createdAt });
      }
      const interpreter = person.interpreterLanguage && rng.chance(0.8) ? person.interpreterLanguage : null;
      out.push({
        conference: {
          id,
          caseId: c.kase.id,
          clientId: person.client.id,
          heldOn,
          heldAt: `${String(rng.int(8, 15)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
          clientPresent: rng.chance(0.75),
          interpreterLanguage: interpreter,
          interpreterName: null,
          consentId: null,
          results: rng.pick(RESULTS),
          nextOn,
          nextFollowUpId,
          createdBy: manager.id,
          createdAt,
          updatedAt: createdAt,
          version: 1,
        },
        participants,
        situations,
        actions,
        measures,
        followUps,
      });
    }
  }
  return out;
}
