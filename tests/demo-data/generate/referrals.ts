import type { Consent } from '../../../electron/core/domain/consent/consent-entities';
import type { FollowUp } from '../../../electron/core/domain/cases/case-entities';
import type { Referral, ReferralEvent } from '../../../electron/core/domain/referrals/referral-entities';
import type { DataCategory } from '../../../electron/core/contract/data-categories';
import type { ReferralFailureReason, ReferralState } from '../../../electron/core/contract/referral-domain';
import { addDays, dayBetween, timestampOn } from './demo-dates';
import type { DemoIds } from './demo-ids';
import type { GeneratedCase } from './case-history';
import type { Rng, Weighted } from './prng';

/** Referrals of one client's open case, with the consent naming the partner that each one relies on. */
export interface GeneratedReferrals {
  consents: Consent[];
  referrals: Referral[];
  events: ReferralEvent[];
  followUps: FollowUp[];
}

export const NO_REFERRALS: GeneratedReferrals = { consents: [], referrals: [], events: [], followUps: [] };

const SENT_SETS: Weighted<readonly DataCategory[]> = [
  [['master'], 3],
  [['master', 'work-education'], 4],
  [['master', 'finances'], 2],
  [['master', 'family'], 1],
  [['master', 'health'], 1],
];

const REQUESTS = [
  'Bitte um einen Beratungstermin zur Anerkennung des Berufsabschlusses.',
  'Anmeldung zum Integrationskurs mit Kinderbetreuung erbeten.',
  'Bitte um Unterstützung bei der Wohnungssuche.',
  'Klärung des Leistungsanspruchs, Unterlagen liegen vor.',
  'Bitte um Aufnahme in die Migrationsberatung für Erwachsene.',
];

const STATES: Weighted<ReferralState> = [
  ['draft', 1],
  ['sent', 3],
  ['accepted', 3],
  ['declined', 1],
  ['done', 2],
];

const FAILURES: readonly ReferralFailureReason[] = ['client-refused', 'no-capacity', 'no-longer-needed', 'client-unreachable', 'partner-unreachable'];

/**
 * For a share of clients whose open case this office keeps: one or two referrals to partners of the directory, each
 * with a consent in force naming the partner for exactly the categories sent (so every sent referral passes the gate
 * as the service would have checked it), in every state, with deadlines (some overdue) and their Wiedervorlagen.
 * Partners: those of the vault's directory, in a stable order; none there means no referrals.
 */
export function referralsFor(rng: Rng, ids: DemoIds, cases: readonly GeneratedCase[], partners: readonly string[], ownOffice: string, today: string): GeneratedReferrals {
  const open = cases.find((c) => c.kase.closedOn === null && c.kase.office === ownOffice);
  if (!open || partners.length === 0 || !rng.chance(0.3)) return NO_REFERRALS;
  const out: GeneratedReferrals = { consents: [], referrals: [], events: [], followUps: [] };
  const k = open.kase;
  for (let n = rng.int(1, 2); n > 0; n--) {
    const partnerId = rng.pick(partners);
    const categories = [...rng.weighted(SENT_SETS)].sort();
    const created = dayBetween(rng, k.openedOn, today);
    const consentFrom = addDays(created, -rng.int(0, 10));
    const at = timestampOn(rng, consentFrom);
    out.consents.push({
      id: ids.next(),
      clientId: k.clientId,
      office: k.office,
      parties: '[]',
      agencies: '[]',
      partnerIds: JSON.stringify([partnerId]),
      categories: JSON.stringify(categories),
      purpose: 'Vermittlung an einen Netzwerkpartner',
      validFrom: consentFrom,
      validUntil: addDays(today, rng.int(30, 365)),
      form: 'oral',
      documentId: null,
      oralRecord: 'Im Beratungsgespräch mündlich erteilt, Inhalt mit Dolmetschung erklärt.',
      recordedBy: k.caseManagerId,
      revokedOn: null,
      revocationForm: null,
      revocationNote: null,
      revokedBy: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    const state = rng.weighted(STATES);
    const id = ids.next();
    const sentOn = state === 'draft' ? null : created;
    // Deadlines from two weeks before today to a month ahead: some overdue, some running.
    const feedbackDue = rng.chance(0.8) ? dayBetween(rng, addDays(today, -14), addDays(today, 30)) : null;
    const event = (s: ReferralEvent['state'], on: string, note: string | null = null) =>
      out.events.push({ id: ids.next(), referralId: id, state: s, on, byId: k.caseManagerId, note, at: timestampOn(rng, on) });
    event('draft', created);
    let followUpId: string | null = null;
    if (sentOn) {
      event('sent', sentOn);
      if (feedbackDue) {
        followUpId = ids.next();
        const answered = state !== 'sent';
        out.followUps.push({
          id: followUpId,
          caseId: k.id,
          clientId: k.clientId,
          title: 'Rückmeldung zur Vermittlung',
          dueDate: feedbackDue,
          assigneeId: k.caseManagerId,
          doneAt: answered ? timestampOn(rng, today) : null,
          createdAt: timestampOn(rng, sentOn),
        });
      }
    }
    const acceptedOn = state === 'accepted' || (state === 'done' && rng.chance(0.7)) ? sentOn : null;
    if (acceptedOn) event('accepted', acceptedOn);
    const successful = state === 'done' && rng.chance(0.6);
    const failureReason = state === 'done' && !successful ? rng.pick(FAILURES) : null;
    if (state === 'declined') event('declined', today, 'Derzeit keine freien Plätze.');
    if (state === 'done') event('done', today);
    out.referrals.push({
      id,
      caseId: k.id,
      clientId: k.clientId,
      partnerId,
      contactId: null,
      request: rng.pick(REQUESTS),
      urgency: rng.pick(['normal', 'normal', 'soon', 'urgent']),
      categories: JSON.stringify(categories),
      consentIds: sentOn ? JSON.stringify([out.consents.at(-1)!.id]) : '[]',
      state,
      feedbackDue,
      followUpId,
      sentOn,
      acceptedOn,
      declinedBy: state === 'declined' ? 'provider' : null,
      declineReason: state === 'declined' ? 'Derzeit keine freien Plätze.' : null,
      result: state === 'done' ? (successful ? 'successful' : 'unsuccessful') : null,
      failureReason,
      outcomeNote: null,
      createdBy: k.caseManagerId,
      createdAt: timestampOn(rng, created),
      updatedAt: timestampOn(rng, today),
      deletedAt: null,
      deletedBy: null,
      deleteReason: null,
      version: 1,
    });
  }
  return out;
}
