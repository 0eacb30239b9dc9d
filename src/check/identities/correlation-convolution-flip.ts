import type { Polynomial } from '../../algebra/polynomial.ts';
import { polynomialRing } from '../../algebra/ring.ts';
import { compareMatrices } from '../compare-matrices.ts';
import { sparsePolynomialMatrix } from '../../analysis/spec-matrix.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import { forEachTap } from '../../geometry/index-map.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ClaimEntry, claimedVector } from './claims.ts';
import { defineIdentity } from './define.ts';
import { SPEC_PARAMETERS } from './parameters.ts';
import { comparePolynomials, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, work } from '../../work/spec-estimate.ts';
import { productTerms } from '../../work/spec-size.ts';

/**
 * Correlation and convolution differ by flipping the kernel on every spatial
 * axis: conv(w) = corr(flip w), with the same stride, padding and dilation.
 * The flip is read from the index map: a probe one kernel wide is visited in
 * both modes, and the two visits pair each tap with its mirror.
 */
export interface FlipClaim {
  /** the claimed flipped weights (default: the flip read from the index map) */
  weights?: readonly ClaimEntry[];
}

const ID = 'correlation-convolution-flip';

/** flip(w), in the spec's weight layout, every spatial axis reversed. */
export function flippedWeights<T>(spec: ConvSpec, w: readonly T[]): T[] {
  const probe = (mode: 'correlation' | 'convolution') => {
    const taps: number[] = [];
    const s = normalizeSpec({
      input: [...spec.kernel], kernel: [...spec.kernel], inChannels: spec.conv.inChannels, outChannels: spec.conv.outChannels, groups: spec.groups, mode,
    });
    forEachTap(s, (_row, _col, tap) => { taps.push(tap); });
    return taps;
  };
  const corr = probe('correlation'), conv = probe('convolution');
  const out = new Array<T>(w.length);
  corr.forEach((t, i) => { out[t] = w[conv[i]!]!; });
  return out;
}

export function checkCorrelationConvolutionFlip(input: SpecInput, options: FlipClaim = {}): IdentityReport {
  const conv = normalizeSpec({ ...input, mode: 'convolution' });
  const corr = normalizeSpec({ ...input, mode: 'correlation' });
  const w = conv.weights, z = conv.inputs;
  const flipped: Polynomial[] = options.weights ? claimedVector(options.weights, 'weights') : flippedWeights(conv, w);
  if (flipped.length !== w.length) throw new RangeError(`the claimed flip has ${flipped.length} weights, the spec ${w.length}`);
  const left = evaluateByWindow(conv, w, z, polynomialRing);
  const right = evaluateByWindow(corr, flipped, z, polynomialRing);
  const symmetric = comparePolynomials(w, flipped, ['w', 'flip(w)']).equal;
  return identityReport(ID, [
    comparePolynomials(left, right, ['convolution with w', 'correlation with flip(w)'], conv.outputNames),
    compareMatrices(sparsePolynomialMatrix(conv, w), sparsePolynomialMatrix(corr, flipped), ['K of convolution(w)', 'K of correlation(flip(w))'], 'K'),
  ], { symmetricKernel: symmetric });
}

export const correlationConvolutionFlip = defineIdentity<SpecInput, FlipClaim>({
  id: ID,
  title: 'Correlation and convolution differ by a flipped kernel',
  statement: '(w * z)_{o} = \\sum_{j} w_{k-1-j}\\, z_{o s + j d - p_{0}} = (\\operatorname{flip}(w) \\star z)_{o}, \\qquad \\operatorname{flip}(w)_{j} = w_{k-1-j}',
  holdsWhen: 'For every spec (regular or transposed, any dims, stride, padding, dilation, channels, groups), with the same padding pair on both sides and the kernel reversed on every spatial axis, within each channel block.',
  failsWhen: 'Correlation with the unflipped kernel equals convolution only for a kernel that is symmetric (w = flip w); flipping only some axes, or flipping across channels, differs in general.',
  parameters: SPEC_PARAMETERS,
  examples: [
    { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' },
    { input: [5, 5], kernel: [3, 3], weights: [[0, 1, 2], [2, 2, 0], [0, 1, 2]] },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 5, channels: true, transposed: 'either', asymmetricPadding: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkCorrelationConvolutionFlip,
  estimate: bySpecSize((_c, s) => work(2 * s.nonzeros, 2 * productTerms(s), 2 * s.rows * s.cols)),
});
