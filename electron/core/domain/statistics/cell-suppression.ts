/**
 * Small-cell suppression of one count table with its published totals.
 *
 * Primary: every cell (and every total) from 1 to threshold−1 is suppressed as '<5'; zeros are shown unless a shown
 * zero would give another cell away, then they are '<5' as well (true: 0 is less than 5).
 * Secondary: a suppressed cell must not be computable from what is published. A table with row totals and/or
 * column totals is a set of linear equations (each row's cells add up to its total, each column's likewise); the
 * suppressed cells are the unknowns. Read as a graph (a node per equation, an edge per suppressed cell between its
 * row's and its column's equation; a line without an equation is the free "ground" node), the solutions differ
 * exactly along cycles: a cell on no cycle is determined by the totals (classic result for two-way tables). A cycle
 * alone is not enough when the reader also knows bounds: a '<5' cell lies in 0..threshold−1, an 'x' cell is at
 * least threshold (otherwise it would be '<5'). So a cell counts as protected only when some cycle through it can
 * move every cell on it by one unit, alternating +1/−1, without leaving those bounds: then a second table, equal in
 * every published figure, differs in that cell. For an unprotected cell the cheapest such cycle through shown
 * cells is found (least published value hidden) and its cells are suppressed too (zeros as '<5', others as 'x'):
 * a column of four 1s with the total 4 is protected only by showing a zero there as '<5'. Until every suppressed
 * cell is protected; if no cycle exists, the whole table is withheld.
 */

export type CellMark = 'shown' | 'primary' | 'secondary';

export interface CountTable {
  /** rows × columns, non-negative integers */
  cells: number[][];
  /** The row totals (and, with column totals, the grand total) are published. */
  rowTotals: boolean;
  /** The column totals (and, with row totals, the grand total) are published. */
  columnTotals: boolean;
}

export interface SuppressionPattern {
  cells: CellMark[][];
  rowTotals: CellMark[] | null;
  columnTotals: CellMark[] | null;
  total: CellMark | null;
  /** No pattern protects every small cell: every cell and total is withheld ('x'). */
  withheld: boolean;
}

/** The table with its margins as one grid: an extra column of row totals, an extra row of column totals. */
export interface Grid {
  values: number[][];
  /** Inner rows and columns, without the margins. */
  rows: number;
  columns: number;
  rowTotals: boolean;
  columnTotals: boolean;
}

export function gridOf(t: CountTable): Grid {
  const rows = t.cells.length;
  const columns = t.cells[0]?.length ?? 0;
  const values = t.cells.map((r) => (t.rowTotals ? [...r, sum(r)] : [...r]));
  if (t.columnTotals) {
    const totals = Array.from({ length: columns }, (_, j) => sum(t.cells.map((r) => r[j]!)));
    values.push(t.rowTotals ? [...totals, sum(totals)] : totals);
  }
  return { values, rows, columns, rowTotals: t.rowTotals, columnTotals: t.columnTotals };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const GROUND = -1;

/** The equation node of grid row i (nodes 0..), or GROUND when the row has no equation. */
function rowNode(g: Grid, i: number): number {
  // Inner rows add up to their row total; the row of column totals adds up to the grand total (both margins).
  return g.rowTotals && (i < g.rows || g.columnTotals) ? i : GROUND;
}

function columnNode(g: Grid, j: number): number {
  const offset = g.rows + 1;
  return g.columnTotals && (j < g.columns || g.rowTotals) ? offset + j : GROUND;
}

/** +1 for inner cells and the grand total, −1 for margins: how a unit of cycle flow moves the cell (see above). */
function sign(g: Grid, i: number, j: number): number {
  return (i === g.rows) !== (j === g.columns) ? -1 : 1;
}

interface Edge {
  i: number;
  j: number;
  a: number;
  b: number;
  /** Not suppressed yet: taking it into the cycle costs its value (the information lost by hiding it; a zero 1). */
  cost: number;
  /** What it is or would become: '<5' (0..4) or 'x' (≥ threshold). */
  mark: CellMark;
}

/** Whether a cell of this mark may hold this value in the eyes of a reader ('x' cells are known to be ≥ threshold). */
function fits(value: number, mark: CellMark, threshold: number): boolean {
  if (mark === 'primary') return value >= 0 && value < threshold;
  return value >= threshold;
}

const SEARCH_BUDGET = 50_000;

/**
 * The cheapest cycle through the suppressed grid cell (i, j) along which every cell can move by one unit within
 * what a reader knows of it (see the module comment). With `extend`, shown non-zero cells may join the cycle (as
 * 'x', at the cost of their value). Returns the cells to suppress in addition (none when already protected), or
 * null when there is no such cycle (within a search budget).
 */
function protectingCycle(g: Grid, marks: CellMark[][], threshold: number, i: number, j: number, extend: boolean): [number, number][] | null {
  const edges: Edge[] = [];
  marks.forEach((row, r) =>
    row.forEach((m, c) => {
      const v = g.values[r]![c]!;
      const ends = { i: r, j: c, a: rowNode(g, r), b: columnNode(g, c) };
      if (m !== 'shown') edges.push({ ...ends, cost: 0, mark: m });
      else if (extend) edges.push({ ...ends, cost: Math.max(v, 1), mark: v < threshold ? 'primary' : 'secondary' });
    }),
  );
  const start = edges.findIndex((e) => e.i === i && e.j === j && e.cost === 0);
  if (start < 0) return null;
  const e = edges[start]!;
  // A shown cell joining the cycle must stay within what its new mark tells the reader after the move.
  const moved = (f: Edge, w: number, dir: number) => fits(g.values[f.i]![f.j]! + dir * w * sign(g, f.i, f.j), f.mark, threshold);
  if (extend) {
    const cheapest = cheapestCycle(edges, e, moved);
    if (cheapest) return cheapest.filter((f) => f.cost > 0).map((f): [number, number] => [f.i, f.j]);
  }
  let budget = SEARCH_BUDGET;
  let best: { cost: number; cells: Edge[] } | null = null;
  for (const dir of [1, -1]) {
    if (!moved(e, 1, dir)) continue;
    // A cell with no equation at either end is free: nothing published ties it.
    if (e.a === GROUND && e.b === GROUND) return [];
    const used = new Set<number>([start]);
    const visited = new Set<number>([e.b]);
    const path: Edge[] = [];
    // Walk from e's column end back to its row end; at a node with an equation the next edge takes the opposite
    // sign, at ground either sign.
    const walk = (node: number, lastW: number, cost: number): void => {
      if (--budget < 0 || best?.cost === 0) return;
      for (let k = 0; k < edges.length; k++) {
        if (used.has(k)) continue;
        const f = edges[k]!;
        let next: number;
        if (f.a === node) next = f.b;
        else if (f.b === node) next = f.a;
        else continue;
        const total = cost + f.cost;
        if (best && total >= best.cost) continue;
        for (const w of node === GROUND ? [1, -1] : [-lastW]) {
          if (!moved(f, w, dir)) continue;
          if (next === e.a) {
            // Closing the cycle: at e's row node the signs of f and e must be opposite.
            if (next === GROUND || w === -1) best = { cost: total, cells: [...path, f] };
            continue;
          }
          if (visited.has(next)) continue;
          used.add(k);
          visited.add(next);
          path.push(f);
          walk(next, w, total);
          path.pop();
          used.delete(k);
          visited.delete(next);
        }
      }
    };
    walk(e.b, 1, 0);
  }
  const found = best as { cost: number; cells: Edge[] } | null;
  return found ? found.cells.filter((f) => f.cost > 0).map((f): [number, number] => [f.i, f.j]) : null;
}

/**
 * The cheapest cycle through e by shortest paths (Dijkstra over node × sign of the last edge): fast on large tables,
 * where the exhaustive search runs out of budget. A path that visits a node twice is no simple cycle and is
 * discarded (the exhaustive search then decides); whatever this proposes is checked again by isProtected.
 */
function cheapestCycle(edges: Edge[], e: Edge, moved: (f: Edge, w: number, dir: number) => boolean): Edge[] | null {
  let best: { cost: number; path: Edge[] } | null = null;
  for (const dir of [1, -1]) {
    if (!moved(e, 1, dir)) continue;
    if (e.a === GROUND && e.b === GROUND) return [];
    type State = { node: number; w: number; cost: number; path: Edge[] };
    const settled = new Set<string>();
    const queue: State[] = [{ node: e.b, w: 1, cost: 0, path: [] }];
    while (queue.length) {
      queue.sort((x, y) => x.cost - y.cost);
      const s = queue.shift()!;
      const key = `${s.node}/${s.node === GROUND ? 0 : s.w}`;
      if (settled.has(key)) continue;
      settled.add(key);
      if (best && s.cost >= best.cost) break;
      for (const f of edges) {
        if (f === e || s.path.includes(f)) continue;
        let next: number;
        if (f.a === s.node) next = f.b;
        else if (f.b === s.node) next = f.a;
        else continue;
        for (const w of s.node === GROUND ? [1, -1] : [-s.w]) {
          if (!moved(f, w, dir)) continue;
          const path = [...s.path, f];
          const cost = s.cost + f.cost;
          if (next === e.a) {
            if ((next === GROUND || w === -1) && (!best || cost < best.cost) && simple(path, e)) best = { cost, path };
            continue;
          }
          queue.push({ node: next, w, cost, path });
        }
      }
    }
  }
  return best?.path ?? null;
}

/** Whether the edges, after e, walk through distinct nodes (a simple cycle: each cell moves by exactly one unit). */
function simple(path: Edge[], e: Edge): boolean {
  const seen = new Set<number>([e.b]);
  let node = e.b;
  for (const f of path) {
    node = f.a === node ? f.b : f.a;
    if (node === e.a && f === path[path.length - 1]) return true;
    if (seen.has(node)) return false;
    seen.add(node);
  }
  return false;
}

/** Whether the suppressed grid cell (i, j) cannot be computed from what is published (a protecting cycle exists). */
export function isProtected(g: Grid, marks: CellMark[][], threshold: number, i: number, j: number): boolean {
  return protectingCycle(g, marks, threshold, i, j, false) !== null;
}

/** Marks every cell and total of a count table as shown, primary ('<5') or secondary ('x') suppressed. */
export function suppressTable(table: CountTable, threshold: number): SuppressionPattern {
  const g = gridOf(table);
  const marks: CellMark[][] = g.values.map((row) => row.map((v) => (v >= 1 && v < threshold ? 'primary' : 'shown')));
  for (let guard = 0; guard < 1_000; guard++) {
    const open = unprotected(g, marks, threshold);
    if (!open) return patternOf(g, marks, false);
    // Hide the cells of the cheapest protecting cycle.
    const add = protectingCycle(g, marks, threshold, open[0], open[1], true);
    if (!add?.length) break;
    for (const [r, c] of add) marks[r]![c] = g.values[r]![c]! < threshold ? 'primary' : 'secondary';
  }
  // No cycle can protect it: withhold the table rather than publish a computable cell.
  return patternOf(
    g,
    g.values.map((row) => row.map((v): CellMark => (v < threshold ? 'primary' : 'secondary'))),
    true,
  );
}

function unprotected(g: Grid, marks: CellMark[][], threshold: number): [number, number] | null {
  for (let i = 0; i < marks.length; i++) {
    for (let j = 0; j < marks[i]!.length; j++) {
      if (marks[i]![j] !== 'shown' && !isProtected(g, marks, threshold, i, j)) return [i, j];
    }
  }
  return null;
}

function patternOf(g: Grid, marks: CellMark[][], withheld: boolean): SuppressionPattern {
  return {
    cells: marks.slice(0, g.rows).map((row) => row.slice(0, g.columns)),
    rowTotals: g.rowTotals ? marks.slice(0, g.rows).map((row) => row[g.columns]!) : null,
    columnTotals: g.columnTotals ? marks[g.rows]!.slice(0, g.columns) : null,
    total: totalOf(g, marks),
    withheld,
  };
}

/** The table's total: the grand total with both margins, or the one margin cell of a single row or column. */
export function totalOf<T>(g: Grid, grid: T[][]): T | null {
  if (g.rowTotals && g.columnTotals) return grid[g.rows]![g.columns]!;
  if (g.rowTotals && g.rows === 1) return grid[0]![g.columns]!;
  if (g.columnTotals && g.columns === 1) return grid[g.rows]![0]!;
  return null;
}
