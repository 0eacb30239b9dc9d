import { SpecError } from '../errors.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { type CheckReport, reportFrom } from './report.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import type { PolyMatrix } from '../matrix/poly-matrix.ts';
import { depthwiseSeparableKernel, depthwiseSeparableStages, outerKernel, spatiallySeparableStages, stageMatrices } from '../analysis/separable-stages.ts';
import { sparsePolynomialMatrix } from '../analysis/spec-matrix.ts';
import { compareMatrices } from './compare-matrices.ts';

/**
 * Separable convolutions as matrices whose product equals one convolution:
 * - spatially separable: (1×k_w stage)·(k_h×1 stage) = K of the k_h×k_w
 *   convolution whose kernel is the outer product column ⊗ row;
 * - depthwise separable: (pointwise matrix)·(block-diagonal depthwise matrix)
 *   = K of the full convolution with the rank-constrained kernel
 *   W[o,c,·] = Σ_t P[o, c·m+t]·D[c·m+t, ·] (m = depth multiplier; m = 1 gives P[o,c]·D[c,·]).
 * Both sides are exact polynomial matrices; the report names the first differing entry.
 */
export interface SeparableCheck {
  stages: SpecInput[];
  /** one factor per stage (symbolic by default) */
  factors: Polynomial[][];
  /** the kernel of the single convolution the stages amount to, flat in its weight layout */
  kernel: Polynomial[];
  /** the stage matrices multiplied, last stage on the left (sparse: read with polyAt, polyToDense) */
  product: PolyMatrix;
  /** K of the single convolution (sparse) */
  full: PolyMatrix;
  report: CheckReport;
}

export interface SeparableOptions {
  /** factors to use instead of the stages' symbolic weights, one array per stage */
  factors?: ReadonlyArray<readonly Polynomial[]>;
  /** compare against this kernel instead of the one the factors give (to show a wrong kernel is caught) */
  kernel?: readonly Polynomial[];
}

export function spatiallySeparableCheck(input: SpecInput | ConvSpec, opts: SeparableOptions = {}): SeparableCheck {
  const spec = normalizeSpec(input);
  const stages = spatiallySeparableStages(spec);
  const { factors, product: prod } = stageMatrices(stages, opts.factors);
  const kernel = outerKernel(factors);
  const full = sparsePolynomialMatrix(spec, checkKernel(opts.kernel ?? kernel, spec));
  const report = reportFrom([compareMatrices(prod, full, ['stages multiplied', 'single convolution'], 'K')]);
  return { stages, factors, kernel, product: prod, full, report };
}

export function depthwiseSeparableCheck(input: SpecInput | ConvSpec, multiplier = 1, opts: SeparableOptions = {}): SeparableCheck {
  const spec = normalizeSpec(input);
  const { depthwise, pointwise } = depthwiseSeparableStages(spec, multiplier);
  const stages = [depthwise, pointwise];
  const { factors, product: prod } = stageMatrices(stages, opts.factors);
  const kernel = depthwiseSeparableKernel(factors[0]!, factors[1]!, spec.inChannels, spec.outChannels, multiplier);
  const full = sparsePolynomialMatrix(spec, checkKernel(opts.kernel ?? kernel, spec));
  const report = reportFrom([compareMatrices(prod, full, ['pointwise · depthwise', 'full convolution'], 'K')]);
  return { stages, factors, kernel, product: prod, full, report };
}

function checkKernel(kernel: readonly Polynomial[], spec: ConvSpec): readonly Polynomial[] {
  if (kernel.length !== product(spec.weightShape)) {
    throw new SpecError({ field: 'kernel', value: kernel.length, rule: `needs ${product(spec.weightShape)} weights in shape [${spec.weightShape.join(', ')}]` });
  }
  return kernel;
}
