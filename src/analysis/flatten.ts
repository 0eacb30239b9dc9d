import { SpecError } from '../errors.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { type CheckReport, reportFrom } from '../check/report.ts';
import { type PolyMatrix, permutePolyMatrix, polyMatVec } from '../matrix/poly-matrix.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { sparsePolynomialMatrix } from './dense-compare.ts';

/**
 * Flattening (vec): a tensor [C, ...spatial] laid out as one long vector.
 * Row-major (the default, convmat's own layout) lets the last axis vary
 * fastest with channels outermost; column-major lets the first axis vary
 * fastest. And the lecture's "flatten, then a fully connected layer": a
 * convolution is the dense layer whose weight matrix is K, applied to vec(x).
 */
export type VecOrder = 'row-major' | 'column-major';

export interface VecEntry {
  /** position in the flat vector */
  position: number;
  /** multi-index in the tensor's shape */
  index: number[];
  /** position of the same element in row-major order (convmat's storage) */
  rowMajor: number;
  name: string | null;
}

function parseOrder(order: unknown): VecOrder {
  if (order === 'row-major' || order === 'column-major') return order;
  throw new SpecError({ field: 'order', value: order, rule: 'must be row-major or column-major' });
}

/** The element at each flat position: position ↔ multi-index ↔ name. `names` are in row-major order. */
export function vecTable(shape: readonly number[], order: VecOrder = 'row-major', names?: readonly string[] | null): VecEntry[] {
  parseOrder(order);
  const total = product(shape);
  if (names && names.length !== total) throw new SpecError({ field: 'names', value: names.length, rule: `needs ${total} names for shape [${shape.join(', ')}]` });
  const axes = shape.map((_, a) => a);
  const fastestFirst = order === 'row-major' ? [...axes].reverse() : axes;
  return Array.from({ length: total }, (_, position) => {
    const index = new Array<number>(shape.length).fill(0);
    let rest = position;
    for (const a of fastestFirst) { index[a] = rest % shape[a]!; rest = Math.floor(rest / shape[a]!); }
    const rowMajor = index.reduce((acc, i, a) => acc * shape[a]! + i, 0);
    return { position, index, rowMajor, name: names?.[rowMajor] ?? null };
  });
}

/** Reorders values stored row-major into the given vec order. */
export function vec<T>(values: readonly T[], shape: readonly number[], order: VecOrder = 'row-major'): T[] {
  if (values.length !== product(shape)) throw new SpecError({ field: 'values', value: values.length, rule: `needs ${product(shape)} values for shape [${shape.join(', ')}]` });
  return vecTable(shape, order).map((e) => values[e.rowMajor]!);
}

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
