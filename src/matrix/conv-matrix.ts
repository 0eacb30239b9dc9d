import { TapRows, regularShape } from '../geometry/index-map.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type ConvMatrix, inRowOrder, transposeMatrix } from './csr.ts';
import { workMeter } from '../algebra/work-meter.ts';

/**
 * The matrix of a spec, built from the index map: structured and sparse (the
 * layout is csr.ts). One axis gives a banded Toeplitz matrix, 2D a
 * doubly-block Toeplitz one, groups a block-diagonal one; values are
 * materialised only on demand.
 */
export type { ConvMatrix } from './csr.ts';

/**
 * K of the regular convolution underlying a spec: K[o, i] += w[j] for every tap
 * that reads input i (with zeros padding, the taps that land inside the input;
 * with another mode, padding taps too, which read the input their cell copies).
 */
export function regularMatrix(spec: ConvSpec): ConvMatrix {
  const { rows, cols } = regularShape(spec);
  const taps = new TapRows(spec);
  const colIndex = new Int32Array(rows * taps.widest);
  const tap = new Int32Array(colIndex.length);
  const rowPtr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let r = 0; r < rows; r++) rowPtr[r + 1] = nnz = taps.write(r, colIndex, tap, nnz);
  workMeter.entries += nnz;
  // every tap reads an input (no padding): the arrays are full, no copy
  const full = nnz === colIndex.length;
  const m = { rows, cols, rowPtr, colIndex: full ? colIndex : colIndex.slice(0, nnz), tap: full ? tap : tap.slice(0, nnz) };
  // padding taps arrive out of order; zeros padding visits columns in order already
  return spec.paddingMode === 'zeros' ? m : inRowOrder(m);
}

/** The matrix of a spec: K for a convolution, Kᵀ for a transposed convolution. */
export function convMatrix(spec: SpecInput | ConvSpec): ConvMatrix {
  const s = normalizeSpec(spec);
  const k = regularMatrix(s);
  return s.transposed ? transposeMatrix(k) : k;
}
