import { SpecError } from '../errors.ts';
import { type Polynomial, mulPoly, sumPolys } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { type ConvSpec, type SpecInput, isConvSpec, normalizeSpec, specGeometry } from '../geometry/spec.ts';
import { type PolyMatrix, polyMatMul } from '../matrix/poly-matrix.ts';
import { sparsePolynomialMatrix } from './spec-matrix.ts';

/**
 * The stages that replace one convolution by cheaper ones, as specs:
 * spatially separable (one 1D convolution per axis, e.g. a 3×1 then a 1×3)
 * and depthwise separable (a depthwise convolution with groups = C_in, then a
 * pointwise 1×1 convolution). Costs and matrix checks are built on these.
 */

/**
 * One stage per spatial axis, applied in axis order: stage a has the kernel,
 * stride, dilation and padding of axis a and is trivial (size 1, no padding)
 * on the others. Single channel only. Default weight names: the spec's own
 * prefix is not reused; stages are named by `prefixes` (c, r, t for axes 0, 1, 2).
 */
export function spatiallySeparableStages(input: SpecInput | ConvSpec, prefixes = ['c', 'r', 't']): SpecInput[] {
  // the geometry alone (no names made) unless the inputs are named, which the first stage keeps
  const spec = isConvSpec(input) || input.inputs !== undefined ? normalizeSpec(input) : specGeometry(input);
  if (!spec.singleChannel || spec.transposed) {
    throw new SpecError({
      field: spec.transposed ? 'transposed' : 'inChannels', value: spec.transposed || spec.inChannels,
      rule: 'spatial separation is shown for a single-channel, regular convolution',
      fix: 'use inChannels = outChannels = 1 and no transposed flag',
    });
  }
  if (spec.dims < 2) throw new SpecError({ field: 'kernel', value: spec.kernel, rule: 'a spatially separable kernel needs at least 2 axes' });
  const stages: SpecInput[] = [];
  let shape = [...spec.input];
  for (let a = 0; a < spec.dims; a++) {
    const only = (v: number, other: number) => spec.kernel.map((_, b) => (b === a ? v : other));
    const stage: SpecInput = {
      input: shape, kernel: only(spec.kernel[a]!, 1), stride: only(spec.stride[a]!, 1), dilation: only(spec.dilation[a]!, 1),
      padding: spec.padding.map((p, b) => (b === a ? [p[0], p[1]] : [0, 0]) as [number, number]),
      mode: spec.mode, paddingMode: spec.paddingMode, weights: prefixes[a] ?? `s${a}`,
    };
    const names = (spec as Partial<ConvSpec>).inputNames ?? null;
    if (a === 0 && names && names.length > 1) stage.inputs = names.join(',');
    shape = [...specGeometry(stage).output];
    stages.push(stage);
  }
  return stages;
}

export interface DepthwiseSeparableStages {
  /** groups = C_in, C_in·multiplier outputs; weights d_c_1_j by default */
  depthwise: SpecInput;
  /** 1×1, C_in·multiplier → C_out; weights p_o_c_1 by default */
  pointwise: SpecInput;
}

/** The depthwise and pointwise stages of a regular convolution with groups = 1. */
export function depthwiseSeparableStages(
  input: SpecInput | ConvSpec, multiplier = 1, prefixes: [string, string] = ['d', 'p'],
): DepthwiseSeparableStages {
  const spec = specGeometry(input);
  if (spec.groups !== 1 || spec.transposed) {
    throw new SpecError({
      field: spec.transposed ? 'transposed' : 'groups', value: spec.transposed || spec.groups,
      rule: 'depthwise separation replaces a regular convolution with groups = 1',
    });
  }
  if (!Number.isInteger(multiplier) || multiplier < 1) {
    throw new SpecError({ field: 'multiplier', value: multiplier, rule: 'the depth multiplier must be an integer ≥ 1' });
  }
  const C = spec.inChannels;
  const depthwise: SpecInput = {
    input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as [number, number]), mode: spec.mode, paddingMode: spec.paddingMode,
    inChannels: C, outChannels: C * multiplier, groups: C, weights: prefixes[0],
  };
  const mid = specGeometry(depthwise).output;
  const pointwise: SpecInput = {
    input: [...mid], kernel: mid.map(() => 1), inChannels: C * multiplier, outChannels: spec.outChannels, weights: prefixes[1],
  };
  return { depthwise, pointwise };
}

/** The stage matrices multiplied, last stage on the left, with `factors` (else the stages' own weights) as weights. */
export function stageMatrices(stages: readonly SpecInput[], factors: ReadonlyArray<readonly Polynomial[]> | undefined): {
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
