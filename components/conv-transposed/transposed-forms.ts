import type { ConvSpec } from '../../src/geometry/spec.ts';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { polynomialToLatex, polynomialToText } from '../../src/algebra/print.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { compareVectors, type EquivalenceReport } from '../../src/check/equivalence.ts';
import { termOrder } from '../../src/check/term-order.ts';
import { flipKernels, insertZeros, scatterTransposed, transposedByZeroInsertion, zeroInsertionProblem } from '../../src/evaluate/transposed.ts';
import { type EquationData, equationData } from '../shared/matrix-equation.ts';
import { inputTex, outputTex, productTex, typesettable } from '../shared/matrix-data.ts';

/**
 * The three forms of a transposed convolution, each computed by the engine:
 * Kᵀ·x (the matrix), scatter (the filter scaled by each input, summed) and a
 * stride-1 window over the zero-inserted input with the flipped kernel.
 */
export interface TransposedForms {
  eq: EquationData;
  /** scatter: one row per input, the scaled filter it adds to each output (LaTeX or '') */
  scatterRows: string[][] | null;
  scatter: string[];
  zeroInserted: string[];
  /** width of the zero-inserted grid (its last axis) */
  zeroInsertedWidth: number;
  padding: ReadonlyArray<readonly [number, number]>;
  flippedKernel: string[] | null;
  zeroResult: string[];
  inputs: string[];
  outputs: string[];
  reports: { scatter: EquivalenceReport; zeroInsertion: EquivalenceReport };
}

/** Scatter tables are drawn when inputs × outputs stays readable. */
const SCATTER_CELLS = 1200;

export function transposedForms(spec: ConvSpec): TransposedForms {
  const ring = polynomialRing;
  const check = checkMatrix(spec);
  const rank = termOrder(spec);
  const show = (p: Polynomial) => polynomialToText(p, { rank });
  const scatter = scatterTransposed(spec, spec.weights, spec.inputs, ring);
  const zero = transposedByZeroInsertion(spec, spec.weights, spec.inputs, ring).values;
  const names = spec.outputNames;
  const compare = (other: Polynomial[], label: string) =>
    compareVectors(check.product, other, { ring, names, labels: ['Kᵀ·x', label], show });
  const problem = zeroInsertionProblem(spec);
  const small = spec.inputs.length * names.length <= SCATTER_CELLS;
  return {
    eq: equationData(spec, check.matrix, check.product),
    scatterRows: small ? spec.inputs.map((_, o) => scaledFilter(spec, o).map((p) => (p.isZero() ? '' : polynomialToLatex(p, { rank })))) : null,
    scatter: productTex(spec, scatter),
    zeroInserted: insertZeros(spec.inputs, spec.inputShape, spec.stride, ring).map((p) => polynomialToLatex(p)),
    zeroInsertedWidth: problem.input[problem.input.length - 1]!,
    padding: problem.padding,
    flippedKernel: spec.singleChannel ? flipKernels(spec, spec.weights).map((p) => polynomialToLatex(p)) : null,
    zeroResult: productTex(spec, zero),
    inputs: inputTex(spec),
    outputs: outputTex(spec),
    reports: { scatter: compare(scatter, 'scatter'), zeroInsertion: compare(zero, 'zero insertion') },
  };
}

/** What input o alone scatters: the engine's scatter with every other input set to zero. */
function scaledFilter(spec: ConvSpec, o: number): Polynomial[] {
  const only = spec.inputs.map((x, i) => (i === o ? x : polynomialRing.zero));
  return scatterTransposed(spec, spec.weights, only, polynomialRing);
}

export function formsTypesettable(f: TransposedForms): boolean {
  return typesettable(f.eq.matrix);
}
