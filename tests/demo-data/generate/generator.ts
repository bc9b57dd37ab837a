import { berlinDate } from '../../../electron/core/contract/dates';
import type { Office } from '../../../electron/core/contract/offices';
import { generateCases, type CaseManagerRef, type GeneratedCase } from './case-history';
import { addDays } from './demo-dates';
import { consentsFor, type GeneratedConsent } from './consents';
import { conferencesFor, type GeneratedConference, type PartnerRef } from './conferences';
import { DemoIds } from './demo-ids';
import { generatePerson, type GeneratedPerson } from './person';
import { mixSeed, Rng } from './prng';
import { referralsFor, type GeneratedReferrals } from './referrals';

/**
 * The deterministic demo-data generator: same seed, "today", office and case managers ⇒ the same people, cases,
 * notes and dates. Each client draws from its own stream (seed, index), so changing --notes-per-client or --clients
 * does not change who the first clients are. Data is anchored on "today" so that follow-ups are overdue/due and
 * statuses expire relative to the day of the import.
 */
/** Far above any client count an import salts with (the clients already in the vault). */
const REFERRAL_ID_SALT = 0x40000000;
/** Conferences likewise: their rows take ids of their own run. */
const CONFERENCE_ID_SALT = 0x50000000;

export interface DemoOptions {
  seed: number;
  notesPerClient: number;
  office: Office;
  /** Case managers of the vault, in a stable order (e.g. by login). */
  caseManagers: readonly CaseManagerRef[];
  now: Date;
  /** Separates id ranges of several imports into one vault (e.g. clients already there). */
  idSalt: number;
  /** Partners of the directory, in a stable order; empty: no referrals, and staff-only conferences. */
  partners?: readonly PartnerRef[];
}

export interface GeneratedClient {
  person: GeneratedPerson;
  cases: GeneratedCase[];
  consents: GeneratedConsent[];
  referrals: GeneratedReferrals;
  conferences: GeneratedConference[];
}

export class DemoGenerator {
  private readonly ids: DemoIds;
  /** Referral rows take ids of their own run, so the other rows' ids are the same with or without partners. */
  private readonly referralIds: DemoIds;
  private readonly conferenceIds: DemoIds;
  private readonly today: string;
  private readonly endOfWeek: string;

  constructor(private readonly options: DemoOptions) {
    if (options.caseManagers.length === 0) throw new Error('demo data needs at least one case manager');
    this.ids = new DemoIds(options.seed, options.idSalt);
    this.referralIds = new DemoIds(options.seed, REFERRAL_ID_SALT + options.idSalt);
    this.conferenceIds = new DemoIds(options.seed, CONFERENCE_ID_SALT + options.idSalt);
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
    // Referrals draw from a stream of their own too: the rest of the client stays as it was without partners.
    const own = this.options.office === 'abh-lunen' ? 'lunen' : this.options.office;
    const partners = this.options.partners ?? [];
    const referrals = referralsFor(new Rng(mixSeed(this.options.seed, index, 11)), this.referralIds, cases, partners.map((p) => p.id), own, this.today);
    // Conferences too: a stream and an id run of their own, so partners in the directory change nothing else.
    const conferences = conferencesFor(new Rng(mixSeed(this.options.seed, index, 13)), this.conferenceIds, person, cases, this.options.caseManagers, partners, this.today);
    // The client was last touched by its latest activity, like the services' touchClient.
    const last = cases.reduce((max, c) => (c.kase.updatedAt > max ? c.kase.updatedAt : max), person.client.updatedAt);
    person.client.updatedAt = last;
    return { person, cases, consents, referrals, conferences };
  }
}
