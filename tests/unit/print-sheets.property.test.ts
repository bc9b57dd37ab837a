import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_STATUSES, LIFE_AREAS, NEED_LEVELS } from '../../electron/core/contract/case-domain';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { REFERRAL_URGENCIES } from '../../electron/core/contract/referral-domain';
import type { ReferralPrintData, ReferralPrintSection } from '../../electron/core/contract/types/referral-types';
import { minutesHtml } from '../../electron/core/domain/conferences/minutes-document';
import type { MinutesContent } from '../../electron/core/domain/conferences/conference-minutes';
import { referralSheetHtml } from '../../electron/core/domain/referrals/referral-sheet';

/** What a hostile value holds: markup, entities, control and bidi characters, placeholders (never empty: the core stores no empty text). */
const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.array(fc.constantFrom('<', '>', '"', "'", '&', '</style>', '<script>', '<!--', '\u0000', '\u202e', 'x', ' ', '{date}', '\n'), { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
);
const tags = (s: string) => [...s.matchAll(/<\/?[a-zA-Z!][^>]*>/g)].map((m) => m[0]);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const day = fc.constantFrom('2026-12-01', '2027-01-15');

const section: fc.Arbitrary<ReferralPrintSection> = fc.record({
  fields: fc.dictionary(fc.constantFrom('street', 'city', 'phone', 'languages', 'residenceType', 'household'), opt(hostile)),
  assessment: fc.array(fc.record({ area: fc.constantFrom(...LIFE_AREAS), need: fc.constantFrom(...NEED_LEVELS), note: opt(hostile) }), { maxLength: 2 }),
  goals: fc.array(fc.record({ area: fc.constantFrom(...LIFE_AREAS), title: hostile, status: fc.constantFrom(...GOAL_STATUSES) }), { maxLength: 2 }),
  notes: fc.array(fc.record({ occurredOn: day, text: hostile }), { maxLength: 2 }),
});

const referral: fc.Arbitrary<ReferralPrintData> = fc
  .record({
    referralId: fc.uuid(),
    partner: fc.record({ name: hostile, street: opt(hostile), postalCode: opt(hostile), city: opt(hostile) }),
    contact: opt(fc.record({ name: hostile, role: opt(hostile), phone: opt(hostile), email: opt(hostile) })),
    request: hostile,
    urgency: fc.constantFrom(...REFERRAL_URGENCIES),
    sentOn: opt(day),
    feedbackDue: opt(day),
    consents: fc.array(fc.record({ id: fc.uuid(), validFrom: day, validUntil: opt(day) }), { maxLength: 2 }),
    categories: fc.subarray([...DATA_CATEGORIES]),
    client: opt(fc.record({ familyName: hostile, givenNames: hostile, birthDate: opt(day) })),
    sections: section,
  })
  .map((r) => ({
    ...r,
    state: 'sent' as const,
    office: 'lunen' as const,
    partnerName: r.partner.name,
    contactName: r.contact?.name ?? null,
    sections: Object.fromEntries(r.categories.map((c) => [c, r.sections])),
  }));

/** The same data with every free text replaced by a harmless letter: the markup must be the same. */
function benignReferral(r: ReferralPrintData): ReferralPrintData {
  const s = (v: string | null) => (v === null ? null : 'A');
  return {
    ...r,
    partner: { name: 'A', street: s(r.partner.street), postalCode: s(r.partner.postalCode), city: s(r.partner.city) },
    contact: r.contact ? { name: 'A', role: s(r.contact.role), phone: s(r.contact.phone), email: s(r.contact.email) } : null,
    request: 'A',
    client: r.client ? { familyName: 'A', givenNames: 'A', birthDate: r.client.birthDate } : null,
    sections: Object.fromEntries(
      Object.entries(r.sections).map(([c, x]) => [
        c,
        {
          fields: Object.fromEntries(Object.entries(x.fields).map(([k, v]) => [k, s(v)])),
          assessment: x.assessment.map((a) => ({ ...a, note: s(a.note) })),
          goals: x.goals.map((g) => ({ ...g, title: 'A' })),
          notes: x.notes.map((n) => ({ ...n, text: 'A' })),
        },
      ]),
    ),
  };
}

const minutes: fc.Arbitrary<MinutesContent> = fc.record({
  conferenceId: fc.uuid(),
  heldOn: day,
  heldAt: opt(fc.constantFrom('09:00', '14:30')),
  recipient: opt(fc.record({ partnerId: fc.uuid(), name: hostile })),
  office: fc.constantFrom('lunen' as const, 'werne' as const, 'selm' as const),
  categories: fc.subarray([...DATA_CATEGORIES]),
  clientName: opt(hostile),
  clientPresent: fc.boolean(),
  interpreterLanguage: opt(fc.constantFrom('ar', 'uk', 'xx')),
  participants: fc.array(fc.record({ name: hostile, contactName: opt(hostile), role: opt(hostile) }), { maxLength: 3 }),
  situations: fc.array(fc.record({ area: fc.constantFrom(...LIFE_AREAS), text: hostile }), { maxLength: 3 }),
  results: opt(hostile),
  actions: fc.array(fc.record({ whoName: hostile, what: hostile, dueDate: day, area: opt(fc.constantFrom(...LIFE_AREAS)), done: fc.boolean() }), { maxLength: 3 }),
  nextOn: opt(day),
});

function benignMinutes(m: MinutesContent): MinutesContent {
  const s = (v: string | null) => (v === null ? null : 'A');
  return {
    ...m,
    recipient: m.recipient ? { ...m.recipient, name: 'A' } : null,
    clientName: s(m.clientName),
    participants: m.participants.map((p) => ({ name: 'A', contactName: s(p.contactName), role: s(p.role) })),
    situations: m.situations.map((x) => ({ ...x, text: 'A' })),
    results: s(m.results),
    actions: m.actions.map((a) => ({ ...a, whoName: 'A', what: 'A' })),
  };
}

describe('no value can add markup to the Überleitungsbogen or the minutes', () => {
  it('the referral sheet has the same tags as with harmless values', () => {
    fc.assert(
      fc.property(referral, (r) => {
        const doc = referralSheetHtml(r, '2026-12-01');
        expect(tags(doc)).toEqual(tags(referralSheetHtml(benignReferral(r), '2026-12-01')));
        expect(doc).not.toMatch(/<script|<img|<link|<iframe|<object|<base|url\(/i);
      }),
      { numRuns: 150 },
    );
  });

  it('the minutes have the same tags as with harmless values', () => {
    fc.assert(
      fc.property(minutes, (m) => {
        const doc = minutesHtml(m, '2026-12-01');
        expect(tags(doc)).toEqual(tags(minutesHtml(benignMinutes(m), '2026-12-01')));
        expect(doc).not.toMatch(/<script|<img|<link|<iframe|<object|<base|url\(/i);
      }),
      { numRuns: 150 },
    );
  });
});
