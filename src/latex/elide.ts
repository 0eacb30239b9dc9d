/**
 * Structured elision of big matrices: which source rows and columns to show.
 * The first and last rows are kept; the columns are those the kept rows use
 * (so the band of a Toeplitz matrix stays visible at both ends) plus the first
 * and last column; null marks an elision line (⋯, ⋮, ⋱). Never a wall of entries.
 */
export interface ElisionLimits {
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_LIMITS: ElisionLimits = { maxRows: 16, maxCols: 25 };

export interface ElisionPlan {
  rowIndex: (number | null)[];
  colIndex: (number | null)[];
}

/** first ⌈(max−1)/2⌉ and last ⌊(max−1)/2⌋ of n, with one null between; all of n when it fits. */
export function headTail(n: number, max: number): (number | null)[] {
  if (n <= max) return range(0, n);
  const head = Math.ceil((max - 1) / 2), tail = max - 1 - head;
  return [...range(0, head), null, ...range(n - tail, n)];
}

/**
 * Rows: head and tail. Columns: the union of the columns the shown rows use
 * (`used(r)` lists them), the first and the last; gaps become null. When that
 * is still too wide, head and tail of the columns.
 */
export function elisionPlan(
  rows: number, cols: number, used: (r: number) => readonly number[], limits: ElisionLimits = DEFAULT_LIMITS,
): ElisionPlan {
  const rowIndex = headTail(rows, limits.maxRows);
  if (cols <= limits.maxCols) return { rowIndex, colIndex: range(0, cols) };
  const keep = new Set<number>([0, cols - 1]);
  for (const r of rowIndex) if (r !== null) for (const c of used(r)) keep.add(c);
  const sorted = [...keep].sort((a, b) => a - b);
  const colIndex: (number | null)[] = [];
  sorted.forEach((c, i) => {
    if (i > 0 && c > sorted[i - 1]! + 1) colIndex.push(null);
    colIndex.push(c);
  });
  return { rowIndex, colIndex: colIndex.length <= limits.maxCols ? colIndex : headTail(cols, limits.maxCols) };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
