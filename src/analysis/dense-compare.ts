import { type Polynomial, equalsPoly, subPoly, zeroPoly } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type Comparison, type Difference, MAX_DIFFERENCES } from '../check/report.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { type PolyMatrix, polyMatrixFromDense, polyMatrixOf } from '../matrix/poly-matrix.ts';
import { materialize } from '../matrix/products.ts';
import { assertWork } from '../work/guard.ts';

/**
 * Shared by the analysis modules: a spec's matrix as exact polynomials
 * (sparse, or dense on demand), and an entry-by-entry comparison of two
 * matrices that reports the first differing entry as `name[r,c]`. The
 * comparison walks the nonzeros of both sides, so it costs their number,
 * not rows × cols; the report still counts every entry as compared.
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

type AnyMatrix = PolyMatrix | readonly (readonly Polynomial[])[];

const sparse = (m: AnyMatrix): PolyMatrix => ('rowPtr' in m ? m : polyMatrixFromDense(m));

/** Compares two matrices (dense rows or sparse) exactly; a shape mismatch is reported as the reason. */
export function compareMatrices(a: AnyMatrix, b: AnyMatrix, labels: [string, string], name = 'M'): Comparison {
  const x = sparse(a), y = sparse(b);
  const [left, right] = labels;
  if (x.rows !== y.rows || x.cols !== y.cols) {
    return {
      equal: false, left, right, compared: 0, mismatchCount: Math.max(x.rows * x.cols, y.rows * y.cols), differences: [],
      reason: `${left} is ${x.rows}×${x.cols}, ${right} is ${y.rows}×${y.cols}`,
    };
  }
  const comparison = `${left} = ${right}`;
  const differences: Difference[] = [];
  let count = 0;
  const differ = (r: number, c: number, p: Polynomial, q: Polynomial) => {
    if (equalsPoly(p, q)) return;
    count++;
    if (differences.length < MAX_DIFFERENCES) differences.push({
      comparison, index: r * x.cols + c, name: `${name}[${r},${c}]`,
      left: polynomialToText(p), right: polynomialToText(q), difference: polynomialToText(subPoly(p, q)),
    });
  };
  for (let r = 0; r < x.rows; r++) {
    let i = x.rowPtr[r]!, j = y.rowPtr[r]!;
    const iEnd = x.rowPtr[r + 1]!, jEnd = y.rowPtr[r + 1]!;
    while (i < iEnd || j < jEnd) {
      const ci = i < iEnd ? x.colIndex[i]! : Infinity, cj = j < jEnd ? y.colIndex[j]! : Infinity;
      if (ci === cj) differ(r, ci, x.values[i++]!, y.values[j++]!);
      else if (ci < cj) differ(r, ci, x.values[i++]!, zeroPoly);
      else differ(r, cj, zeroPoly, y.values[j++]!);
    }
  }
  return { equal: count === 0, left, right, compared: x.rows * x.cols, mismatchCount: count, differences };
}
