import type { Ring } from '../algebra/ring.ts';
import { workMeter } from '../algebra/work-meter.ts';

/**
 * The layout of a convolution matrix: compressed sparse rows (CSR) whose
 * nonzeros hold the index of a weight (its tap), not a value. This module owns
 * the arrays; everything outside src/matrix reads a matrix through the
 * functions below (rows, entries, transpose, materialise), never by index.
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

export function nonzeros(m: ConvMatrix): number {
  return m.colIndex.length;
}

/** The columns row r reads, ascending (a read-only view; empty outside the matrix). */
export function rowColumns(m: ConvMatrix, r: number): Int32Array {
  return r < 0 || r >= m.rows ? new Int32Array(0) : m.colIndex.subarray(m.rowPtr[r]!, m.rowPtr[r + 1]!);
}

/** The weight taps of row r, in the order of rowColumns (a read-only view). */
export function rowTaps(m: ConvMatrix, r: number): Int32Array {
  return r < 0 || r >= m.rows ? new Int32Array(0) : m.tap.subarray(m.rowPtr[r]!, m.rowPtr[r + 1]!);
}

/** Visits the nonzeros of rows [from, to) in order: row, column, tap. */
export function forEachEntry(m: ConvMatrix, visit: (row: number, col: number, tap: number) => void, from = 0, to = m.rows): void {
  for (let r = Math.max(0, from); r < Math.min(to, m.rows); r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) visit(r, m.colIndex[k]!, m.tap[k]!);
  }
}

/** The weight index at (r, c), or −1 for an empty entry. */
export function tapAt(m: ConvMatrix, r: number, c: number): number {
  let lo = m.rowPtr[r]!, hi = m.rowPtr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = m.colIndex[mid]!;
    if (x === c) return m.tap[mid]!;
    if (x < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Kᵀ, by a counting sort of the nonzeros by column (keeps columns ascending in each row). */
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
 * The same nonzeros with the column and the held index exchanged: entry (r, c)
 * holding t becomes entry (r, t) holding c, in a matrix of `held` columns
 * (columns ascending in each row). K(w) becomes Z(z), the im2col matrix.
 */
export function exchangeRoles(m: ConvMatrix, held: number): ConvMatrix {
  const nnz = m.colIndex.length;
  const colIndex = new Int32Array(nnz);
  const tap = new Int32Array(nnz);
  const order: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    const from = m.rowPtr[r]!, to = m.rowPtr[r + 1]!;
    order.length = 0;
    for (let k = from; k < to; k++) order.push(k);
    order.sort((a, b) => m.tap[a]! - m.tap[b]!);
    order.forEach((k, n) => {
      colIndex[from + n] = m.tap[k]!;
      tap[from + n] = m.colIndex[k]!;
    });
  }
  return { rows: m.rows, cols: held, rowPtr: m.rowPtr.slice(), colIndex, tap };
}

/**
 * Dense rows with each nonzero replaced by `weights[tap]` and `zero` elsewhere
 * (a ring's zero, or any placeholder such as a LaTeX cell). Only on demand: O(rows·cols).
 */
export function materialize<T>(m: ConvMatrix, weights: readonly T[], zero: Pick<Ring<T>, 'zero'>): T[][] {
  const out: T[][] = [];
  workMeter.denseCells += m.rows * m.cols;
  for (let r = 0; r < m.rows; r++) {
    const row: T[] = new Array(m.cols).fill(zero.zero);
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row[m.colIndex[k]!] = weights[m.tap[k]!]!;
    out.push(row);
  }
  return out;
}
