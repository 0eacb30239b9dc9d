import type { ConvSpec, SpecInput } from '../geometry/spec.ts';
import { normalizeSpec } from '../geometry/spec.ts';
import { type ConvMatrix, exchangeRoles } from './csr.ts';
import { convMatrix } from './conv-matrix.ts';
import { product } from '../geometry/names.ts';

/**
 * Z, the im2col ("unfold") matrix: the same products as K with the roles of
 * weights and inputs exchanged, K(w)·z = Z(z)·w. Row r of Z is output r; its
 * column t is weight t (the flat index into spec.weights); a nonzero holds
 * the index of the input it multiplies. An entry of K at (r, i) holding weight t
 * is the entry of Z at (r, t) holding input i, so every view and product of K
 * (matVec, materialize, transposeMatrix) serves Z with `inputs` in place of
 * `weights`: Z·w = matVec(Z, inputs, weights), and the weight gradient Zᵀ·δ =
 * matVec(transposeMatrix(Z), inputs, δ).
 */
export function im2colMatrix(spec: SpecInput | ConvSpec): ConvMatrix {
  const s = normalizeSpec(spec);
  return exchangeRoles(convMatrix(s), s.weights.length);
}

/**
 * The dense buffer a GEMM implementation fills, per group: for a convolution
 * the unfold U_g, (C_in/groups·Πk) × L with L the output positions (F.unfold's
 * matrix; Z repeats it once per output channel of the group); for a transposed
 * convolution the columns W_gᵀ·x, (C_out/groups·Πk) × L_in, that col2im
 * scatters onto the output. Both are product(weightShape[1:]) rows.
 */
export function gemmBuffer(spec: ConvSpec): { rows: number; cols: number; groups: number } {
  const rows = product(spec.weightShape.slice(1));
  const cols = product(spec.transposed ? spec.input : spec.output);
  return { rows, cols, groups: spec.groups };
}
