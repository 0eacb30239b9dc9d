import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type CheckReport, reportFrom } from '../check/report.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { receptiveFieldSize } from '../geometry/output-size.ts';
import { type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { layerAxes } from '../geometry/layer-stack.ts';
import { type PolyMatrix, polyMatMul } from '../matrix/poly-matrix.ts';
import { compareMatrices, sparsePolynomialMatrix } from './dense-compare.ts';
import { type ConvLayer, layerSpecs } from './layer-specs.ts';

/**
 * Two convolutions in a row (no padding, groups 1, cross-correlation) are one
 * convolution. Its kernel is read by composing the two index maps: second-layer
 * tap m reads first-layer position m·d₂, whose tap j reads input position
 * m·d₂·s₁ + j·d₁. So the composite kernel is  a_{d₁} ∗ b_{s₁·d₂}  (each kernel
 * zero-inserted by the factor shown, then fully convolved), its size is the
 * receptive field k₁' + s₁(k₂' − 1) with k' = d(k−1)+1, and its stride s₁·s₂.
 * With s₁ = d₁ = d₂ = 1 this is the lecture's "full convolution of the two
 * kernels", size k₁ + k₂ − 1; with s₁ > 1 that naive kernel is wrong: the
 * second kernel must be spread out by s₁. Padding does not compose: zeros
 * padded between the layers are not the first layer applied to padded input.
 */
export type { ConvLayer } from './layer-specs.ts';
export { layerSpecs } from './layer-specs.ts';

export interface ComposedConvolution {
  /** the single convolution: kernel and stride per axis, channels in → out */
  kernel: number[];
  stride: number[];
  inChannels: number;
  outChannels: number;
  /** composite weights, flat [C_out, C_in, ...kernel] */
  weights: Polynomial[];
}

function perAxis(layers: readonly ConvLayer[]) {
  return layerAxes(layers);
}

/** The single convolution two layers amount to, read from their composed index maps. */
export function composeLayers(first: ConvLayer, second: ConvLayer): ComposedConvolution {
  const [p1, p2] = perAxis([first, second]) as [ReturnType<typeof perAxis>[0], ReturnType<typeof perAxis>[0]];
  const kernel = p1.k.map((_, a) => receptiveFieldSize([
    { k: p1.k[a]!, s: p1.s[a]!, d: p1.d[a]! }, { k: p2.k[a]!, s: p2.s[a]!, d: p2.d[a]! },
  ]));
  // on an input exactly one composite kernel wide, the second layer has a single output per channel
  const [a, b] = layerSpecs(first, second, kernel);
  if (b.output.some((o) => o !== 1)) throw new RangeError(`composeLayers: expected one output, got [${b.output.join(', ')}]`);
  const firstTaps: Array<Array<[number, number]>> = Array.from({ length: a.outputShape.reduce((x, y) => x * y, 1) }, () => []);
  forEachTap(a, (row, col, tap) => { firstTaps[row]!.push([col, tap]); });
  const cols = a.inputShape.reduce((x, y) => x * y, 1);
  const terms: Polynomial[][] = Array.from({ length: b.outChannels * cols }, () => []);
  forEachTap(b, (row, col, tap) => {
    for (const [c1, t1] of firstTaps[col]!) terms[row * cols + c1]!.push(polynomialRing.mul(b.weights[tap]!, a.weights[t1]!));
  });
  return {
    kernel, stride: p1.s.map((s, i) => s * p2.s[i]!), inChannels: a.inChannels, outChannels: b.outChannels,
    weights: terms.map((t) => polynomialRing.sum(t)),
  };
}

export interface CompositionCheck {
  /** B·A: the second layer's matrix times the first's (sparse) */
  product: PolyMatrix;
  /** K of the single convolution (sparse) */
  single: PolyMatrix;
  report: CheckReport;
}

/** Compares B·A with the matrix of a single convolution (by default the composed one) on the same input. */
export function checkComposition(
  first: ConvLayer, second: ConvLayer, input: SpecInput['input'], single: ComposedConvolution = composeLayers(first, second),
): CompositionCheck {
  const [a, b] = layerSpecs(first, second, input);
  const product = polyMatMul(sparsePolynomialMatrix(b), sparsePolynomialMatrix(a));
  const spec = normalizeSpec({
    input, kernel: single.kernel, stride: single.stride, inChannels: single.inChannels, outChannels: single.outChannels,
  });
  const matrix = sparsePolynomialMatrix(spec, single.weights);
  return { product, single: matrix, report: reportFrom([compareMatrices(product, matrix, ['B·A', 'single convolution'], 'K')]) };
}

/**
 * The near miss: the full convolution of the two kernels as they are
 * (ignoring the first stride and both dilations), with stride s₁·s₂. Equal to
 * composeLayers only when s₁ = d₁ = d₂ = 1.
 */
export function naiveComposition(first: ConvLayer, second: ConvLayer): ComposedConvolution {
  const plain = composeLayers({ ...first, stride: 1, dilation: 1 }, { ...second, stride: 1, dilation: 1 });
  const [p1, p2] = perAxis([first, second]);
  return { ...plain, stride: p1!.s.map((s, i) => s * p2!.s[i]!) };
}
