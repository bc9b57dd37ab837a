import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvBytes, neutralise } from '../../electron/core/domain/statistics/csv-text';
import { combineCounts, type StatisticsCounts } from '../../electron/core/domain/statistics/statistics-counts';
import { publishStatistics } from '../../electron/core/domain/statistics/statistics-report';
import { statisticsDefinitions } from '../../electron/core/domain/statistics/statistics-definitions';

/** A CSV reader written for this test (RFC 4180 with ';'): records by CRLF outside quotes. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV for German Excel', () => {
  it('round-trips every text, neutralising every field that would start a formula', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('=SUMME(A1:A9)', '+49 231', '-3', '@cmd', '\tx', '\r=1', 'a;b', 'Zeile\r\nzwei', '"zitiert"', 'Lünen'));
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const bytes = csvBytes(rows);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const back = readCsv(bytes.subarray(3).toString('utf8'));
        expect(back).toEqual(rows.map((r) => r.map((f) => (FORMULA.test(f) ? `'${f}` : f))));
        for (const f of back.flat()) expect(FORMULA.test(f)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers with a decimal comma and never neutralises them', () => {
    const text = csvBytes([['Median', 12.5, 7]]).subarray(3).toString('utf8');
    expect(text).toBe('Median;12,5;7\r\n');
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('x')).toBe('x');
  });
});

describe('combining offices before suppression', () => {
  it('adds the counts of offices cell by cell and suppresses only the sum', () => {
    const defs = statisticsDefinitions();
    const office = (o: 'lunen' | 'werne', n: number): StatisticsCounts => ({
      office: o,
      from: '2026-01-01',
      to: '2026-12-31',
      definitionsVersion: defs.version,
      tables: [{ id: 'closureReasons', rows: ['goals-achieved', 'moved-away', 'no-contact', 'client-ended', 'handed-over', 'other'], columns: ['count'], cells: [[n], [3], [2], [0], [0], [10]], rowTotals: false, columnTotals: true }],
      durationDays: { '30': n, '90': 1 },
    });
    const combined = combineCounts([office('lunen', 3), office('werne', 4)]);
    expect(combined.tables[0]!.cells.map((r) => r[0])).toEqual([7, 6, 4, 0, 0, 20]);
    expect(combined.durationDays).toEqual({ '30': 7, '90': 2 });
    const report = publishStatistics(combined, 'lunen', defs, new Date('2027-01-05T10:00:00Z'));
    // 3 and 4 alone would be '<5'; their sum 7 is shown. The 4 ("no contact") is suppressed, and one more cell with it.
    const cells = report.tables[0]!.cells.map((r) => r[0]);
    expect(cells[0]).toBe(7);
    expect(cells[2]).toBe('<5');
    expect(cells.filter((c) => c === '<5' || c === 'x').length).toBeGreaterThanOrEqual(2);
    expect(report.duration.cases).toBe(9);
    expect(() => combineCounts([office('lunen', 1), { ...office('werne', 1), to: '2026-06-30' }])).toThrow();
  });
});
