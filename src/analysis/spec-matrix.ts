import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { materialize } from '../matrix/csr.ts';
import { type PolyMatrix, polyMatrixOf } from '../matrix/poly-matrix.ts';
import { assertWork } from '../work/guard.ts';

/**
 * A spec's matrix as exact polynomials, sparse or dense on demand: what the
 * analyses multiply into stage products and the checks compare.
 */

/** The dense polynomial matrix of a spec (K, or Kᵀ when transposed), with `weights` in place of the spec's own. */
export function polynomialMatrix(spec: ConvSpec, weights: readonly Polynomial[] = spec.weights): Polynomial[][] {
  assertWork(spec, { kind: 'dense' });
  return materialize(convMatrix(spec), weights, polynomialRing);
}

/** The sparse polynomial matrix of a spec, with `weights` in place of the spec's own. */
export function sparsePolynomialMatrix(spec: ConvSpec, weights: readonly Polynomial[] = spec.weights): PolyMatrix {
  return polyMatrixOf(convMatrix(spec), weights);
}
