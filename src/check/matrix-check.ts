import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { evaluateByWindow, matrixAndWindow } from '../evaluate/evaluate.ts';
import { substituteRandom } from '../evaluate/numeric.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { compareVectors } from './equivalence.ts';
import { type CheckReport, reportFrom } from './report.ts';
import { bothWays } from './both-ways.ts';
import { termOrder } from './term-order.ts';
import { assertWork } from '../work/guard.ts';
import { type WorkLimitsInput, withWorkLimits } from '../work/limits.ts';

/**
 * The central check: build the matrix of a spec, multiply it out symbolically,
 * compute the sliding window independently, and compare exactly.
 */
export interface Timings {
  build: number;
  product: number;
  slidingWindow: number;
  compare: number;
}

export interface MatrixCheck {
  spec: ConvSpec;
  matrix: ConvMatrix;
  product: Polynomial[];
  slidingWindow: Polynomial[];
  report: CheckReport;
  timings: Timings;
}

export interface CheckOptions {
  /** check this matrix instead of building one (to show that a wrong matrix is caught) */
  matrix?: ConvMatrix;
  /** the work limits for this call: a factor on the defaults or limits by name (see src/work/limits.ts) */
  maxWork?: WorkLimitsInput;
}

const now = () => performance.now();

export function checkMatrix(input: SpecInput | ConvSpec, opts: CheckOptions = {}): MatrixCheck {
  if (opts.maxWork !== undefined) return withWorkLimits(opts.maxWork, () => checkMatrix(input, { ...opts, maxWork: undefined }));
  assertWork(input, { kind: 'matrix' }); // on the sizes, before normalizeSpec names every input and output
  const spec = normalizeSpec(input);
  let t = now();
  const matrix = opts.matrix ?? convMatrix(spec);
  const build = now() - t;
  t = now();
  const product = matVec(matrix, spec.weights, spec.inputs, polynomialRing);
  const productTime = now() - t;
  t = now();
  const window = evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing);
  const windowTime = now() - t;
  t = now();
  let rank: ((id: number) => number) | undefined; // only needed to print a mismatch
  const report = reportFrom([compareVectors(product, window, {
    ring: polynomialRing, names: spec.outputNames, labels: ['matrix', 'sliding window'],
    show: (p) => polynomialToText(p, { rank: (rank ??= termOrder(spec)) }),
  })]);
  const compare = now() - t;
  return { spec, matrix, product, slidingWindow: window, report, timings: { build, product: productTime, slidingWindow: windowTime, compare } };
}

/**
 * The same comparison in float64 after substituting seeded random values in
 * [−1, 1) for every symbol; entries agree within 1e-9 relative tolerance.
 * Floats are what this check is for, so its report says it is not exact
 * (facts `exact: false` and `inexact`); checkMatrix is the exact one.
 */
export function checkMatrixNumeric(input: SpecInput | ConvSpec, seed = 1, opts: CheckOptions = {}): CheckReport {
  if (opts.maxWork !== undefined) return withWorkLimits(opts.maxWork, () => checkMatrixNumeric(input, seed, { ...opts, maxWork: undefined }));
  assertWork(input, { kind: 'eval' });
  const spec = normalizeSpec(input);
  const matrix = opts.matrix ?? convMatrix(spec);
  return bothWays(substituteRandom([spec.weights, spec.inputs], seed), (ring, [w, x]) => [matrixAndWindow(spec, w!, x!, ring, matrix)], {
    comparisons: [{ labels: ['matrix', 'sliding window'], names: spec.outputNames }],
    floats: `a numeric check: seeded random floats (seed ${seed}), compared within a relative 1e-9`,
  }).report;
}
