import { SpecError } from '../errors.ts';
import { type Polynomial, mulPoly, sumPolys } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type CheckReport, reportFrom } from '../check/report.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type PolyMatrix, polyMatMul } from '../matrix/poly-matrix.ts';
import { compareMatrices, sparsePolynomialMatrix } from './dense-compare.ts';
import { depthwiseSeparableStages, spatiallySeparableStages } from './separable-stages.ts';

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

function stageMatrices(stages: readonly SpecInput[], factors: ReadonlyArray<readonly Polynomial[]> | undefined): {
  factors: Polynomial[][]; product: PolyMatrix;
} {
  const specs = stages.map((s) => normalizeSpec(s));
  const used = specs.map((s, i) => {
    const f = factors?.[i];
    if (f && f.length !== s.weights.length) {
      throw new SpecError({ field: `factors[${i}]`, value: f.length, rule: `stage ${i} needs ${s.weights.length} weights` });
    }
    return [...(f ?? s.weights)];
  });
  let acc = sparsePolynomialMatrix(specs[0]!, used[0]);
  for (let i = 1; i < specs.length; i++) acc = polyMatMul(sparsePolynomialMatrix(specs[i]!, used[i]), acc);
  return { factors: used, product: acc };
}

/** The kernel ∏ factors[a][i_a] over the axes, flat row-major (an outer product). */
export function outerKernel(factors: ReadonlyArray<readonly Polynomial[]>): Polynomial[] {
  let acc: Polynomial[] = [polynomialRing.one];
  for (const f of factors) acc = acc.flatMap((x) => f.map((y) => mulPoly(x, y)));
  return acc;
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

/** The full kernel [C_out, C_in, ...k] of depthwise weights D [C·m, 1, ...k] followed by pointwise weights P [C_out, C·m]. */
export function depthwiseSeparableKernel(
  depthwise: readonly Polynomial[], pointwise: readonly Polynomial[], inChannels: number, outChannels: number, multiplier = 1,
): Polynomial[] {
  const cm = inChannels * multiplier;
  const K = depthwise.length / cm;
  if (!Number.isInteger(K) || pointwise.length !== outChannels * cm) {
    throw new SpecError({ field: 'weights', value: [depthwise.length, pointwise.length], rule: `need C·m·Πk depthwise and C_out·C·m pointwise weights (C = ${inChannels}, m = ${multiplier}, C_out = ${outChannels})` });
  }
  const out: Polynomial[] = [];
  for (let o = 0; o < outChannels; o++) for (let c = 0; c < inChannels; c++) for (let j = 0; j < K; j++) {
    const terms: Polynomial[] = [];
    for (let t = 0; t < multiplier; t++) terms.push(mulPoly(pointwise[o * cm + c * multiplier + t]!, depthwise[(c * multiplier + t) * K + j]!));
    out.push(sumPolys(terms));
  }
  return out;
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
