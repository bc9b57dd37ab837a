import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridOf, suppressTable, type CellMark, type CountTable } from '../../electron/core/domain/statistics/cell-suppression';

const T = 5;

/**
 * The attacker, written independently of the algorithm: a brute-force search over every table that agrees with
 * everything published (shown cells, shown totals, '<5' means 0..4, 'x' means at least 5; cells bounded by a cap
 * above the true maximum, which only narrows the attacker's choices). A suppressed cell is recoverable when every
 * such table gives it the same value.
 */
function recoverable(table: CountTable, marks: CellMark[][]): string[] {
  const g = gridOf(table);
  const cap = Math.max(...g.values.flat()) + 3;
  const cells: [number, number][] = [];
  marks.forEach((row, i) => row.forEach((m, j) => m !== 'shown' && cells.push([i, j])));
  const index = new Map(cells.map(([i, j], k) => [`${i},${j}`, k]));
  // Equations: each row's cells minus its total, each column's cells minus its total.
  const equations: { at: [number, number]; coef: number }[][] = [];
  const R = g.rows;
  const C = g.columns;
  if (g.rowTotals) {
    for (let i = 0; i < R + (g.columnTotals ? 1 : 0); i++) {
      equations.push([...Array.from({ length: C }, (_, j) => ({ at: [i, j] as [number, number], coef: 1 })), { at: [i, C], coef: -1 }]);
    }
  }
  if (g.columnTotals) {
    for (let j = 0; j < C + (g.rowTotals ? 1 : 0); j++) {
      equations.push([...Array.from({ length: R }, (_, i) => ({ at: [i, j] as [number, number], coef: 1 })), { at: [R, j], coef: -1 }]);
    }
  }
  // Each cell's domain is narrowed to its true value ± 4 within what the reader knows: fewer alternatives only make
  // the attacker stronger in this test's sense (a cell found recoverable here may not be in truth, never the reverse).
  const lo = cells.map(([i, j]) => Math.max(marks[i]![j] === 'primary' ? 0 : T, g.values[i]![j]! - 4));
  const hi = cells.map(([i, j]) => Math.min(marks[i]![j] === 'primary' ? T - 1 : cap, g.values[i]![j]! + 4));
  const value = new Array<number | undefined>(cells.length);
  let nodes = 0;
  const feasible = (): boolean =>
    equations.every((eq) => {
      let min = 0;
      let max = 0;
      for (const { at, coef } of eq) {
        const k = index.get(`${at[0]},${at[1]}`);
        if (k === undefined) {
          min += coef * g.values[at[0]]![at[1]]!;
          max += coef * g.values[at[0]]![at[1]]!;
        } else if (value[k] !== undefined) {
          min += coef * value[k]!;
          max += coef * value[k]!;
        } else if (coef > 0) {
          min += lo[k]!;
          max += hi[k]!;
        } else {
          min -= hi[k]!;
          max -= lo[k]!;
        }
      }
      return min <= 0 && max >= 0;
    });
  // Depth-first search for one table agreeing with everything published in which cell `fixed` has value `v`.
  const solvable = (k: number): boolean => {
    if (++nodes > 5_000_000) throw new Error('search too large');
    if (k === cells.length) return true;
    if (value[k] !== undefined) return feasible() && solvable(k + 1);
    for (let v = lo[k]!; v <= hi[k]!; v++) {
      value[k] = v;
      if (feasible() && solvable(k + 1)) {
        value[k] = undefined;
        return true;
      }
    }
    value[k] = undefined;
    return false;
  };
  const other = (k: number): boolean => {
    const [i, j] = cells[k]!;
    for (let v = lo[k]!; v <= hi[k]!; v++) {
      if (v === g.values[i]![j]) continue;
      value.fill(undefined);
      value[k] = v;
      if (feasible() && solvable(0)) return true;
    }
    return false;
  };
  const fixedCells = cells.filter((_, k) => !other(k));
  return fixedCells.map(([i, j]) => `${i},${j}=${g.values[i]![j]}`);
}

const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 5, max: 14 }) });
const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 1, max: 4 }), rowTotals: fc.boolean(), columnTotals: fc.boolean() })
  .chain((s) =>
    fc.record({
      cells: fc.array(fc.array(count, { minLength: s.columns, maxLength: s.columns }), { minLength: s.rows, maxLength: s.rows }),
      rowTotals: fc.constant(s.rowTotals),
      columnTotals: fc.constant(s.columnTotals),
    }),
  );

let withheld = 0;

function marksOf(table: CountTable): CellMark[][] {
  const p = suppressTable(table, T);
  withheld += p.withheld ? 1 : 0;
  const g = gridOf(table);
  const grid: CellMark[][] = p.cells.map((row, i) => (p.rowTotals ? [...row, p.rowTotals[i]!] : [...row]));
  if (p.columnTotals) grid.push(p.rowTotals ? [...p.columnTotals, p.total!] : [...p.columnTotals]);
  expect(grid.length).toBe(g.values.length);
  return grid;
}

describe('small-cell suppression', () => {
  it("marks every count from 1 to 4 (cells and totals) '<5', never a count of 5 or more, and 'x' only such counts", () => {
    fc.assert(
      fc.property(tables, (table) => {
        const g = gridOf(table);
        const marks = marksOf(table);
        g.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v >= 1 && v < T) expect(marks[i]![j]).toBe('primary');
            if (v >= T) expect(marks[i]![j]).not.toBe('primary');
            if (v < T) expect(marks[i]![j]).not.toBe('secondary');
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no suppressed cell recoverable from the published cells and totals (brute-force attacker)', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const marks = marksOf(table);
        // A withheld table publishes nothing: every cell and total is '<5' or 'x'.
        if (suppressTable(table, T).withheld) expect(marks.flat().every((m) => m !== 'shown')).toBe(true);
        else expect(recoverable(table, marks)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // Withholding is the rare way out, not the rule.
    expect(withheld).toBeLessThan(10);
  });

  it('needs the secondary suppression: primary alone would be recoverable in the classic cases', () => {
    // One small cell in a row with a published total: total minus the shown cells gives it away.
    const table: CountTable = { cells: [[3], [12], [20]], rowTotals: false, columnTotals: true };
    const primaryOnly = gridOf(table).values.map((row) => row.map((v): CellMark => (v >= 1 && v < T ? 'primary' : 'shown')));
    expect(recoverable(table, primaryOnly)).toEqual(['0,0=3']);
    const marks = marksOf(table);
    expect(marks.flat().filter((m) => m === 'secondary')).toHaveLength(1);
    expect(marks[1]![0]).toBe('secondary');
    expect(recoverable(table, marks)).toEqual([]);
  });

  it("shows a zero as '<5' where the zero would give the other cells away", () => {
    // Four 1s and the total 4 in the middle column: with the zeros shown, '<5' everywhere there still means 1 each.
    const table: CountTable = {
      cells: [
        [0, 1, 9],
        [0, 1, 8],
        [7, 1, 0],
        [6, 1, 12],
      ],
      rowTotals: true,
      columnTotals: true,
    };
    const marks = marksOf(table);
    expect(marks.flat().filter((m, k) => m === 'primary' && gridOf(table).values.flat()[k] === 0).length).toBeGreaterThan(0);
    expect(recoverable(table, marks)).toEqual([]);
  });

  it('protects a two-way table with both margins by a cycle of four cells', () => {
    const table: CountTable = {
      cells: [
        [2, 10, 30],
        [8, 9, 40],
        [20, 25, 50],
      ],
      rowTotals: true,
      columnTotals: true,
    };
    const marks = marksOf(table);
    expect(marks[0]![0]).toBe('primary');
    expect(marks.flat().filter((m) => m === 'secondary').length).toBeGreaterThanOrEqual(3);
    expect(recoverable(table, marks)).toEqual([]);
  });
});
