import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICES } from '../../electron/core/contract/offices';
import { latestPerOfficeAndPeriod, newerAggregate } from '../../electron/core/domain/statistics/aggregate-record';
import { combineCounts, type StatisticsCounts } from '../../electron/core/domain/statistics/statistics-counts';

/**
 * Koordination reads the offices' publications in whatever order the share lists them: the one kept per office and
 * period must not depend on that order, and must be the newest by (clock, device). Adding up the kept counts must
 * not depend on the order of the offices either.
 */
const hlc = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })).map(([w, c]) => `${String(1_700_000_000_000 + w).padStart(15, '0')}-${String(c).padStart(6, '0')}`);
const publication = fc.record({
  header: fc.record({
    office: fc.constantFrom(...OFFICES),
    from: fc.constantFrom('2026-01-01', '2026-04-01'),
    to: fc.constantFrom('2026-03-31', '2026-06-30'),
    hlc,
    device: fc.constantFrom('a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'),
  }),
  tag: fc.nat(),
});

describe('latest aggregate per office and period', () => {
  it('keeps the same publications in any reading order, each the newest of its office and period', () => {
    fc.assert(
      fc.property(fc.array(publication, { maxLength: 20 }), fc.infiniteStream(fc.nat()), (items, seeds) => {
        const shuffled = [...items];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = latestPerOfficeAndPeriod(items);
        const b = latestPerOfficeAndPeriod(shuffled);
        // Same headers (equal headers of two records are the same publication: the clock never repeats on a device).
        expect(b.map((x) => x.header)).toEqual(a.map((x) => x.header));
        const keys = new Set(items.map((x) => `${x.header.office}|${x.header.from}|${x.header.to}`));
        expect(a).toHaveLength(keys.size);
        for (const kept of a) {
          for (const other of items) {
            const same = other.header.office === kept.header.office && other.header.from === kept.header.from && other.header.to === kept.header.to;
            if (same) expect(newerAggregate(other.header, kept.header)).toBe(false);
          }
        }
      }),
    );
  });

  it('adds the same sum in any order of the offices', () => {
    const counts = (office: (typeof OFFICES)[number], cells: number[][], days: Record<string, number>): StatisticsCounts => ({
      office,
      from: '2026-01-01',
      to: '2026-03-31',
      definitionsVersion: '1',
      tables: [{ id: 'goalOutcomes', rows: ['r1', 'r2'], columns: ['c1', 'c2'], cells, rowTotals: true, columnTotals: true }],
      durationDays: days,
    });
    const grid = fc.array(fc.array(fc.nat({ max: 9 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 });
    const days = fc.dictionary(fc.integer({ min: 0, max: 400 }).map(String), fc.integer({ min: 1, max: 3 }));
    fc.assert(
      fc.property(fc.tuple(grid, days), fc.tuple(grid, days), fc.tuple(grid, days), (x, y, z) => {
        const parts = [counts('lunen', ...x), counts('werne', ...y), counts('selm', ...z)];
        const ab = combineCounts(parts);
        const ba = combineCounts([...parts].reverse());
        expect(ba.tables).toEqual(ab.tables);
        expect(ba.durationDays).toEqual(ab.durationDays);
        expect(ab.tables[0]!.cells).toEqual([0, 1].map((i) => [0, 1].map((j) => x[0][i]![j]! + y[0][i]![j]! + z[0][i]![j]!)));
      }),
    );
  });
});
