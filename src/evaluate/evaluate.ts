import type { Ring } from '../algebra/ring.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { type WindowProblem, slidingWindow } from './sliding-window.ts';
import { transposedByZeroInsertion } from './transposed.ts';

/** The sliding-window problem of a regular spec. */
export function windowProblemOf(spec: ConvSpec): WindowProblem {
  return {
    input: spec.input, kernel: spec.kernel, stride: spec.stride, dilation: spec.dilation, padding: spec.padding,
    inChannels: spec.inChannels, outChannels: spec.outChannels, groups: spec.groups, flip: spec.mode === 'convolution', paddingMode: spec.paddingMode,
  };
}

/**
 * The reference computation of a spec without any matrix: the sliding window
 * for a convolution; for a transposed convolution, the stride-1 sliding window
 * over the zero-inserted input with the flipped kernel.
 */
export function evaluateByWindow<T>(spec: ConvSpec, weights: readonly T[], x: readonly T[], ring: Ring<T>): T[] {
  return spec.transposed
    ? transposedByZeroInsertion(spec, weights, x, ring).values
    : slidingWindow(windowProblemOf(spec), weights, x, ring).values;
}

/** A spec computed both ways over one ring: [K·x by the matrix, the sliding window]. */
export function matrixAndWindow<T>(spec: ConvSpec, weights: readonly T[], x: readonly T[], ring: Ring<T>, matrix: ConvMatrix = convMatrix(spec)): [T[], T[]] {
  return [matVec(matrix, weights, x, ring), evaluateByWindow(spec, weights, x, ring)];
}
