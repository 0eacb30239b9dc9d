import { polynomialRing } from '../../algebra/ring.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import type { ConvSpec, SpecInput } from '../../geometry/spec.ts';
import { SPEC_KEYS, normalizeSpec } from '../../geometry/spec.ts';
import { type PaddingValue, type PerAxis, broadcast, parsePerAxis } from '../../geometry/spec-fields.ts';
import { coefficientsOf, innerProduct, symbolIdOf } from './bilinear.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { adjointSpecOf, plainSpec, regularPartner, roundTripOutputPadding, transposedPartner, withFreshInputs } from './partners.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, tapTerms, work } from '../../work/spec-estimate.ts';

/**
 * ⟨Kx, y⟩ = ⟨x, Kᵀy⟩ with both sides computed without any matrix: Kx by the
 * sliding window, Kᵀy as the transposed convolution by zero insertion with
 * the flipped kernel. Symbolic x, y and weights; the forms are compared
 * coefficient by coefficient of y, so a failure names an output entry.
 *
 * A regular spec is K; its partner is the transposed convolution with the
 * same (k, s, p, d), the given `outputPadding` (default: the one that
 * restores the input length) and `transposedPadding` (default: the same
 * padding). A transposed spec is Kᵀ; its partner is the convolution of its
 * output length.
 */
export interface AdjointSpec extends Omit<SpecInput, 'outputPadding'> {
  /** output padding of the transposed side */
  outputPadding?: PerAxis;
  /** padding of the transposed side, when it differs (a near miss: the [before, after] pair swapped) */
  transposedPadding?: PaddingValue;
}

const ID = 'transposed-adjoint';

function pair(input: AdjointSpec): { conv: ConvSpec; t: ConvSpec } {
  const extra = ['transposedPadding'];
  if (input.transposed === true || input.transposed === 'true') {
    const t = normalizeSpec(plainSpec(input as SpecInput, extra));
    return { conv: regularPartner(t, input.transposedPadding), t };
  }
  const conv = normalizeSpec(plainSpec(input as SpecInput, [...extra, 'outputPadding']));
  const op = input.outputPadding === undefined
    ? roundTripOutputPadding(conv)
    : broadcast(parsePerAxis(input.outputPadding, 'outputPadding', 0), conv.dims, 'outputPadding');
  return { conv, t: transposedPartner(conv, op, input.transposedPadding) };
}

export function checkTransposedAdjoint(input: AdjointSpec): IdentityReport {
  const { conv, t } = pair(input);
  const facts = {
    n: conv.input, o: conv.output, transposedInput: t.input, transposedOutput: t.output,
    outputPadding: t.outputPadding, restoringOutputPadding: roundTripOutputPadding(conv),
  };
  if (conv.paddingMode !== 'zeros') {
    return failedReport(ID, `with ${conv.paddingMode} padding the adjoint Kᵀ adds each padding cell's weight back onto the input it copies, which no transposed convolution does (PyTorch's ConvTranspose pads only with zeros)`, facts);
  }
  if (t.inputs.length !== conv.outputNames.length || conv.inputs.length !== t.outputNames.length) {
    return failedReport(ID, `K maps ${conv.inputs.length} entries to ${conv.outputNames.length}, but Kᵀ maps ${t.inputs.length} to ${t.outputNames.length}; the forms live on different spaces`, facts);
  }
  const x = conv.inputs;
  const y = withFreshInputs(t, [conv.weights, x]).inputs;
  const w = conv.weights;
  const left = innerProduct(evaluateByWindow(conv, w, x, polynomialRing), y);
  const right = innerProduct(x, evaluateByWindow(t, w, y, polynomialRing));
  const ids = y.map(symbolIdOf);
  const report = comparePolynomials(coefficientsOf(left, ids), coefficientsOf(right, ids), ['⟨Kx, y⟩', '⟨x, Kᵀy⟩'], conv.outputNames);
  return identityReport(ID, [report], facts);
}

export const transposedAdjoint = defineIdentity<AdjointSpec, Record<string, never>>({
  id: ID,
  title: 'The transposed convolution is the adjoint',
  statement: '\\langle K x, y \\rangle = \\langle x, K^{\\top} y \\rangle \\quad \\text{for all } x \\in \\mathbb{R}^{n},\\ y \\in \\mathbb{R}^{o}',
  holdsWhen: 'For every convolution and the transposed convolution with the same kernel, stride, padding (the same [before, after] pair) and dilation, whose output padding is a = (n + p₀ + p₁ − d(k−1) − 1) mod s, the one that maps back to n. Channels swap; groups stay.',
  failsWhen: 'With any other output padding Kᵀ maps to another length and the two forms are not comparable; with the padding pair swapped (uneven padding, e.g. "same" with an even kernel) the entries differ; a transposed spec whose output padding is ≥ s (allowed only by dilation) is not the adjoint of the convolution of its output length.',
  parameters: [...SPEC_PARAMETERS, { ...P.outputPadding, range: 'integer with 0 ≤ a < max(s, d); holds only for a = (n + p₀ + p₁ − d(k−1) − 1) mod s' }],
  examples: [
    { input: 6, kernel: 3, weights: 'w', inputs: 'z' },
    { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 },
    { input: 6, kernel: 4, padding: 'same' },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, channels: true, asymmetricPadding: true, mode: true },
    extras: 0,
    build: (spec) => spec as AdjointSpec,
  },
  check: checkTransposedAdjoint,
  estimate: bySpecSize((_c, s) => work(0, 4 * tapTerms(s) + s.rows + s.cols), adjointSpecOf),
  specKeys: [...SPEC_KEYS, 'transposedPadding'],
});
