import { polynomialRing } from '../../algebra/ring.ts';
import { deltaSymbols } from '../../evaluate/conv-backward.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import type { SpecInput } from '../../geometry/spec.ts';
import { broadcast, parsePerAxis } from '../../geometry/spec-fields.ts';
import { type ConvMatrix, convMatrix } from '../../matrix/conv-matrix.ts';
import { transposeMatrix } from '../../matrix/csr.ts';
import { matVec } from '../../matrix/products.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { regularSpec, roundTripOutputPadding, transposedPartner } from './partners.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, tapTerms, work } from '../../work/spec-estimate.ts';

/**
 * The input gradient of a convolution is a transposed convolution of δ:
 * ∂L/∂z = Kᵀ·δ equals the transposed convolution with the same kernel,
 * stride, padding and dilation applied to δ = ∂L/∂y, with the output padding
 * a = (n + p₀ + p₁ − d(k−1) − 1) mod s that restores the input length n
 * (computed, and reported in the facts). The right side is its own
 * transposed spec, evaluated through the engine's transposed path (the
 * stride-1 window over the zero-inserted δ with the flipped kernel), never Kᵀ.
 */
export interface InputGradientClaim {
  /** a claimed K in place of the engine's (the left side is its transpose times δ) */
  matrix?: ConvMatrix;
  /** a claimed output padding for the transposed side, in place of the one that restores n */
  outputPadding?: number | number[];
}

const ID = 'input-gradient-is-transposed';

export function checkInputGradientIsTransposed(input: SpecInput, options: InputGradientClaim = {}): IdentityReport {
  const conv = regularSpec(input, ID);
  const restoring = roundTripOutputPadding(conv);
  const op = options.outputPadding === undefined ? restoring : broadcast(parsePerAxis(options.outputPadding, 'outputPadding', 0), conv.dims, 'outputPadding');
  const t = transposedPartner(conv, op);
  const facts = { n: conv.input, o: conv.output, outputPadding: op, restoringOutputPadding: restoring, transposedOutput: t.output };
  if (conv.paddingMode !== 'zeros' && conv.padding.some(([a, b]) => a + b > 0)) {
    return failedReport(ID, `with padding mode ${conv.paddingMode} the padding cells copy inputs, so Kᵀ·δ adds the transposed convolution's values at the padded positions onto the inputs they copy; the transposed convolution alone drops them (it holds for zeros padding, or none)`, facts);
  }
  const delta = deltaSymbols(conv);
  const k = options.matrix ?? convMatrix(conv);
  const names = conv.inputNames ?? conv.inputs.map((_, i) => `z[${i}]`);
  if (t.outputNames.length !== names.length) {
    return failedReport(ID, `the transposed convolution with output padding ${op.join('×')} maps δ (${delta.length} entries) to ${t.outputNames.length} values, but the input has ${names.length}: only output padding ${restoring.join('×')} restores n = ${conv.input.join('×')}`, facts);
  }
  if (k.rows !== delta.length || k.cols !== names.length) {
    return failedReport(ID, `K is ${k.rows}×${k.cols}, but the convolution maps ${names.length} inputs to ${delta.length} outputs`, facts);
  }
  const viaMatrix = matVec(transposeMatrix(k), conv.weights, delta, polynomialRing);
  const transposed = evaluateByWindow(t, conv.weights, delta, polynomialRing);
  return identityReport(ID, [comparePolynomials(viaMatrix, transposed, ['Kᵀ·δ', 'conv_transpose(δ)'], names.map((n) => `∂L/∂${n}`))], facts);
}

export const inputGradientIsTransposed = defineIdentity<SpecInput, InputGradientClaim>({
  id: ID,
  title: 'The input gradient is a transposed convolution of δ',
  statement: '\\frac{\\partial L}{\\partial z} = K^{\\top} \\delta = \\operatorname{conv\\_transpose}_{k, s, p, d,\\; a}(\\delta), \\quad a = (n + p_{0} + p_{1} - d(k-1) - 1) \\bmod s',
  holdsWhen: 'For every regular convolution whose padding is zeros, or absent (channels, groups, stride, padding, dilation, both modes): the transposed convolution with the same kernel, stride, padding pair and dilation, channels swapped, and output padding a = (n + p₀ + p₁ − d(k−1) − 1) mod s, the one that maps back to n samples.',
  failsWhen: 'With a padding mode other than zeros (the gradient of a padding cell goes to the input it copies, which the transposed convolution does not do); with any other output padding the transposed convolution has another length than the input (when the stride drops trailing samples, a = 0 loses them); with a matrix that is not K, the entries of Kᵀ·δ differ at the inputs the wrong entry touches.',
  parameters: [...SPEC_PARAMETERS, { ...P.paddingMode, range: 'zeros (another mode holds only without padding)' }, { ...P.outputPadding, field: 'outputPadding (of the transposed side)', range: 'computed: a = (n + p₀ + p₁ − d(k−1) − 1) mod s per axis' }],
  examples: [
    { input: 6, kernel: 3 },
    { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 },
    { input: 8, kernel: 3, stride: 3, dilation: 2, padding: [[2, 1]] },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, channels: true, asymmetricPadding: true, mode: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkInputGradientIsTransposed,
  // Kᵀ·δ (δ single symbols), and the transposed window over the same taps
  estimate: bySpecSize((_c, s) => work(2 * s.taps, 4 * tapTerms(s))),
});
