import { SpecError } from '../errors.ts';
import { evaluatePoly, symbolsOf } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import type { ConvMatrix } from '../matrix/conv-matrix.ts';
import { entryColumns } from '../matrix/csr.ts';

/**
 * The pieces of <conv-image> below the check: the image's spec, numeric
 * weights, the pixels an output reads, gray levels. The convolution itself is
 * checkImage (src/check/image-check.ts), through the one both-ways evaluator.
 */

/** The spec of an image convolution: the image size is the input unless the spec gives one. */
export function imageSpec(input: SpecInput, imageShape: readonly [number, number]): ConvSpec {
  const spec = normalizeSpec({ ...input, input: input.input ?? `${imageShape[0]}x${imageShape[1]}` });
  if (spec.dims !== 2 || spec.inChannels !== 1 || spec.outChannels !== 1) {
    throw new SpecError({ field: 'input', value: input.input, rule: 'must be a 2D size (height x width) with one channel in and out for an image' });
  }
  return spec;
}

/** The weights as numbers; a symbolic weight is refused (an image needs a numeric kernel). */
export function numericWeights(spec: ConvSpec): number[] {
  return spec.weights.map((p, i) => {
    if (symbolsOf(p).size > 0) {
      throw new SpecError({
        field: 'weights', value: spec.weightNames?.[i] ?? `weight ${i + 1}`,
        rule: 'conv-image needs numeric weights', fix: 'give every weight as a number, e.g. weights="[[1,0,-1],[2,0,-2],[1,0,-1]]"',
      });
    }
    return evaluatePoly(p, () => 0);
  });
}

/** The input pixels (flat, row-major) that output pixel r reads: its row of the matrix, the index map. */
export function pixelsReadBy(c: { readonly matrix: ConvMatrix }, r: number): number[] {
  return entryColumns(c.matrix, r);
}

/**
 * Gray levels for an output: symmetric around 0 when any weight is negative
 * (0 is mid-gray, ±max|v| black and white: an edge filter's sign shows), else
 * min-max (the smallest value black, the largest white).
 */
export interface GrayScale {
  readonly kind: 'symmetric' | 'min-max';
  readonly lo: number;
  readonly hi: number;
  /** the output's range */
  readonly min: number;
  readonly max: number;
}

export function grayScaleFor(values: ArrayLike<number>, weights: readonly number[]): GrayScale {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) { lo = Math.min(lo, values[i]!); hi = Math.max(hi, values[i]!); }
  if (values.length === 0) { lo = 0; hi = 0; }
  if (weights.some((v) => v < 0)) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return { kind: 'symmetric', lo: -m, hi: m, min: lo, max: hi };
  }
  return { kind: 'min-max', lo, hi, min: lo, max: hi };
}

/** A value as a gray level 0…255 under a scale (a flat scale maps everything to mid-gray). */
export function grayLevel(v: number, s: GrayScale): number {
  return s.hi > s.lo ? Math.round(((v - s.lo) / (s.hi - s.lo)) * 255) : 128;
}
