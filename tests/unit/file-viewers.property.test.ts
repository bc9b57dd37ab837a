import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupViewers, kindOf, type ViewerRow } from '../../electron/core/domain/data-subject/file-viewers';

/**
 * "Who saw my file" folds the audit trail's per-action summary into one line per account, role, office and kind of
 * access. Whatever the rows and their order: no access is lost or counted twice, each line's period spans exactly its
 * rows, lines are unique and in a stable order, and actions that are no access (unknown, no audit) are left out.
 */
const ACTIONS = ['clients.get', 'cases.get', 'notes.add', 'clients.update', 'referrals.print', 'consents.printForm', 'dataSubject.accessReport', 'dataSubject.accessPreview', 'home.summary', 'sync.purge'];
const NAMES: Record<string, string | null> = { a1: 'Derya Yilmaz', a2: 'Ilse Brandt', a3: null };
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms).toISOString());
const row: fc.Arbitrary<ViewerRow> = fc
  .record({
    actor_id: fc.constantFrom('a1', 'a2', 'a3'),
    actor_role: fc.constantFrom('fallmanagement', 'datenschutz', null),
    office: fc.constantFrom('lunen', 'werne', null),
    action: fc.constantFrom(...ACTIONS),
    n: fc.integer({ min: 1, max: 50 }),
    a: instant,
    b: instant,
  })
  // An account has one name (the trail joins it from the account table); a deleted account has none.
  .map(({ a, b, ...r }) => ({ ...r, display_name: NAMES[r.actor_id]!, first: a < b ? a : b, last: a < b ? b : a }));

describe('grouping the audit trail into "who saw my file"', () => {
  it('keeps every access once, spans each line’s rows and orders lines stably (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const counted = rows.filter((r) => kindOf(r.action) !== null);
        const lines = groupViewers(rows);
        expect(lines.reduce((n, l) => n + l.count, 0)).toBe(counted.reduce((n, r) => n + r.n, 0));
        const keys = lines.map((l) => JSON.stringify([l.actorId, l.role, l.office, l.kind]));
        expect(new Set(keys).size).toBe(keys.length);
        for (const l of lines) {
          const mine = counted.filter((r) => r.actor_id === l.actorId && (r.actor_role ?? '') === l.role && (r.office ?? '') === l.office && kindOf(r.action) === l.kind);
          expect(l.first).toBe(mine.map((r) => r.first).sort()[0]);
          expect(l.last).toBe(mine.map((r) => r.last).sort().at(-1));
        }
        // The order does not depend on the order of the rows.
        expect(groupViewers([...rows].reverse())).toEqual(lines);
      }),
    );
  });

  it('classifies reads, changes and prints by the contract; no-audit and unknown actions are no access', () => {
    expect(kindOf('clients.get')).toBe('read');
    expect(kindOf('dataSubject.accessPreview')).toBe('read');
    expect(kindOf('notes.add')).toBe('changed');
    expect(kindOf('referrals.print')).toBe('printed');
    expect(kindOf('dataSubject.accessReport')).toBe('printed');
    expect(kindOf('home.summary')).toBeNull();
    expect(kindOf('sync.purge')).toBeNull();
  });
});
