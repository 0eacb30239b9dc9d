import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type PolyMatrix, permutePolyMatrix, polyMatVec } from '../matrix/poly-matrix.ts';
import { type VecOrder, parseOrder, vecTable } from '../analysis/flatten.ts';
import { sparsePolynomialMatrix } from '../analysis/spec-matrix.ts';
import { compareVectors } from './equivalence.ts';
import { type CheckReport, reportFrom } from './report.ts';

export interface DenseLayer {
  order: VecOrder;
  /** the dense layer's weight matrix: K with rows and columns in vec order (stored sparse; polyToDense draws it) */
  weights: PolyMatrix;
  /** vec(input) and vec(output), with their names */
  inputVec: Polynomial[];
  inputNames: string[];
  outputNames: string[];
  /** the dense layer applied: weights · vec(input) */
  dense: Polynomial[];
  /** vec of the convolution computed by the sliding window */
  convolution: Polynomial[];
  report: CheckReport;
}

/**
 * The convolution as a fully connected layer on the flattened input: the
 * dense layer's weight matrix is K with its rows permuted to vec(output) and
 * columns to vec(input) (its zeros are not stored, so the cost is that of K);
 * W·vec(x) is checked against vec of the sliding-window result.
 */
export function convAsDenseLayer(input: SpecInput | ConvSpec, order: VecOrder = 'row-major'): DenseLayer {
  parseOrder(order);
  const spec = normalizeSpec(input);
  const rows = vecTable(spec.outputShape, order, spec.outputNames);
  const cols = vecTable(spec.inputShape, order, spec.inputNames);
  const position = new Array<number>(cols.length);
  for (const c of cols) position[c.rowMajor] = c.position;
  const weights = permutePolyMatrix(sparsePolynomialMatrix(spec), rows.map((r) => r.rowMajor), position);
  const inputVec = cols.map((c) => spec.inputs[c.rowMajor]!);
  const dense = polyMatVec(weights, inputVec);
  const window = evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing);
  const convolution = rows.map((r) => window[r.rowMajor]!);
  const outputNames = rows.map((r) => r.name!);
  const report = reportFrom([compareVectors(dense, convolution, {
    ring: polynomialRing, names: outputNames, labels: ['dense layer', 'convolution'], show: (p) => polynomialToText(p),
  })]);
  return { order, weights, inputVec, inputNames: cols.map((c) => c.name ?? `[${c.rowMajor}]`), outputNames, dense, convolution, report };
}
