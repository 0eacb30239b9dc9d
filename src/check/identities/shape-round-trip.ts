import { SPEC_KEYS, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type PaddingValue, type PerAxis, broadcast, parsePerAxis } from '../../geometry/spec-fields.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { adjointSpecOf, plainSpec, roundTripOutputPadding, transposedPartner } from './partners.ts';
import { compareIntegers, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, work } from '../../work/spec-estimate.ts';

/**
 * Shapes round-trip: a convolution maps [C_in, n] to [C_out, o]; the
 * transposed convolution with the same (k, s, p, d) maps [C_out, o] back to
 * [C_in, n] exactly when its output padding is a = (n + p₀ + p₁ − d(k−1) − 1) mod s:
 * the s input lengths n that give the same o differ only in that remainder.
 */
export interface RoundTripSpec extends Omit<SpecInput, 'outputPadding' | 'transposed'> {
  /** the transposed side's output padding (default: the one that restores n) */
  outputPadding?: PerAxis;
  /** the transposed side's padding, when it differs from the convolution's */
  transposedPadding?: PaddingValue;
}

const ID = 'shape-round-trip';

export function checkShapeRoundTrip(input: RoundTripSpec): IdentityReport {
  const conv = normalizeSpec(plainSpec(input as SpecInput, ['outputPadding', 'transposedPadding']));
  const restoring = roundTripOutputPadding(conv);
  const op = input.outputPadding === undefined ? restoring : broadcast(parsePerAxis(input.outputPadding, 'outputPadding', 0), conv.dims, 'outputPadding');
  const t = transposedPartner(conv, op, input.transposedPadding);
  const axes = conv.inputShape.map((_, a) => (a === 0 ? 'channels' : `axis ${a - 1}`));
  const report = compareIntegers(conv.inputShape, t.outputShape, ['input shape', 'transposed output shape'], axes);
  return identityReport(ID, [report], {
    input: conv.inputShape, output: conv.outputShape, roundTrip: t.outputShape, outputPadding: op, restoringOutputPadding: restoring,
    padding: conv.padding.flat(), transposedPadding: t.padding.flat(),
  });
}

export const shapeRoundTrip = defineIdentity<RoundTripSpec, Record<string, never>>({
  id: ID,
  title: 'Convolution then its transposed convolution restores the shape',
  statement: 'o = \\left\\lfloor \\frac{n + p_{0} + p_{1} - d(k-1) - 1}{s} \\right\\rfloor + 1,\\qquad (o-1)s - p_{0} - p_{1} + d(k-1) + a + 1 = n \\iff a = (n + p_{0} + p_{1} - d(k-1) - 1) \\bmod s',
  holdsWhen: 'For every convolution, when the transposed side uses the same kernel, stride, dilation and the same [before, after] padding pair, with output padding a = (n + p₀ + p₁ − d(k−1) − 1) mod s (0 whenever s = 1). Channel counts swap back.',
  failsWhen: 'Any other output padding gives n ± (difference). With "same" padding and an even kernel the total padding d(k−1) is odd and split [⌊·/2⌋, ⌈·/2⌉]; a transposed convolution with a symmetric padding (as a framework taking one integer would use) misses n by one either way.',
  parameters: [P.input, P.kernel, P.stride, P.padding, P.dilation, P.channels, P.groups,
    { ...P.outputPadding, range: 'integer with 0 ≤ a < max(s, d); the round trip holds only for a = (n + p₀ + p₁ − d(k−1) − 1) mod s' },
    { field: 'transposedPadding', symbol: "p'", range: 'padding of the transposed side; the round trip needs p\' = p' }],
  examples: [
    { input: [4, 4], kernel: [3, 3] },
    { input: 6, kernel: 3 },
    { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 },
    { input: [6, 6], kernel: [3, 3], stride: 2, padding: 1, outputPadding: 1 },
    { input: 6, kernel: 4, padding: 'same' },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 8, maxStride: 4, maxDilation: 3, channels: true, asymmetricPadding: true },
    extras: 0,
    build: (spec) => spec as RoundTripSpec,
  },
  check: checkShapeRoundTrip,
  estimate: bySpecSize(() => work(0, 0), adjointSpecOf),
  specKeys: [...SPEC_KEYS, 'transposedPadding'],
});
