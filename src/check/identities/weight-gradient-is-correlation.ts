import type { Polynomial } from '../../algebra/polynomial.ts';
import { polynomialToText } from '../../algebra/print.ts';
import { polynomialRing } from '../../algebra/ring.ts';
import { deltaSymbols } from '../../evaluate/conv-backward.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import { nest } from '../../evaluate/nested.ts';
import { ravel, unravel } from '../../geometry/flat-index.ts';
import { product } from '../../geometry/names.ts';
import { convOutputSize } from '../../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ConvMatrix, transposeMatrix } from '../../matrix/csr.ts';
import { im2colMatrix } from '../../matrix/im2col.ts';
import { matVec } from '../../matrix/products.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { regularSpec } from './partners.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, tapTerms, work } from '../../work/spec-estimate.ts';
import type { SpecGeometry } from '../../geometry/spec-geometry.ts';
import { type SpecSize, kernelBlocks } from '../../work/spec-size.ts';

/**
 * The weight gradient of a convolution is a correlation of its input with δ:
 * ∂L/∂w = Zᵀ·δ (Z the im2col matrix) equals, for each output channel oc and
 * each input channel c of its group, the cross-correlation of input channel c
 * (padded as the forward pass pads it, in its padding mode) with δ[oc] dilated by the stride: a regular
 * convolution spec of its own with kernel size o, dilation s and stride d.
 * Its first k outputs per axis are the gradient (a stride that drops
 * trailing samples leaves outputs beyond k, which no weight reads). In
 * convolution mode the kernel is flipped, so is its gradient.
 */
export interface WeightGradientClaim {
  /** a claimed Z in place of the engine's (the left side is its transpose times δ) */
  matrix?: ConvMatrix;
  /** a claimed dilation of δ in the correlation, in place of the stride (a near miss: 1, δ not dilated) */
  dilation?: number[];
}

const ID = 'weight-gradient-is-correlation';

export function checkWeightGradientIsCorrelation(input: SpecInput, options: WeightGradientClaim = {}): IdentityReport {
  const conv = regularSpec(input, ID);
  const delta = deltaSymbols(conv);
  const z = options.matrix ?? im2colMatrix(conv);
  const dilation = options.dilation ?? [...conv.stride];
  const facts = { n: conv.input, k: conv.kernel, o: conv.output, correlationKernel: conv.output, correlationDilation: dilation, correlationStride: conv.dilation };
  const names = (conv.weightNames ?? conv.weights.map((_, i) => `w[${i}]`)).map((n) => `∂L/∂${n}`);
  if (z.rows !== delta.length || z.cols !== conv.weights.length) {
    return failedReport(ID, `Z is ${z.rows}×${z.cols}, but the convolution has ${delta.length} outputs and ${conv.weights.length} weights`, facts);
  }
  const viaMatrix = matVec(transposeMatrix(z), conv.inputs, delta, polynomialRing);
  const correlated = correlations(conv, delta, dilation);
  if (!correlated) return failedReport(ID, `the correlation with δ dilated by ${dilation.join('×')} has fewer than k = ${conv.kernel.join('×')} outputs per axis`, facts);
  return identityReport(ID, [comparePolynomials(viaMatrix, correlated, ['Zᵀ·δ', 'input ⋆ δ↑s'], names)], facts);
}

/** Every pair (oc, c): input channel g·C_in/g + c correlated with δ[oc], cropped to k per axis, in the weight layout. */
function correlations(conv: ConvSpec, delta: readonly Polynomial[], dilation: readonly number[]): Polynomial[] | null {
  const K = product(conv.kernel), N = product(conv.input), O = product(conv.output);
  const cinG = conv.inChannels / conv.groups, coutG = conv.outChannels / conv.groups;
  const text = (ps: readonly Polynomial[]) => ps.map((p) => polynomialToText(p));
  const out: Polynomial[] = new Array(conv.weights.length);
  for (let oc = 0; oc < conv.outChannels; oc++) {
    for (let c = 0; c < cinG; c++) {
      const ic = Math.floor(oc / coutG) * cinG + c;
      const spec = normalizeSpec({
        input: [...conv.input], kernel: [...conv.output], dilation: [...dilation], stride: [...conv.dilation],
        padding: conv.padding.map(([a, b]) => [a, b] as [number, number]), paddingMode: conv.paddingMode,
        weights: nest(text(delta.slice(oc * O, (oc + 1) * O)), conv.output),
        inputs: nest(text(conv.inputs.slice(ic * N, (ic + 1) * N)), conv.input),
      });
      if (spec.output.some((v, a) => v < conv.kernel[a]!)) return null;
      const values = evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing);
      for (let j = 0; j < K; j++) {
        const at = ravel(unravel(j, conv.kernel), spec.output);
        // convolution mode: weight j sits at tap K−1−j, so its gradient is the flipped correlation
        out[(oc * cinG + c) * K + (conv.mode === 'convolution' ? K - 1 - j : j)] = values[at]!;
      }
    }
  }
  return out;
}

/**
 * The terms the correlations expand to: each computes all of its outputs (more than k per axis where the stride
 * drops trailing samples), each a sum over the o taps of δ, times the input entries' terms.
 */
export function correlationTerms(g: SpecGeometry, s: SpecSize): number {
  return kernelBlocks(g) * product(g.conv.axes.map((a) => convOutputSize(a.n, { k: a.o, s: a.d, d: a.s, p0: a.p0, p1: a.p1 }) * a.o)) * s.inputTerms;
}

export const weightGradientIsCorrelation = defineIdentity<SpecInput, WeightGradientClaim>({
  id: ID,
  title: 'The weight gradient is a correlation of the input with δ',
  statement: '\\frac{\\partial L}{\\partial w_{o,c,j}} = (Z^{\\top} \\delta)_{o,c,j} = \\sum_{i} \\delta_{o,i}\\, \\bar{z}_{c,\\, i s + j d} = \\big(\\bar{z}_{c} \\star_{d} (\\delta_{o} \\uparrow_{s})\\big)_{j}',
  holdsWhen: 'For every regular convolution (channels, groups, stride, padding and every padding mode, dilation, both modes): for each output channel and each input channel of its group, the correlation of the input channel padded as the forward pass pads it with δ of that output channel dilated by the stride (kernel size o, dilation s, stride d), its first k outputs per axis; flipped in convolution mode.',
  failsWhen: 'With δ not dilated by the stride (dilation 1 where s > 1) the correlation reads the wrong samples; with the stride and the dilation exchanged likewise; with a matrix that is not Z, the entries of Zᵀ·δ differ at the weights the wrong entry touches.',
  parameters: [...SPEC_PARAMETERS, P.paddingMode],
  examples: [
    { input: 6, kernel: 3 },
    { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 },
    { input: 9, kernel: 2, stride: 2, dilation: 3, padding: [[1, 0]] },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, channels: true, asymmetricPadding: true, mode: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkWeightGradientIsCorrelation,
  // Zᵀ·δ (δ single symbols), then the correlations
  estimate: bySpecSize((g, s) => work(2 * s.taps, 4 * tapTerms(s) + correlationTerms(g, s))),
});
