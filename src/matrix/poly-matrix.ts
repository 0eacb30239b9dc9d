import { type Polynomial, dotPolys, sumPolys, zeroPoly } from '../algebra/polynomial.ts';
import { workMeter } from '../algebra/work-meter.ts';
import { type ConvMatrix, forEachCell } from './csr.ts';

/**
 * A sparse matrix of exact polynomials (CSR, columns ascending in each row,
 * no stored zeros): the form in which the analyses multiply and compare
 * stage matrices. Products and comparisons cost the nonzeros they touch,
 * never rows × cols. Callers read it through `polyAt`, `polyRow` and
 * `polyToDense` (the last only for small matrices on display).
 */
export interface PolyMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: readonly Polynomial[];
}

export function isPolyMatrix(m: unknown): m is PolyMatrix {
  return typeof m === 'object' && m !== null && (m as PolyMatrix).rowPtr instanceof Int32Array && Array.isArray((m as PolyMatrix).values);
}

/**
 * Walks the entries two matrices of the same shape store, row by row with
 * columns ascending: `visit(r, c, p, q)` once for every (r, c) either side
 * stores, with zero on the side that stores nothing there.
 */
export function forEachEntryPair(a: PolyMatrix, b: PolyMatrix, visit: (r: number, c: number, p: Polynomial, q: Polynomial) => void): void {
  for (let r = 0; r < a.rows; r++) {
    let i = a.rowPtr[r]!, j = b.rowPtr[r]!;
    const iEnd = a.rowPtr[r + 1]!, jEnd = b.rowPtr[r + 1]!;
    while (i < iEnd || j < jEnd) {
      const ci = i < iEnd ? a.colIndex[i]! : Infinity, cj = j < jEnd ? b.colIndex[j]! : Infinity;
      if (ci === cj) visit(r, ci, a.values[i++]!, b.values[j++]!);
      else if (ci < cj) visit(r, ci, a.values[i++]!, zeroPoly);
      else visit(r, cj, zeroPoly, b.values[j++]!);
    }
  }
}

/** K with its entries taken from `weights` by tap, a summed entry added up (zero entries left out). */
export function polyMatrixOf(m: ConvMatrix, weights: readonly Polynomial[]): PolyMatrix {
  const rowPtr = new Int32Array(m.rows + 1);
  const cols: number[] = [], values: Polynomial[] = [];
  let r = 0;
  forEachCell(m, (row, c, taps) => {
    for (; r < row; r++) rowPtr[r + 1] = cols.length;
    const w = taps.length === 1 ? weights[taps[0]!]! : sumPolys(taps.map((t) => weights[t]!));
    if (!w.isZero()) { cols.push(c); values.push(w); }
  });
  for (; r < m.rows; r++) rowPtr[r + 1] = cols.length;
  return { rows: m.rows, cols: m.cols, rowPtr, colIndex: Int32Array.from(cols), values };
}

/** A dense array of rows as a sparse matrix (it must be rectangular). */
export function polyMatrixFromDense(dense: readonly (readonly Polynomial[])[]): PolyMatrix {
  const ncols = dense[0]?.length ?? 0;
  const rowPtr = new Int32Array(dense.length + 1);
  const cols: number[] = [], values: Polynomial[] = [];
  dense.forEach((row, r) => {
    if (row.length !== ncols) throw new RangeError(`polyMatrixFromDense: row ${r} has ${row.length} entries, row 0 has ${ncols}`);
    row.forEach((p, c) => { if (!p.isZero()) { cols.push(c); values.push(p); } });
    rowPtr[r + 1] = cols.length;
  });
  return { rows: dense.length, cols: ncols, rowPtr, colIndex: Int32Array.from(cols), values };
}

/** The entry at (r, c); zero where nothing is stored. */
export function polyAt(m: PolyMatrix, r: number, c: number): Polynomial {
  let lo = m.rowPtr[r]!, hi = m.rowPtr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, x = m.colIndex[mid]!;
    if (x === c) return m.values[mid]!;
    if (x < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return zeroPoly;
}

/** The columns that hold an entry in row r, ascending. */
export function polyRow(m: PolyMatrix, r: number): number[] {
  return Array.from(m.colIndex.subarray(m.rowPtr[r]!, m.rowPtr[r + 1]!));
}

/** Dense rows (zero where empty): rows × cols cells, for small matrices only. */
export function polyToDense(m: PolyMatrix): Polynomial[][] {
  workMeter.denseCells += m.rows * m.cols;
  return Array.from({ length: m.rows }, (_, r) => {
    const row = new Array<Polynomial>(m.cols).fill(zeroPoly);
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row[m.colIndex[k]!] = m.values[k]!;
    return row;
  });
}

/**
 * A·B over the nonzeros: row i of the product gathers, for each entry a_ik,
 * the entries of row k of B, and sums a_ik·b_kj per column j in one dot product.
 */
export function polyMatMul(a: PolyMatrix, b: PolyMatrix): PolyMatrix {
  if (a.cols !== b.rows) throw new RangeError(`polyMatMul: ${a.rows}×${a.cols} times ${b.rows}×${b.cols}`);
  const slot = new Int32Array(b.cols).fill(-1);
  const rowPtr = new Int32Array(a.rows + 1);
  const outCols: number[] = [], outValues: Polynomial[] = [];
  for (let i = 0; i < a.rows; i++) {
    const touched: number[] = [], left: Polynomial[][] = [], right: Polynomial[][] = [];
    for (let p = a.rowPtr[i]!; p < a.rowPtr[i + 1]!; p++) {
      const k = a.colIndex[p]!, aik = a.values[p]!;
      for (let q = b.rowPtr[k]!; q < b.rowPtr[k + 1]!; q++) {
        const j = b.colIndex[q]!;
        let s = slot[j]!;
        if (s < 0) { s = touched.length; slot[j] = s; touched.push(j); left.push([]); right.push([]); }
        left[s]!.push(aik);
        right[s]!.push(b.values[q]!);
      }
    }
    const order = touched.map((j, s) => [j, s] as const).sort((x, y) => x[0] - y[0]);
    for (const [j, s] of order) {
      slot[j] = -1;
      const v = dotPolys(left[s]!, right[s]!);
      if (!v.isZero()) { outCols.push(j); outValues.push(v); }
    }
    rowPtr[i + 1] = outCols.length;
  }
  workMeter.entries += outCols.length;
  return { rows: a.rows, cols: b.cols, rowPtr, colIndex: Int32Array.from(outCols), values: outValues };
}

/** The same matrix with rows and columns reordered: new row i is old row rowOrder[i]; old column c becomes colPosition[c]. */
export function permutePolyMatrix(m: PolyMatrix, rowOrder: readonly number[], colPosition: readonly number[]): PolyMatrix {
  const rowPtr = new Int32Array(m.rows + 1);
  const cols: number[] = [], values: Polynomial[] = [];
  rowOrder.forEach((old, i) => {
    const entries: Array<[number, Polynomial]> = [];
    for (let k = m.rowPtr[old]!; k < m.rowPtr[old + 1]!; k++) entries.push([colPosition[m.colIndex[k]!]!, m.values[k]!]);
    entries.sort((x, y) => x[0] - y[0]);
    for (const [c, v] of entries) { cols.push(c); values.push(v); }
    rowPtr[i + 1] = cols.length;
  });
  return { rows: m.rows, cols: m.cols, rowPtr, colIndex: Int32Array.from(cols), values };
}

/** M·x: one dot product per row over its nonzeros. */
export function polyMatVec(m: PolyMatrix, x: readonly Polynomial[]): Polynomial[] {
  if (x.length !== m.cols) throw new RangeError(`polyMatVec: vector has ${x.length} entries, matrix has ${m.cols} columns`);
  return Array.from({ length: m.rows }, (_, r) => {
    const ws: Polynomial[] = [], xs: Polynomial[] = [];
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) { ws.push(m.values[k]!); xs.push(x[m.colIndex[k]!]!); }
    return dotPolys(ws, xs);
  });
}
