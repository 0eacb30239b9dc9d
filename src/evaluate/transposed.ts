import type { Ring } from '../algebra/ring.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import { zeroInsertedLength, zeroInsertionPadding } from '../geometry/output-size.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { type WindowProblem, type WindowResult, slidingWindow } from './sliding-window.ts';

/**
 * A transposed convolution computed the two ways that are not "multiply by Kᵀ":
 * scattering the filter scaled by each input, and a stride-1 sliding window over
 * the zero-inserted input with the flipped kernel.
 */

/** Scatter ("the filter scaled by the input"): out[o·s + j·d − p₀] += x[o]·w[j]. */
export function scatterTransposed<T>(spec: ConvSpec, weights: readonly T[], x: readonly T[], ring: Ring<T>): T[] {
  const buckets: T[][] = Array.from({ length: product(spec.outputShape) }, () => []);
  forEachTap(spec, (row, col, tap) => {
    buckets[col]!.push(ring.mul(x[row]!, weights[tap]!));
  });
  return buckets.map((b) => ring.sum(b));
}

/** The regular, stride-1 problem on the zero-inserted input that equals the transposed convolution. */
export function zeroInsertionProblem(spec: ConvSpec): WindowProblem {
  return {
    input: spec.input.map((n, a) => zeroInsertedLength(n, spec.stride[a]!)),
    kernel: spec.kernel,
    stride: spec.kernel.map(() => 1),
    dilation: spec.dilation,
    padding: spec.conv.axes.map((axis, a) => zeroInsertionPadding(axis, spec.outputPadding[a]!)),
    inChannels: spec.inChannels,
    outChannels: spec.outChannels,
    groups: spec.groups,
    flip: spec.mode !== 'convolution',
  };
}

/** Inserts s−1 zeros between neighbouring samples on every spatial axis of [C, ...n]. */
export function insertZeros<T>(x: readonly T[], shape: readonly number[], stride: readonly number[], ring: Ring<T>): T[] {
  const [channels, ...n] = shape as [number, ...number[]];
  const m = n.map((len, a) => zeroInsertedLength(len, stride[a]!));
  const out: T[] = new Array(channels * product(m)).fill(ring.zero);
  const per = product(n);
  for (let c = 0; c < channels; c++) {
    for (let flat = 0; flat < per; flat++) {
      let rest = flat, dst = 0, scale = 1;
      for (let a = n.length - 1; a >= 0; a--) {
        const i = rest % n[a]!;
        rest = Math.floor(rest / n[a]!);
        dst += i * stride[a]! * scale;
        scale *= m[a]!;
      }
      out[c * product(m) + dst] = x[c * per + flat]!;
    }
  }
  return out;
}

/** Transposed-layout weights [C_in, C_out/g, ...k] rearranged as a regular convolution's [C_out, C_in/g, ...k]. */
export function swapChannelAxes<T>(spec: ConvSpec, weights: readonly T[]): T[] {
  const K = product(spec.kernel);
  const cinG = spec.inChannels / spec.groups, coutG = spec.outChannels / spec.groups;
  const out: T[] = [];
  for (let oc = 0; oc < spec.outChannels; oc++) {
    const g = Math.floor(oc / coutG);
    for (let ic = 0; ic < cinG; ic++) {
      const src = ((g * cinG + ic) * coutG + (oc - g * coutG)) * K;
      for (let j = 0; j < K; j++) out.push(weights[src + j]!);
    }
  }
  return out;
}

/**
 * The kernel the zero-insertion form slides: every spatial kernel of the weight
 * tensor flipped on all its axes (row-major, so a flip of all axes reverses each block).
 */
export function flipKernels<T>(spec: ConvSpec, weights: readonly T[]): T[] {
  const K = product(spec.kernel);
  const out: T[] = [];
  for (let base = 0; base < weights.length; base += K) {
    for (let j = K - 1; j >= 0; j--) out.push(weights[base + j]!);
  }
  return out;
}

/** A transposed convolution as a stride-1 sliding window over the zero-inserted input, kernel flipped. */
export function transposedByZeroInsertion<T>(spec: ConvSpec, weights: readonly T[], x: readonly T[], ring: Ring<T>): WindowResult<T> {
  const inserted = insertZeros(x, spec.inputShape, spec.stride, ring);
  return slidingWindow(zeroInsertionProblem(spec), swapChannelAxes(spec, weights), inserted, ring);
}

/** The three computations of one transposed convolution, side by side. */
export interface TransposedForms<T> {
  /** Kᵀ·x */
  viaMatrix: T[];
  /** the filter scaled by each input, placed and summed */
  scatter: T[];
  /** the stride-1 window over the zero-inserted, padded input with the flipped kernel */
  zeroInsertion: T[];
}

/**
 * The one place the three forms of a transposed convolution are computed: the
 * identity, the derivation and the element all call this. `matrix` replaces
 * the engine's Kᵀ (a claimed matrix, or one already built).
 */
export function transposedForms<T>(
  spec: ConvSpec, weights: readonly T[], x: readonly T[], ring: Ring<T>, matrix: ConvMatrix = convMatrix(spec),
): TransposedForms<T> {
  return {
    viaMatrix: matVec(matrix, weights, x, ring),
    scatter: scatterTransposed(spec, weights, x, ring),
    zeroInsertion: transposedByZeroInsertion(spec, weights, x, ring).values,
  };
}
