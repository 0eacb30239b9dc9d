import { NameError, ParseError, SpecError } from '../errors.ts';
import { type Polynomial, symbolPoly } from '../algebra/polynomial.ts';
import { entryToPolynomial } from '../algebra/entries.ts';
import { type Ring, polynomialRing } from '../algebra/ring.ts';
import { tensorNamesFor } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type ConvMatrix, transposeMatrix } from '../matrix/csr.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { im2colMatrix } from '../matrix/im2col.ts';
import { matVec } from '../matrix/products.ts';
import { type Gradients, backwardProblemOf, gradientsDirect } from './backward.ts';

export type { Gradients } from './backward.ts';

/** The two matrices of the backward pass; a claim may replace either (what a near-miss test feeds in). */
export interface BackwardMatrices {
  /** K, the convolution matrix (the input gradient is Kᵀ·δ) */
  k?: ConvMatrix;
  /** Z, the im2col matrix (the weight gradient is Zᵀ·δ) */
  z?: ConvMatrix;
}

/** ∂L/∂x = Kᵀ·δ and ∂L/∂w = Zᵀ·δ, over any ring. */
export function gradientsByMatrix<T>(
  spec: ConvSpec, weights: readonly T[], input: readonly T[], delta: readonly T[], ring: Ring<T>, m: BackwardMatrices = {},
): Gradients<T> {
  return {
    gradInput: matVec(transposeMatrix(m.k ?? convMatrix(spec)), weights, delta, ring),
    gradWeight: matVec(transposeMatrix(m.z ?? im2colMatrix(spec)), input, delta, ring),
  };
}

/** Both computations of the backward pass over one ring, and whether they agree entry by entry. */
export function backwardBothWays<T>(
  spec: ConvSpec, weights: readonly T[], input: readonly T[], delta: readonly T[], ring: Ring<T>,
): { viaMatrix: Gradients<T>; viaDirect: Gradients<T>; agree: boolean } {
  const viaMatrix = gradientsByMatrix(spec, weights, input, delta, ring);
  const viaDirect = gradientsDirect(backwardProblemOf(spec), weights, input, delta, ring);
  const same = (a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => ring.equals(v, b[i]!));
  return { viaMatrix, viaDirect, agree: same(viaMatrix.gradInput, viaDirect.gradInput) && same(viaMatrix.gradWeight, viaDirect.gradWeight) };
}

/**
 * What `convBackward` returns: `gradInput` (∂L/∂x, layout [C_in, ...n]) and
 * `gradWeight` (∂L/∂w, layout [C_out, C_in/groups, ...k]), the values of the
 * direct formulas; the pair computed each way (`viaMatrix`, `viaDirect`); and
 * whether the two agree.
 */
export interface ConvBackward extends Gradients<Polynomial> {
  /** δ = ∂L/∂y as used: the given values, or symbols delta1.. (delta_c_i with channels) */
  gradOutput: Polynomial[];
  /** {gradInput: Kᵀ·δ, gradWeight: Zᵀ·δ}, Z the im2col matrix */
  viaMatrix: Gradients<Polynomial>;
  /** {gradInput: δ scattered back through each window, gradWeight: the padded input correlated with δ} */
  viaDirect: Gradients<Polynomial>;
  /** viaMatrix equals viaDirect, exactly */
  agree: boolean;
}

/**
 * The backward pass of a regular convolution, exactly: given δ = ∂L/∂y
 * (numbers or names, layout [C_out, ...o]; default symbols delta1..), the
 * gradients ∂L/∂x = Kᵀ·δ (layout [C_in, ...n]) and ∂L/∂w = Zᵀ·δ (layout
 * [C_out, C_in/groups, ...k]) over the spec's weights and inputs, each
 * computed by the matrices and by the direct formulas, with `agree`.
 * `gradInput` and `gradWeight` are the direct values (the definition).
 */
export function convBackward(spec: SpecInput | ConvSpec, gradOutput?: ReadonlyArray<number | string | Polynomial>): ConvBackward {
  const s = normalizeSpec(spec);
  if (s.transposed) {
    throw new SpecError({ field: 'transposed', value: true, rule: 'convBackward takes a regular convolution', fix: 'give the convolution whose gradients you want (its backward pass is the transposed one)' });
  }
  const delta = gradOutput === undefined ? deltaSymbols(s) : gradOutput.map((v, i) => deltaEntry(v, i));
  if (delta.length !== s.outputNames.length) {
    throw new ParseError({ field: 'gradOutput', value: undefined, rule: `needs ${s.outputNames.length} entries, one per output, in shape [${s.outputShape.join(', ')}]; got ${delta.length}` });
  }
  const r = backwardBothWays(s, s.weights, s.inputs, delta, polynomialRing);
  return { ...r.viaDirect, gradOutput: delta, ...r };
}

function deltaEntry(v: number | string | Polynomial, i: number): Polynomial {
  return entryToPolynomial(v, `gradOutput[${i}]`);
}

/** δ as symbols named after the outputs' positions, delta1.. or delta_c_i, sharing no name with the spec's. */
export function deltaSymbols(s: ConvSpec): Polynomial[] {
  const names = tensorNamesFor('delta', s.outputShape, s.singleChannel);
  const taken = new Set([...(s.weightNames ?? []), ...(s.inputNames ?? [])]);
  const clash = names.find((n) => taken.has(n));
  if (clash) throw new NameError({ field: 'inputs', value: clash, rule: 'is the name of an entry of δ = ∂L/∂y', fix: 'rename the weights or inputs that start with delta' });
  return names.map((n) => symbolPoly(n));
}
