import type { Polynomial } from '../../algebra/polynomial.ts';
import { spatiallySeparableCost } from '../../analysis/cost.ts';
import { factorRankOne } from '../../analysis/rank-one.ts';
import { spatiallySeparableCheck } from '../separable-check.ts';
import { SpecError } from '../../errors.ts';
import { type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ClaimEntry, claimedVector } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, separableEstimate } from '../../work/spec-estimate.ts';

/**
 * A 2D kernel equal to an outer product c ⊗ r separates: the convolution
 * equals a k_h×1 convolution with c followed by a 1×k_w convolution with r.
 * The kernel is factored exactly; the two stage matrices multiplied are
 * compared with K of the spec's own kernel. The costs come with it (the
 * lecture: 5×5 input, 3×3 kernel, 81 multiplications against 45 + 27 = 72).
 */
export interface Rank1Claim {
  /** claimed factors [column, row] instead of the exact factorisation */
  factors?: readonly [readonly ClaimEntry[], readonly ClaimEntry[]];
}

const ID = 'rank1-separable';

export function checkRank1Separable(input: SpecInput, options: Rank1Claim = {}): IdentityReport {
  const spec = normalizeSpec(input);
  if (spec.dims !== 2 || !spec.singleChannel || spec.transposed) {
    throw new SpecError({ field: 'kernel', value: spec.kernel, rule: 'rank-1 separation is stated for a single-channel, regular 2D convolution', fix: 'give a 2D kernel, one channel, no transposed flag' });
  }
  const [h, w] = spec.kernel as [number, number];
  const rows = Array.from({ length: h }, (_, i) => spec.weights.slice(i * w, (i + 1) * w));
  const cost = spatiallySeparableCost(spec);
  const facts = {
    kernel: spec.kernel,
    standardMultiplications: cost.standard.multiplications,
    stageMultiplications: cost.stages.map((s) => s.cost.multiplications),
    separableMultiplications: cost.multiplications,
    standardParameters: cost.standard.parameters,
    separableParameters: cost.parameters,
  };
  let factors: Polynomial[][];
  if (options.factors) {
    factors = options.factors.map((f, i) => claimedVector(f, `factors[${i}]`));
  } else {
    const f = factorRankOne(rows);
    if (!f.rank1) {
      const hint = f.minor ? '' : '; give the factors [column, row] as the second argument to check a symbolic kernel';
      return failedReport(ID, `the kernel does not factor exactly: ${f.reason}${hint}`, facts);
    }
    factors = [f.column, f.row];
  }
  const result = spatiallySeparableCheck(spec, { factors, kernel: spec.weights });
  return identityReport(ID, [...result.report.comparisons], facts);
}

export const rank1Separable = defineIdentity<SpecInput, Rank1Claim>({
  id: ID,
  title: 'Rank-1 kernels separate into two 1D convolutions',
  statement: 'W = c\\, r^{\\top} \\;\\Longrightarrow\\; W \\star z = r^{\\top} \\star (c \\star z), \\qquad k_{h} k_{w}\\, o_{h} o_{w} \\text{ against } k_{h}\\, o_{h} n_{w} + k_{w}\\, o_{h} o_{w} \\text{ multiplications}',
  holdsWhen: 'For a single-channel 2D convolution (any stride, padding, dilation, mode) whose kernel is exactly an outer product (every 2×2 minor vanishes), such as the Sobel kernel [1,2,1]ᵀ[1,0,−1]. A symbolic kernel (a·c, a·d, …) is checked against factors given as the second argument. Without padding the separable cost is k_h·o_h·n_w + k_w·o_h·o_w: 45 + 27 = 72 against 81 for 3×3 on 5×5.',
  failsWhen: 'A kernel of rank 2 or more (one entry changed in a Sobel kernel) has no such factors; factors whose outer product is not the kernel give other outputs.',
  parameters: [
    { ...P.input, range: 'integer ≥ 1 on each of 2 axes' }, { ...P.kernel, range: 'integer ≥ 1 on each of 2 axes; weights of rank 1' },
    P.stride, P.padding, P.dilation, P.mode,
    { field: 'weights', symbol: 'W', range: 'a k_h×k_w array of numbers or expressions with every 2×2 minor zero' },
  ],
  examples: [
    { input: [5, 5], kernel: [3, 3], weights: [[1, 0, -1], [2, 0, -2], [1, 0, -1]] },
    { input: [5, 5], kernel: [3, 3], weights: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] },
  ],
  sampling: {
    constraints: { dims: 2, maxSize: 6, mode: true, asymmetricPadding: true },
    extras: 8,
    build: (spec, ex) => {
      const [h, w] = spec.kernel as number[] as [number, number];
      const column = Array.from({ length: h }, (_, i) => (i === 0 && ex[0] === 0 ? 1 : ex[i]!));
      const row = Array.from({ length: w }, (_, j) => (j === 0 && ex[4] === 0 ? 1 : ex[4 + j]!));
      return { ...spec, weights: column.map((c) => row.map((r) => (c * r) || 0)) };
    },
  },
  check: checkRank1Separable,
  estimate: bySpecSize(separableEstimate),
});
