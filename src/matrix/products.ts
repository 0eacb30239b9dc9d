import { type Ring, dotProduct } from '../algebra/ring.ts';
import type { TermRecorder } from '../algebra/term-recorder.ts';
import { workMeter } from '../algebra/work-meter.ts';
import type { ConvMatrix } from './csr.ts';

/** K·x over any ring, with K's entries taken from `weights` by tap index. */
export function matVec<T>(m: ConvMatrix, weights: readonly T[], x: readonly T[], ring: Ring<T>): T[] {
  if (x.length !== m.cols) throw new RangeError(`matVec: vector has ${x.length} entries, matrix has ${m.cols} columns`);
  const out: T[] = new Array(m.rows);
  // reused between rows: set to each row's length only when it changes (emptying would free the backing store)
  const ws: T[] = [], xs: T[] = [];
  for (let r = 0; r < m.rows; r++) {
    let n = 0;
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      ws[n] = weights[m.tap[k]!]!;
      xs[n++] = x[m.colIndex[k]!]!;
    }
    if (ws.length !== n) { ws.length = n; xs.length = n; }
    out[r] = dotProduct(ring, ws, xs);
  }
  return out;
}

/**
 * K·z onto a term recorder, straight from the CSR arrays (the bilinear fast
 * path): for each row, one `term(tap, column)` per stored triple, then `end()`.
 */
export function matVecTerms(m: ConvMatrix, recorder: Pick<TermRecorder, 'term' | 'end'>): void {
  const { rowPtr, colIndex, tap } = m;
  for (let r = 0; r < m.rows; r++) {
    for (let k = rowPtr[r]!, end = rowPtr[r + 1]!; k < end; k++) recorder.term(tap[k]!, colIndex[k]!);
    recorder.end();
  }
}

/** A·B for dense matrices over a ring (used to compose stages, e.g. pointwise × depthwise). */
export function matMul<T>(a: readonly (readonly T[])[], b: readonly (readonly T[])[], ring: Ring<T>): T[][] {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  workMeter.denseCells += a.length * cols;
  workMeter.terms += a.length * inner * cols;
  return a.map((row) => {
    if (row.length !== inner) throw new RangeError(`matMul: ${row.length} columns times ${inner} rows`);
    return Array.from({ length: b[0]?.length ?? 0 }, (_, c) => ring.sum(row.map((v, k) => ring.mul(v, b[k]![c]!))));
  });
}
