import { type Ring, dotProduct } from '../algebra/ring.ts';
import { ravel, unravel } from '../geometry/flat-index.ts';
import { product } from '../geometry/names.ts';
import { convOutputSize } from '../geometry/output-size.ts';
import { type PaddingMode, padSource } from '../geometry/padding-mode.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import type { WindowProblem } from './sliding-window.ts';

/**
 * The backward pass of a regular convolution, written from the definitions
 * and sharing nothing with the index map. With δ = ∂L/∂y (layout [C_out, ...o]):
 *
 * - the input gradient scatters each δ[oc, o] back through its window (the
 *   transposed convolution) onto the padded input, then folds every padded
 *   position onto the input sample it copies (`padSource`; a zero cell drops
 *   its share);
 * - the weight gradient is the correlation of the padded input with δ dilated
 *   by the stride: ∂L/∂w[oc, c, j] = Σ_o δ[oc, o]·x_padded[g·C_in/g + c, o·s + j·d].
 *
 * The matrix forms, Kᵀ·δ and Zᵀ·δ, live in `gradients-by-matrix.ts`.
 */
export interface Gradients<T> {
  /** ∂L/∂x, layout [C_in, ...n] */
  gradInput: T[];
  /** ∂L/∂w, layout [C_out, C_in/groups, ...k] */
  gradWeight: T[];
}

/** The geometry of the backward pass: a sliding-window problem with PyTorch's padding mode. */
export interface BackwardProblem extends WindowProblem {
  paddingMode: PaddingMode;
}

/** The backward problem of a regular spec. */
export function backwardProblemOf(spec: ConvSpec): BackwardProblem {
  return {
    input: spec.input, kernel: spec.kernel, stride: spec.stride, dilation: spec.dilation, padding: spec.padding,
    inChannels: spec.inChannels, outChannels: spec.outChannels, groups: spec.groups, flip: spec.mode === 'convolution',
    paddingMode: spec.paddingMode,
  };
}

export function gradientsDirect<T>(
  p: BackwardProblem, weights: readonly T[], input: readonly T[], delta: readonly T[], ring: Ring<T>,
): Gradients<T> {
  const n = p.input, k = p.kernel;
  const padded = n.map((len, a) => len + p.padding[a]![0] + p.padding[a]![1]);
  const out = n.map((len, a) => convOutputSize(len, { k: k[a]!, s: p.stride[a]!, d: p.dilation[a]!, p0: p.padding[a]![0], p1: p.padding[a]![1] }));
  const N = product(n), P = product(padded), O = product(out), K = product(k);
  const cinG = p.inChannels / p.groups, coutG = p.outChannels / p.groups;
  if (delta.length !== p.outChannels * O) throw new RangeError(`gradientsDirect: δ has ${delta.length} entries, the output ${p.outChannels * O}`);

  // which input sample each padded position copies (flat, −1 for a zero cell)
  const source = Array.from({ length: P }, (_, u) => {
    const at = unravel(u, padded).map((v, a) => padSource(p.paddingMode, v - p.padding[a]![0], n[a]!));
    return at.some((v) => v < 0) ? -1 : ravel(at, n);
  });
  // a window's first padded position, and each tap's offset from it (ravel is linear inside the shape)
  const start = Array.from({ length: O }, (_, o) => ravel(unravel(o, out).map((v, a) => v * p.stride[a]!), padded));
  const offset = Array.from({ length: K }, (_, j) => ravel(unravel(j, k).map((v, a) => v * p.dilation[a]!), padded));

  // ∂L/∂x: each product δ·w lands on padded position u (the scatter), and goes on to the input u copies
  // (the fold); scattering into a padded array first and folding it after gives the same sums
  const buckets: T[][] = Array.from({ length: p.inChannels * N }, () => []);
  const gradWeight: T[] = new Array(weights.length);
  const ds: T[] = [], xs: T[] = [];
  for (let oc = 0; oc < p.outChannels; oc++) {
    const group = Math.floor(oc / coutG);
    for (let c = 0; c < cinG; c++) {
      const ic = group * cinG + c;
      for (let j = 0; j < K; j++) {
        // true convolution reads the kernel flipped on every axis: flat index reversed
        const t = (oc * cinG + c) * K + (p.flip ? K - 1 - j : j);
        ds.length = 0;
        xs.length = 0;
        for (let o = 0; o < O; o++) {
          const d = delta[oc * O + o]!;
          if (ring.isZero(d)) continue;
          const src = source[start[o]! + offset[j]!]!;
          if (src < 0) continue; // a zero cell: its share of ∂L/∂x is dropped, and it adds nothing to ∂L/∂w
          buckets[ic * N + src]!.push(ring.mul(d, weights[t]!));
          ds.push(d);
          xs.push(input[ic * N + src]!);
        }
        gradWeight[t] = dotProduct(ring, ds, xs);
      }
    }
  }

  return { gradInput: buckets.map((b) => ring.sum(b)), gradWeight };
}
