import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { matMul, matVec } from '../matrix/products.ts';
import { channelMixingMatrix } from '../analysis/pointwise.ts';
import { compareMatrices } from './compare-matrices.ts';
import { type CheckReport, reportFrom } from './report.ts';

/** The 1×1 convolution as channel mixing Y = M·X, checked against its own K·z (see analysis/pointwise.ts). */
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
