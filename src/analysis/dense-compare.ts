import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type EquivalenceReport, compareVectors } from '../check/equivalence.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { materialize } from '../matrix/products.ts';

/**
 * Shared by the analysis modules: a spec's matrix materialised as exact
 * polynomials, and an entry-by-entry comparison of two dense polynomial
 * matrices that reports the first differing entry as `name[r,c]`.
 */

/** The dense polynomial matrix of a spec (K, or Kᵀ when transposed), with `weights` in place of the spec's own. */
export function polynomialMatrix(spec: ConvSpec, weights: readonly Polynomial[] = spec.weights): Polynomial[][] {
  return materialize(convMatrix(spec), weights, polynomialRing);
}

/** Compares two dense polynomial matrices exactly; a shape mismatch is reported as the reason. */
export function compareMatrices(
  a: readonly (readonly Polynomial[])[], b: readonly (readonly Polynomial[])[],
  labels: [string, string], name = 'M',
): EquivalenceReport {
  const colsA = a[0]?.length ?? 0, colsB = b[0]?.length ?? 0;
  if (a.length !== b.length || colsA !== colsB) {
    return {
      equal: false, left: labels[0], right: labels[1], compared: 0,
      mismatchCount: Math.max(a.length * colsA, b.length * colsB), first: null,
      reason: `${labels[0]} is ${a.length}×${colsA}, ${labels[1]} is ${b.length}×${colsB}`,
    };
  }
  const names: string[] = [];
  for (let r = 0; r < a.length; r++) for (let c = 0; c < colsA; c++) names.push(`${name}[${r},${c}]`);
  return compareVectors(a.flat(), b.flat(), {
    ring: polynomialRing, names, labels, show: (p) => polynomialToText(p),
  });
}
