import { depthwiseSeparableCost } from '../../analysis/cost.ts';
import { depthwiseSeparableCheck } from '../separable-check.ts';
import { SPEC_KEYS, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { parseInteger } from '../../geometry/spec-fields.ts';
import { type ClaimEntry, claimedVector } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { plainSpec } from './partners.ts';
import { identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, depthwiseEstimate } from '../../work/spec-estimate.ts';

/**
 * A depthwise convolution (groups = C_in, m outputs per channel) followed by a
 * pointwise 1×1 convolution equals one full convolution whose kernel is
 * W[o, c, ·] = Σ_t P[o, c·m+t] · D[c·m+t, ·]: the stage matrices multiplied
 * equal K of that convolution. Costs: C_in·m·Πk·Πo + C_out·C_in·m·Πo against
 * C_out·C_in·Πk·Πo (the lecture: 675 + 9,600 = 10,275 against 86,400).
 */
export interface DepthwiseSpec extends SpecInput {
  /** depth multiplier m (default 1) */
  multiplier?: number;
}

export interface DepthwiseClaim {
  /** the claimed full kernel [C_out, C_in, ...k] (a near miss: one entry wrong, or P and D multiplied in the wrong order) */
  kernel?: readonly ClaimEntry[];
}

const ID = 'depthwise-separable-factorization';

export function checkDepthwiseSeparable(input: DepthwiseSpec, options: DepthwiseClaim = {}): IdentityReport {
  const spec = normalizeSpec(plainSpec(input, ['multiplier']));
  const m = input.multiplier === undefined ? 1 : parseInteger(input.multiplier, 'multiplier', 1, 64);
  const kernel = options.kernel ? claimedVector(options.kernel, 'kernel') : undefined;
  const result = depthwiseSeparableCheck(spec, m, kernel ? { kernel } : {});
  const cost = depthwiseSeparableCost(spec, m);
  return identityReport(ID, [...result.report.comparisons], {
    standardMultiplications: cost.standard.multiplications,
    depthwiseMultiplications: cost.stages[0]!.cost.multiplications,
    pointwiseMultiplications: cost.stages[1]!.cost.multiplications,
    separableMultiplications: cost.multiplications,
    standardParameters: cost.standard.parameters,
    separableParameters: cost.parameters,
  });
}

export const depthwiseSeparableFactorization = defineIdentity<DepthwiseSpec, DepthwiseClaim>({
  id: ID,
  title: 'Depthwise then pointwise equals one full convolution',
  statement: 'P \\cdot D = K_{W}, \\qquad W_{o,c,j} = \\sum_{t=1}^{m} P_{o,\\,cm+t}\\, D_{cm+t,\\,j}, \\qquad C_{\\text{in}} m \\textstyle\\prod k \\prod o + C_{\\text{out}} C_{\\text{in}} m \\prod o \\text{ against } C_{\\text{out}} C_{\\text{in}} \\prod k \\prod o',
  holdsWhen: 'For a regular convolution with groups = 1 (any dims, stride, padding, dilation, mode, channel counts, depth multiplier m ≥ 1): the full convolution has the rank-constrained kernel W above, the stride and padding sit in the depthwise stage.',
  failsWhen: 'A general full kernel is not of that form (it has C_out·C_in·Πk free weights against C_in·m·Πk + C_out·C_in·m); a kernel with one entry changed, or with the pointwise weights transposed, is rejected. Groups > 1 are outside its range.',
  parameters: [P.input, P.kernel, P.stride, P.padding, P.dilation,
    { ...P.channels, range: 'C_in, C_out ≥ 1 with groups = 1' }, { field: 'multiplier', symbol: 'm', range: 'integer from 1 to 64', min: 1, max: 64 }, P.mode],
  examples: [
    { input: [7, 7], kernel: [3, 3], inChannels: 3, outChannels: 4 },
    { input: [6, 6], kernel: [3, 3], inChannels: 2, outChannels: 3, multiplier: 2 },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 5, maxKernel: 3, channels: { maxGroups: 1, maxPerGroup: 3 }, mode: true, asymmetricPadding: true },
    extras: 1,
    build: (spec, ex) => ({ ...spec, ...(ex[0]! > 1 ? { multiplier: 2 } : {}) }),
  },
  check: checkDepthwiseSeparable,
  estimate: bySpecSize(depthwiseEstimate),
  specKeys: [...SPEC_KEYS, 'multiplier'],
});
