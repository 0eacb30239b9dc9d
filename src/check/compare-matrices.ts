import { type Polynomial, equalsPoly, subPoly } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { type Comparison, type Difference, MAX_DIFFERENCES } from './report.ts';
import { type PolyMatrix, forEachEntryPair, isPolyMatrix, polyMatrixFromDense } from '../matrix/poly-matrix.ts';

/**
 * An entry-by-entry comparison of two polynomial matrices (dense rows or
 * sparse) that reports the differing entries as `name[r,c]`. It walks the
 * nonzeros of both sides, so it costs their number, not rows × cols; the
 * report still counts every entry as compared.
 */

type AnyMatrix = PolyMatrix | readonly (readonly Polynomial[])[];

const sparse = (m: AnyMatrix): PolyMatrix => (isPolyMatrix(m) ? m : polyMatrixFromDense(m));

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
  forEachEntryPair(x, y, differ);
  return { equal: count === 0, left, right, compared: x.rows * x.cols, mismatchCount: count, differences };
}
