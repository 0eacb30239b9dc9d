import { LimitError, SpecError } from '../errors.ts';
import { rToString } from '../algebra/rational.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { numericWeights } from '../evaluate/image.ts';
import { matrixAndWindow } from '../evaluate/evaluate.ts';
import { type ConvMatrix, convMatrix } from '../matrix/conv-matrix.ts';
import { storedTaps } from '../matrix/csr.ts';
import { type BothWays, bothWays, firstNonFinite } from './both-ways.ts';
import type { CheckReport } from './report.ts';

/**
 * The engine side of <conv-image>: a spec's numeric kernel applied to a
 * grayscale image (one channel, 2D, row-major height × width), computed by
 * the sliding window (the definition, the result) and by the matrix K·x with
 * the one both-ways evaluator: exactly over the rationals (pixels and weights
 * as written, 1/3 included) up to EXACT_IMAGE_PRODUCTS multiplications, in
 * float64 past that, which the report states (`exact` false and why). An
 * output that overflows float64 is refused, naming the pixel, never compared.
 */
export interface ImageCheck {
  readonly spec: ConvSpec;
  /** the output image, row-major, by the sliding window */
  readonly output: Float64Array;
  /** [height, width] of the output */
  readonly shape: readonly [number, number];
  /** K·x, the same output by the matrix */
  readonly viaMatrix: Float64Array;
  /** the largest |window − matrix| over the output, as printed */
  readonly maxDifference: number;
  /** the verdict: matrix = sliding window on every pixel (exactly unless `exact` is false) */
  readonly report: CheckReport;
  readonly exact: boolean;
  /** why the arithmetic was not exact (absent when it was) */
  readonly inexact?: string;
  /** the matrix, for the index map (which inputs an output reads) */
  readonly matrix: ConvMatrix;
}

/** Images with at most this many multiplications (outputs × taps) are computed exactly: about 50 ms each way. */
export const EXACT_IMAGE_PRODUCTS = 1 << 17;

export function checkImage(spec: ConvSpec, image: Float64Array): ImageCheck {
  const [h, w] = spec.input as [number, number];
  if (image.length !== h * w) {
    throw new SpecError({ field: 'input', value: `${h}x${w}`, rule: `must match the image, which has ${image.length} pixels` });
  }
  numericWeights(spec); // refuses a symbolic weight, naming it
  const weights = spec.weights.map((p) => rToString(p.constantValue()!));
  const matrix = convMatrix(spec);
  const products = storedTaps(matrix);
  const r: BothWays = bothWays([weights, Array.from(image)], (ring, [wt, x]) => [matrixAndWindow(spec, wt!, x!, ring, matrix)], {
    comparisons: [{ labels: ['matrix', 'sliding window'] }],
    ...(products > EXACT_IMAGE_PRODUCTS ? { floats: `${products.toLocaleString('en-US')} multiplications, more than the ${EXACT_IMAGE_PRODUCTS.toLocaleString('en-US')} computed exactly: float64, compared within a relative 1e-9` } : {}),
  });
  const [viaMatrix, viaWindow] = r.values[0]!;
  const [oh, ow] = spec.output as [number, number];
  for (const values of [viaWindow, viaMatrix]) {
    const bad = firstNonFinite(values);
    if (bad >= 0) {
      throw new LimitError({
        field: 'weights', value: undefined,
        rule: `give output pixel (${Math.floor(bad / ow)}, ${bad % ow}) the value ${values[bad]}: the sums of pixel × weight overflow float64`,
        fix: 'scale the weights down',
      });
    }
  }
  let maxDifference = 0;
  for (let i = 0; i < viaWindow.length; i++) maxDifference = Math.max(maxDifference, Math.abs(viaWindow[i]! - viaMatrix[i]!));
  return {
    spec, output: Float64Array.from(viaWindow), shape: [oh, ow], viaMatrix: Float64Array.from(viaMatrix), maxDifference,
    report: r.report, exact: r.exact, ...(r.inexact ? { inexact: r.inexact } : {}), matrix,
  };
}
