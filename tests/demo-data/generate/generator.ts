import { berlinDate } from '../../../electron/core/contract/dates';
import type { Office } from '../../../electron/core/contract/offices';
import { generateCases, type CaseManagerRef, type GeneratedCase } from './case-history';
import { addDays } from './demo-dates';
import { consentsFor, type GeneratedConsent } from './consents';
import { conferencesFor, type GeneratedConference, type PartnerRef } from './conferences';
import { DemoIds } from './demo-ids';
import { generatePerson, type GeneratedPerson } from './person';
import { mixSeed, Rng } from './prng';

/**
 * The deterministic demo-data generator: same seed, "today", office and case managers ⇒ the same people, cases,
 * notes and dates. Each client draws from its own stream (seed, index), so changing --notes-per-client or --clients
 * does not change who the first clients are. Data is anchored on "today" so that follow-ups are overdue/due and
 * statuses expire relative to the day of the import.
 */
export interface DemoOptions {
  seed: number;
  notesPerClient: number;
  office: Office;
  /** Case managers of the vault, in a stable order (e.g. by login). */
  caseManagers: readonly CaseManagerRef[];
  now: Date;
  /** Separates id ranges of several imports into one vault (e.g. clients already there). */
  idSalt: number;
  /** Partners of the directory conferences invite, in a stable order; empty: staff-only conferences. */
  partners?: readonly PartnerRef[];
}

export interface GeneratedClient {
  person: GeneratedPerson;
  cases: GeneratedCase[];
  consents: GeneratedConsent[];
  conferences: GeneratedConference[];
}

export class DemoGenerator {
  private readonly ids: DemoIds;
  private readonly today: string;
  private readonly endOfWeek: string;

  constructor(private readonly options: DemoOptions) {
    if (options.caseManagers.length === 0) throw new Error('demo data needs at least one case manager');
    this.ids = new DemoIds(options.seed, options.idSalt);
    this.today = berlinDate(options.now);
    // Week ends on Sunday, as in the work overview.
    const weekday = (new Date(`${this.today}T00:00:00Z`).getUTCDay() + 6) % 7;
    this.endOfWeek = addDays(this.today, 6 - weekday);
  }

  /** Client number `index` (0-based) with its cases; call with ascending indexes for ascending ids. */
  client(index: number): GeneratedClient {
    const rng = new Rng(mixSeed(this.options.seed, index));
    const person = generatePerson(rng, this.ids, this.options.office, this.today);
    const cases = generateCases(
      { rng, ids: this.ids, person, managers: this.options.caseManagers, today: this.today, endOfWeek: this.endOfWeek },
      this.options.notesPerClient,
    );
    // Consents draw from a stream of their own, so adding them left every other generated value as it was.
    const consents = consentsFor(new Rng(mixSeed(this.options.seed, index, 7)), this.ids, person, this.options.office, this.options.caseManagers[0]!.id, this.today);
    // Conferences too: a stream of their own, after everything else.
    const conferences = conferencesFor(
      new Rng(mixSeed(this.options.seed, index, 11)),
      this.ids,
      person,
      cases,
      this.options.caseManagers,
      this.options.partners ?? [],
      this.today,
    );
    // The client was last touched by its latest activity, like the services' touchClient.
    const last = cases.reduce((max, c) => (c.kase.updatedAt > max ? c.kase.updatedAt : max), person.client.updatedAt);
    person.client.updatedAt = last;
    return { person, cases, consents, conferences };
  }
}
