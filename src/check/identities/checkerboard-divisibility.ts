import { rational, type Rational } from '../../algebra/rational.ts';
import { rationalRing } from '../../algebra/ring.ts';
import { rationalToText } from '../../algebra/print.ts';
import { checkerboard, isUniformAwayFromBorders, overlapCounts, predictsUniformOverlap } from '../../analysis/overlap.ts';
import { type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { compareVectors } from '../equivalence.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, overlapEstimate } from '../../work/spec-estimate.ts';

/**
 * No checkerboard when s divides k: away from the borders, every output
 * position of a transposed convolution receives exactly Π k/s kernel taps.
 * Otherwise (s ∤ k, or gcd(s, d) > 1) the interior counts alternate and the
 * check names a position whose count is not Π k/s. The spec is read as a
 * transposed convolution; when its interior is shorter than one period (s
 * positions on some axis) the same (k, s, d) is counted on an input long
 * enough to show one (fact `interior: "extended"`).
 */
const ID = 'checkerboard-divisibility';

export function checkCheckerboardDivisibility(input: SpecInput): IdentityReport {
  const spec = normalizeSpec({ ...input, transposed: true });
  const params = { kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation] };
  let uniformity = isUniformAwayFromBorders(spec);
  let counted = overlapCounts({ input: [...spec.input], ...params, transposed: true });
  const short = uniformity.interior.some(([lo, hi], a) => hi - lo < spec.stride[a]!);
  if (short) {
    const long = checkerboard(params);
    uniformity = long;
    counted = long;
  }
  // counts at the interior positions, row-major over the interior box
  const values: number[] = [];
  const names: string[] = [];
  const visit = (a: number, prefix: number[], flat: number) => {
    if (a === counted.shape.length) { values.push(counted.counts[flat]!); names.push(`position (${prefix.join(', ')})`); return; }
    const [lo, hi] = uniformity.interior[a]!;
    for (let i = lo; i < hi; i++) visit(a + 1, [...prefix, i], flat * counted.shape[a]! + i);
  };
  visit(0, [], 0);
  const expected: Rational = spec.kernel.reduce((acc, k, a) => rationalRing.mul(acc, rational(k, spec.stride[a]!)), rationalRing.one);
  const report = compareVectors(values.map((v) => rational(v)), values.map(() => expected), {
    ring: rationalRing, names, labels: ['taps landing', 'Π k/s'], show: rationalToText,
  });
  return identityReport(ID, [report], {
    interior: short ? 'extended' : 'spec',
    interiorCounts: uniformity.interiorValues,
    divisible: spec.kernel.every((k, a) => k % spec.stride[a]! === 0),
    predictedUniform: spec.kernel.every((k, a) => predictsUniformOverlap(k, spec.stride[a]!, spec.dilation[a]!)),
    expectedCount: rationalToText(expected),
  });
}

export const checkerboardDivisibility = defineIdentity<SpecInput, Record<string, never>>({
  id: ID,
  title: 'No checkerboard when the kernel size is divisible by the stride',
  statement: 's \\mid k \\;\\Longrightarrow\\; \\#\\{(o, j) : o s + j d - p_{0} = x\\} = \\frac{k}{s} \\quad \\text{for every } x \\text{ away from the borders}',
  holdsWhen: 'For a transposed convolution (per axis, any padding and output padding, which only crop the border) when s divides k and gcd(s, d) = 1: every interior position receives Π k/s taps, so the overlap is uniform.',
  failsWhen: 'When s does not divide k the interior counts alternate between ⌊k/s⌋ and ⌈k/s⌉ (the checkerboard: k = 3, s = 2 gives 1, 2, 1, 2, …); when gcd(s, d) > 1 some positions receive no tap at all. Near the borders the counts are smaller in every case.',
  parameters: [P.input, { ...P.kernel, range: 'integer ≥ 1 per axis; uniform only when s | k' }, { ...P.stride, range: 'integer ≥ 1 per axis' },
    { ...P.dilation, range: 'integer ≥ 1 per axis; uniform only when gcd(s, d) = 1' }, P.padding, P.outputPadding],
  examples: [
    { input: 5, kernel: 4, stride: 2, transposed: true },
    { input: 5, kernel: 3, stride: 3, transposed: true },
    { input: [4, 4], kernel: [4, 4], stride: 2, transposed: true },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, maxKernel: 2, maxStride: 3, maxDilation: 1, transposed: true, asymmetricPadding: true },
    extras: 0,
    build: (spec) => {
      const s = (spec.stride as number[] | undefined) ?? (spec.kernel as number[]).map(() => 1);
      return { ...spec, kernel: (spec.kernel as number[]).map((m, a) => m * s[a]!) };
    },
  },
  check: checkCheckerboardDivisibility,
  estimate: bySpecSize(overlapEstimate, (r) => ({ ...(r as object), transposed: true })),
});
