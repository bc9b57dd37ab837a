import { describe, expect, it } from 'vitest';
import { berlinDate } from '../../electron/core/contract/dates';
import type { DataCategory } from '../../electron/core/contract/data-categories';
import { checkConsentGate } from '../../electron/core/domain/referrals/consent-gate';
import { DemoGenerator } from '../demo-data/generate/generator';

/** Demo referrals: deterministic, only to the directory's partners, each sent one backed by a consent naming its partner. */

const NOW = new Date('2026-03-11T09:30:00Z');
const PARTNERS = [
  { id: '00000000-0000-4000-8000-00000000aa01', name: 'VHS Lünen' },
  { id: '00000000-0000-4000-8000-00000000aa02', name: 'Caritas Migrationsdienst Werne' },
];
const MANAGERS = [{ id: '00000000-0000-4000-8000-0000000000f1', displayName: 'Derya Yilmaz' }];

const generate = (partners: typeof PARTNERS) => {
  const g = new DemoGenerator({ seed: 7, notesPerClient: 4, office: 'lunen', caseManagers: MANAGERS, now: NOW, idSalt: 0, partners });
  return Array.from({ length: 300 }, (_, i) => g.client(i));
};

describe('demo referrals', () => {
  it('are the same for the same seed, and none without partners (the rest of the data unchanged)', () => {
    const a = generate(PARTNERS);
    expect(JSON.stringify(generate(PARTNERS))).toBe(JSON.stringify(a));
    const none = generate([]);
    expect(none.every((c) => c.referrals.referrals.length === 0)).toBe(true);
    expect(none.map((c) => c.person.client.id)).toEqual(a.map((c) => c.person.client.id));
    expect(JSON.stringify(none.map((c) => c.cases))).toBe(JSON.stringify(a.map((c) => c.cases)));
  });

  it('go to directory partners in every state, and each sent one passes the consent gate on its sending day', () => {
    const all = generate(PARTNERS).flatMap((c) => c.referrals.referrals.map((r) => ({ r, consents: c.referrals.consents })));
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map(({ r }) => r.state))).toEqual(new Set(['draft', 'sent', 'accepted', 'declined', 'done']));
    expect(all.some(({ r }) => r.state === 'sent' && r.feedbackDue !== null && r.feedbackDue < berlinDate(NOW))).toBe(true);
    for (const { r, consents } of all) {
      expect(PARTNERS.map((p) => p.id)).toContain(r.partnerId);
      if (!r.sentOn) continue;
      const gate = checkConsentGate(
        consents.map((k) => ({ id: k.id, partnerIds: JSON.parse(k.partnerIds) as string[], categories: JSON.parse(k.categories) as DataCategory[], validFrom: k.validFrom, validUntil: k.validUntil, revokedOn: k.revokedOn })),
        r.partnerId,
        JSON.parse(r.categories) as DataCategory[],
        r.sentOn,
      );
      expect(gate.ok, r.id).toBe(true);
    }
  });
});
