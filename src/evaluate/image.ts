import { SpecError } from '../errors.ts';
import { float64Ring, floatClose } from '../algebra/ring.ts';
import { evaluatePoly, symbolsOf } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { entryColumns } from '../matrix/csr.ts';
import { evaluateByWindow } from './evaluate.ts';

/**
 * A spec's numeric kernel applied to a grayscale image (one channel, 2D),
 * computed twice by the engine: the sliding window (the definition, the
 * result) and the matrix K·x, both in float64. The image is row-major,
 * height × width; `spec.input` must be its size.
 */
export interface ImageConvolution {
  readonly spec: ConvSpec;
  /** the output image, row-major, by the sliding window */
  readonly output: Float64Array;
  /** [height, width] of the output */
  readonly shape: readonly [number, number];
  /** K·x, the same output by the matrix */
  readonly viaMatrix: Float64Array;
  /** the largest |window − matrix| over the output */
  readonly maxDifference: number;
  /** every output agrees within a relative 1e-9 */
  readonly agree: boolean;
  /** the matrix, for the index map (which inputs an output reads) */
  readonly matrix: ConvMatrix;
}

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

/**
 * @deprecated The element's next version calls checkImage (src/check/image-check.ts):
 * the same computation through the one both-ways evaluator, exact, with a
 * CheckReport, refusing overflow. Delete this once components/conv-image uses it.
 */
export function convolveImage(spec: ConvSpec, image: Float64Array): ImageConvolution {
  const [h, w] = spec.input as [number, number];
  if (image.length !== h * w) {
    throw new SpecError({ field: 'input', value: `${h}x${w}`, rule: `must match the image, which has ${image.length} pixels` });
  }
  const weights = numericWeights(spec);
  const x = Array.from(image);
  const window = evaluateByWindow(spec, weights, x, float64Ring);
  const matrix = convMatrix(spec);
  const product = matVec(matrix, weights, x, float64Ring);
  let maxDifference = 0, agree = true;
  for (let i = 0; i < window.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs(window[i]! - product[i]!));
    if (!floatClose(window[i]!, product[i]!)) agree = false;
  }
  const [oh, ow] = spec.output as [number, number];
  return { spec, output: Float64Array.from(window), shape: [oh, ow], viaMatrix: Float64Array.from(product), maxDifference, agree, matrix };
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
