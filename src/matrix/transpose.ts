import type { ConvMatrix } from './conv-matrix.ts';

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
