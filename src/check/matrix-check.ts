import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { termPolynomial, termPolynomials } from '../algebra/term-vector.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { evaluateByWindow, matrixAndWindow } from '../evaluate/evaluate.ts';
import { substituteRandom } from '../evaluate/numeric.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { type BilinearSides, bilinearSides, compareTermVectors } from './bilinear-check.ts';
import { compareVectors } from './equivalence.ts';
import { type CheckReport, reportFrom } from './report.ts';
import { bothWays } from './both-ways.ts';
import { termOrder } from './term-order.ts';
import { assertWork } from '../work/guard.ts';
import { type WorkLimitsInput, withWorkLimits } from '../work/limits.ts';
import { assertKnownOptions } from '../geometry/known-keys.ts';

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
  /** K·z, one polynomial per output (made on first read on the bilinear path) */
  readonly product: Polynomial[];
  /** the sliding window, one polynomial per output (made on first read on the bilinear path) */
  readonly slidingWindow: Polynomial[];
  report: CheckReport;
  timings: Timings;
  /** how the two sides were computed: as typed arrays of terms (bilinear-check.ts), or as general polynomials */
  path: 'bilinear' | 'general';
  /** output i of one side, made alone on the bilinear path (a large 1D check is printed without holding every polynomial) */
  polynomialAt(side: 'product' | 'slidingWindow', i: number): Polynomial;
}

export interface CheckOptions {
  /** check this matrix instead of building one (to show that a wrong matrix is caught) */
  matrix?: ConvMatrix;
  /** the work limits for this call: a factor on the defaults or limits by name (see src/work/limits.ts) */
  maxWork?: WorkLimitsInput;
  /** 'general' computes with general polynomials even when the bilinear fast path applies (to hold one against the other) */
  path?: 'auto' | 'general';
}

const CHECK_OPTIONS = { matrix: true, maxWork: true, path: true } as const satisfies Record<keyof CheckOptions, true>;

const now = () => performance.now();

export function checkMatrix(input: SpecInput | ConvSpec, opts: CheckOptions = {}): MatrixCheck {
  assertKnownOptions(opts, CHECK_OPTIONS, 'the options of checkMatrix');
  if (opts.maxWork !== undefined) return withWorkLimits(opts.maxWork, () => checkMatrix(input, { ...opts, maxWork: undefined }));
  assertWork(input, { kind: 'matrix' }); // on the sizes, before normalizeSpec names every input and output
  const spec = normalizeSpec(input);
  const t = now();
  const matrix = opts.matrix ?? convMatrix(spec);
  const build = now() - t;
  const sides = opts.path === 'general' ? null : bilinearSides(spec, matrix);
  return sides ? bilinearCheck(spec, matrix, build, sides) : generalCheck(spec, matrix, build);
}

/** How a mismatch is printed: in the lecture's term order (computed only when something differs). */
function compareOptions(spec: ConvSpec) {
  let rank: ((id: number) => number) | undefined;
  return {
    get names() { return spec.outputNames; }, labels: ['matrix', 'sliding window'] as [string, string],
    show: (p: Polynomial) => polynomialToText(p, { rank: (rank ??= termOrder(spec)) }),
  };
}

function bilinearCheck(spec: ConvSpec, matrix: ConvMatrix, build: number, sides: BilinearSides): MatrixCheck {
  const t = now();
  const report = reportFrom([compareTermVectors(sides.product, sides.slidingWindow, compareOptions(spec))]);
  const compare = now() - t;
  let product: Polynomial[] | undefined, window: Polynomial[] | undefined;
  return {
    spec, matrix, report, path: 'bilinear',
    get product() { return (product ??= termPolynomials(sides.product)); },
    get slidingWindow() { return (window ??= termPolynomials(sides.slidingWindow)); },
    polynomialAt: (side, i) => termPolynomial(sides[side], i),
    timings: { build, product: sides.productTime, slidingWindow: sides.slidingWindowTime, compare },
  };
}

function generalCheck(spec: ConvSpec, matrix: ConvMatrix, build: number): MatrixCheck {
  let t = now();
  const product = matVec(matrix, spec.weights, spec.inputs, polynomialRing);
  const productTime = now() - t;
  t = now();
  const window = evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing);
  const windowTime = now() - t;
  t = now();
  const report = reportFrom([compareVectors(product, window, Object.assign(compareOptions(spec), { ring: polynomialRing }))]);
  const compare = now() - t;
  const sides = { product, slidingWindow: window };
  return { spec, matrix, product, slidingWindow: window, report, path: 'general', polynomialAt: (side, i) => sides[side][i]!, timings: { build, product: productTime, slidingWindow: windowTime, compare } };
}

/**
 * The same comparison in float64 after substituting seeded random values in
 * [−1, 1) for every symbol; entries agree within 1e-9 relative tolerance.
 * Floats are what this check is for, so its report says it is not exact
 * (facts `exact: false` and `inexact`); checkMatrix is the exact one.
 */
export function checkMatrixNumeric(input: SpecInput | ConvSpec, seed = 1, opts: CheckOptions = {}): CheckReport {
  assertKnownOptions(opts, CHECK_OPTIONS, 'the options of checkMatrixNumeric');
  if (opts.maxWork !== undefined) return withWorkLimits(opts.maxWork, () => checkMatrixNumeric(input, seed, { ...opts, maxWork: undefined }));
  assertWork(input, { kind: 'eval' });
  const spec = normalizeSpec(input);
  const matrix = opts.matrix ?? convMatrix(spec);
  return bothWays(substituteRandom([spec.weights, spec.inputs], seed), (ring, [w, x]) => [matrixAndWindow(spec, w!, x!, ring, matrix)], {
    comparisons: [{ labels: ['matrix', 'sliding window'], names: spec.outputNames }],
    floats: `a numeric check: seeded random floats (seed ${seed}), compared within a relative 1e-9`,
  }).report;
}
