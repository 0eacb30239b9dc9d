import type { Ring } from '../algebra/ring.ts';
import { workMeter } from '../algebra/work-meter.ts';

/**
 * The layout of a convolution matrix: compressed sparse rows (CSR) whose
 * nonzeros hold the index of a weight (its tap), not a value. This module owns
 * the arrays; everything outside src/matrix reads a matrix through the
 * functions below (rows, entries, transpose, materialise), never by index.
 *
 * Summed entries. With reflect or replicate padding one output reads the same
 * input through two taps, so the entry (r, c) is a sum of weights
 * (w2 + w4). It is stored as one nonzero per tap: in a row, columns are
 * ascending, and a column may repeat on adjacent nonzeros, their taps
 * ascending. So a stored nonzero is one (row, column, tap) triple, and an
 * entry is the run of triples with the same (row, column): `tapsAt` and
 * `forEachCell` read entries, `nonzeros` counts them; `forEachEntry` visits
 * triples (sums of products over triples are the products of the entries).
 * Zeros padding never repeats a column; circular padding does only when the
 * kernel spans more than the input (the window wraps onto itself).
 */
export interface ConvMatrix {
  readonly rows: number;
  readonly cols: number;
  /** row r's nonzeros are rowPtr[r] … rowPtr[r+1]−1 */
  readonly rowPtr: Int32Array;
  readonly colIndex: Int32Array;
  /** the flat index held by each nonzero: a weight's in K, an input's in Z (im2col, see exchangeRoles) */
  readonly tap: Int32Array;
}

export function isConvMatrix(m: unknown): m is ConvMatrix {
  return typeof m === 'object' && m !== null && (m as ConvMatrix).rowPtr instanceof Int32Array && (m as ConvMatrix).tap instanceof Int32Array;
}

/** The entries that are not empty: distinct (row, column) pairs (a summed entry counts once). */
export function nonzeros(m: ConvMatrix): number {
  let n = m.colIndex.length;
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]! + 1; k < m.rowPtr[r + 1]!; k++) if (m.colIndex[k] === m.colIndex[k - 1]) n--;
  }
  return n;
}

/** The stored (row, column, tap) triples: the multiply-adds of the sliding window, nonzeros(m) or more. */
export function storedTaps(m: ConvMatrix): number {
  return m.colIndex.length;
}

/** The columns row r reads, ascending, a summed entry's column once per tap (a read-only view; empty outside the matrix). */
export function rowColumns(m: ConvMatrix, r: number): Int32Array {
  return r < 0 || r >= m.rows ? new Int32Array(0) : m.colIndex.subarray(m.rowPtr[r]!, m.rowPtr[r + 1]!);
}

/** The columns of row r's entries, ascending, each once (a summed entry's column too). */
export function entryColumns(m: ConvMatrix, r: number): number[] {
  const cols = rowColumns(m, r);
  return Array.from(cols).filter((c, k) => k === 0 || c !== cols[k - 1]);
}

/** The weight taps of row r, in the order of rowColumns (a read-only view). */
export function rowTaps(m: ConvMatrix, r: number): Int32Array {
  return r < 0 || r >= m.rows ? new Int32Array(0) : m.tap.subarray(m.rowPtr[r]!, m.rowPtr[r + 1]!);
}

/** Visits the stored triples of rows [from, to) in order: row, column, tap (a summed entry visits its column once per tap). */
export function forEachEntry(m: ConvMatrix, visit: (row: number, col: number, tap: number) => void, from = 0, to = m.rows): void {
  for (let r = Math.max(0, from); r < Math.min(to, m.rows); r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) visit(r, m.colIndex[k]!, m.tap[k]!);
  }
}

/**
 * Visits the entries of rows [from, to) in order: row, column and the taps
 * whose weights the entry sums (one tap, or more for a summed entry; ascending).
 * The taps array is reused between calls: copy it to keep it.
 */
export function forEachCell(m: ConvMatrix, visit: (row: number, col: number, taps: readonly number[]) => void, from = 0, to = m.rows): void {
  const taps: number[] = [];
  for (let r = Math.max(0, from); r < Math.min(to, m.rows); r++) {
    const end = m.rowPtr[r + 1]!;
    for (let k = m.rowPtr[r]!; k < end;) {
      const c = m.colIndex[k]!;
      taps.length = 0;
      while (k < end && m.colIndex[k] === c) taps.push(m.tap[k++]!);
      visit(r, c, taps);
    }
  }
}

/** The weight indices the entry (r, c) sums, ascending: one, several for a summed entry, none for an empty entry. */
export function tapsAt(m: ConvMatrix, r: number, c: number): number[] {
  let lo = m.rowPtr[r]!, hi = m.rowPtr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = m.colIndex[mid]!;
    if (x < c) lo = mid + 1;
    else hi = mid - 1;
  }
  const taps: number[] = [];
  for (let k = lo; k < m.rowPtr[r + 1]! && m.colIndex[k] === c; k++) taps.push(m.tap[k]!);
  return taps;
}

/** Kᵀ, by a stable counting sort of the triples by column (columns ascending in each row, a summed entry's taps kept adjacent and ascending). */
export function transposeMatrix(m: ConvMatrix): ConvMatrix {
  const nnz = m.colIndex.length;
  const rowPtr = new Int32Array(m.cols + 1);
  for (let k = 0; k < nnz; k++) rowPtr[m.colIndex[k]! + 1]!++;
  for (let c = 0; c < m.cols; c++) rowPtr[c + 1]! += rowPtr[c]!;
  const next = rowPtr.slice(0, m.cols);
  const colIndex = new Int32Array(nnz);
  const tap = new Int32Array(nnz);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      const dst = next[m.colIndex[k]!]!++;
      colIndex[dst] = r;
      tap[dst] = m.tap[k]!;
    }
  }
  return { rows: m.cols, cols: m.rows, rowPtr, colIndex, tap };
}

/**
 * The same triples with the column and the held index exchanged: entry (r, c)
 * holding t becomes entry (r, t) holding c, in a matrix of `held` columns
 * (columns ascending in each row). K(w) becomes Z(z), the im2col matrix. A
 * row of K uses each tap once, so Z never repeats a column, even where K sums.
 */
export function exchangeRoles(m: ConvMatrix, held: number): ConvMatrix {
  return inRowOrder({ rows: m.rows, cols: held, rowPtr: m.rowPtr, colIndex: m.tap, tap: m.colIndex });
}

/**
 * The same triples in the layout's order: in each row, columns ascending and,
 * among repeats of a column, held indices ascending. For builders whose
 * triples arrive out of order (padding taps, exchanged roles); new arrays.
 */
export function inRowOrder(m: ConvMatrix): ConvMatrix {
  const colIndex = new Int32Array(m.colIndex.length);
  const tap = new Int32Array(m.tap.length);
  const order: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    const from = m.rowPtr[r]!, to = m.rowPtr[r + 1]!;
    order.length = 0;
    for (let k = from; k < to; k++) order.push(k);
    order.sort((a, b) => m.colIndex[a]! - m.colIndex[b]! || m.tap[a]! - m.tap[b]!);
    order.forEach((k, n) => {
      colIndex[from + n] = m.colIndex[k]!;
      tap[from + n] = m.tap[k]!;
    });
  }
  return { rows: m.rows, cols: m.cols, rowPtr: m.rowPtr.slice(), colIndex, tap };
}

/**
 * Dense rows with each entry replaced by `weights[tap]` (a summed entry by the
 * `add` of its taps' weights, in tap order) and `zero` elsewhere: a ring, or
 * placeholders such as LaTeX cells joined by +. Only on demand: O(rows·cols).
 */
export function materialize<T>(m: ConvMatrix, weights: readonly T[], ring: Pick<Ring<T>, 'zero' | 'add'>): T[][] {
  const out: T[][] = [];
  workMeter.denseCells += m.rows * m.cols;
  for (let r = 0; r < m.rows; r++) {
    const row: T[] = new Array(m.cols).fill(ring.zero);
    const from = m.rowPtr[r]!;
    for (let k = from; k < m.rowPtr[r + 1]!; k++) {
      const c = m.colIndex[k]!, w = weights[m.tap[k]!]!;
      row[c] = k > from && m.colIndex[k - 1] === c ? ring.add(row[c]!, w) : w;
    }
    out.push(row);
  }
  return out;
}
