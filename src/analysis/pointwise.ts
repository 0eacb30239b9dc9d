import { SpecError } from '../errors.ts';
import { type Polynomial, zeroPoly } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type CheckReport, reportFrom } from '../check/report.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { matMul, matVec } from '../matrix/products.ts';
import { compareMatrices } from './dense-compare.ts';

/**
 * A 1×1 convolution is channel mixing: with the input as a C_in × HW matrix X
 * (one row per channel, positions row-major) it computes Y = M·X, where M is
 * the C_out × C_in matrix of weights (block-diagonal for groups). Its K is
 * M ⊗ I_HW. The lecture's example mixes 200 channels into 1.
 */
export interface PointwiseProduct {
  /** M: C_out × C_in, M[o][c] = w[o, c] (zero across groups) */
  mixing: Polynomial[][];
  /** X: C_in × HW */
  input: Polynomial[][];
  /** M·X: C_out × HW */
  product: Polynomial[][];
  /** the convolution's own K·z reshaped to C_out × HW */
  convolution: Polynomial[][];
  report: CheckReport;
}

function requirePointwise(spec: ConvSpec): void {
  const bad = (field: string, value: unknown, rule: string) => { throw new SpecError({ field, value, rule, fix: 'a 1×1 convolution has kernel 1, stride 1 and no padding' }); };
  if (spec.transposed) bad('transposed', true, 'channel mixing is shown for a regular convolution');
  if (spec.kernel.some((k) => k !== 1)) bad('kernel', spec.kernel, 'must be 1 on every axis');
  if (spec.stride.some((s) => s !== 1)) bad('stride', spec.stride, 'must be 1');
  if (spec.padding.some(([a, b]) => a !== 0 || b !== 0)) bad('padding', spec.padding, 'must be 0');
}

/**
 * M read from the index map: each tap of a 1×1 convolution joins output
 * channel row ÷ HW to input channel col ÷ HW.
 */
export function channelMixingMatrix(input: SpecInput | ConvSpec, weights?: readonly Polynomial[]): Polynomial[][] {
  const spec = normalizeSpec(input);
  requirePointwise(spec);
  const w = weights ?? spec.weights;
  const hw = product(spec.input);
  const m: Polynomial[][] = Array.from({ length: spec.outChannels }, () => new Array(spec.inChannels).fill(zeroPoly));
  forEachTap(spec, (row, col, tap) => { m[Math.floor(row / hw)]![Math.floor(col / hw)] = w[tap]!; });
  return m;
}

/** M·X against the convolution's matrix product, both as C_out × HW matrices. */
export function pointwiseAsMatrixProduct(input: SpecInput | ConvSpec): PointwiseProduct {
  const spec = normalizeSpec(input);
  const mixing = channelMixingMatrix(spec);
  const hw = product(spec.input);
  const x = Array.from({ length: spec.inChannels }, (_, c) => spec.inputs.slice(c * hw, (c + 1) * hw));
  const prod = matMul(mixing, x, polynomialRing);
  const kz = matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing);
  const convolution = Array.from({ length: spec.outChannels }, (_, o) => kz.slice(o * hw, (o + 1) * hw));
  const report = reportFrom([compareMatrices(prod, convolution, ['M·X', 'K·z'], 'Y')]);
  return { mixing, input: x, product: prod, convolution, report };
}
