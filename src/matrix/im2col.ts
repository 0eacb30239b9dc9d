import type { ConvSpec, SpecInput } from '../geometry/spec.ts';
import { normalizeSpec } from '../geometry/spec.ts';
import { type ConvMatrix, exchangeRoles } from './csr.ts';
import { convMatrix } from './conv-matrix.ts';

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
