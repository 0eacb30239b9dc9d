import { polynomialRing } from '../../algebra/ring.ts';
import { transposedForms } from '../../evaluate/transposed.ts';
import { type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ConvMatrix, convMatrix } from '../../matrix/conv-matrix.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, tapTerms, work } from '../../work/spec-estimate.ts';

/**
 * The three computations of a transposed convolution agree: Kᵀy; scattering
 * the filter scaled by each input; and the stride-1 sliding window over the
 * input with s−1 zeros inserted, padded by d(k−1)−p₀ before and
 * d(k−1)−p₁+a after, with the flipped kernel. The spec is read as a
 * transposed convolution (transposed: true is implied).
 */
export interface TransposedFormsClaim {
  /** a claimed Kᵀ in place of the engine's (e.g. one built for another output padding) */
  matrix?: ConvMatrix;
}

const ID = 'transposed-forms-agree';

export function checkTransposedFormsAgree(input: SpecInput, options: TransposedFormsClaim = {}): IdentityReport {
  const spec = normalizeSpec({ ...input, transposed: true });
  const m = options.matrix ?? convMatrix(spec);
  const y = spec.inputs, w = spec.weights, names = spec.outputNames;
  const facts = { output: spec.output, outputPadding: spec.outputPadding };
  if (m.cols !== y.length || m.rows !== names.length) {
    return failedReport(ID, `the matrix is ${m.rows}×${m.cols}, but the transposed convolution maps ${y.length} entries to ${names.length}`, facts);
  }
  const { viaMatrix, scatter, zeroInsertion: zeros } = transposedForms(spec, w, y, polynomialRing, m);
  return identityReport(ID, [
    comparePolynomials(viaMatrix, scatter, ['Kᵀ·y', 'scatter'], names),
    comparePolynomials(viaMatrix, zeros, ['Kᵀ·y', 'zero insertion'], names),
  ], facts);
}

export const transposedFormsAgree = defineIdentity<SpecInput, TransposedFormsClaim>({
  id: ID,
  title: 'The three forms of a transposed convolution agree',
  statement: 'K^{\\top} y = \\sum_{o} y_{o}\\, w \\text{ placed at } o s - p_{0} = \\operatorname{flip}(w) \\star_{1} \\big(\\operatorname{pad}_{d(k-1)-p_{0},\\; d(k-1)-p_{1}+a} \\uparrow_{s} y\\big)',
  holdsWhen: 'For every transposed spec: stride, dilation, padding (a padding above d(k−1) crops the zero-inserted input), output padding a < max(s, d), channels and groups, both modes.',
  failsWhen: 'The zero-insertion form needs the flipped kernel (unflipped it differs unless the kernel is symmetric) and the trailing padding d(k−1)−p₁+a: a matrix built for another output padding has another number of rows and is rejected.',
  parameters: [...SPEC_PARAMETERS, P.outputPadding],
  examples: [
    { input: 4, kernel: 3, transposed: true },
    { input: 4, kernel: 3, transposed: true, weights: 'x,y,z', inputs: 'a,b,c,d' },
    { input: [3, 3], kernel: [3, 3], stride: 2, padding: 1, outputPadding: 1, transposed: true },
    { input: [2, 2], kernel: [3, 3], transposed: true },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 4, channels: true, transposed: true, mode: true, asymmetricPadding: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkTransposedFormsAgree,
  estimate: bySpecSize((_c, s) => work(2 * s.taps, 3 * tapTerms(s)), (r) => ({ ...(r as object), transposed: true })),
});
