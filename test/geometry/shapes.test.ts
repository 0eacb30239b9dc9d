/**
 * Shapes follow the formulas: compared with the shapes tfjs computes for the
 * same convolution, and with the inverse relation of a transposed convolution.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';

beforeAll(async () => { await tf.setBackend('cpu'); });

const int = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

describe('output shapes', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('equal tfjs conv2d shapes (explicit per-side padding, stride or dilation, channels)', () => {
    fc.assert(fc.property(
      fc.tuple(int(1, 9), int(1, 9)), fc.tuple(int(1, 4), int(1, 4)), int(1, 4), int(1, 3), fc.boolean(),
      fc.array(int(0, 3), { minLength: 4, maxLength: 4 }), int(1, 3), int(1, 3),
      ([h, w], [kh, kw], s, d, dilate, [t, b, l, r], cin, cout) => {
        const [sh, dh] = dilate ? [1, d] : [s, 1];
        fc.pre(dh * (kh - 1) + 1 <= h + t! + b! && dh * (kw - 1) + 1 <= w + l! + r!);
        const y = tf.conv2d(tf.zeros([1, h, w, cin]) as tf.Tensor4D, tf.zeros([kh, kw, cin, cout]) as tf.Tensor4D, sh,
          [[0, 0], [t!, b!], [l!, r!], [0, 0]], 'NHWC', dh);
        const spec = normalizeSpec({
          input: [h, w], kernel: [kh, kw], stride: sh, dilation: dh, padding: [[t!, b!], [l!, r!]], inChannels: cin, outChannels: cout,
        });
        expect(spec.outputShape).toEqual([y.shape[3], y.shape[1], y.shape[2]]);
        const m = convMatrix(spec);
        expect([m.rows, m.cols]).toEqual([cout * y.shape[1]! * y.shape[2]!, cin * h * w]);
        y.dispose();
      }), { numRuns: 200 });
  });

  it('equal tfjs conv1d and conv3d shapes with "same" and "valid"', () => {
    fc.assert(fc.property(int(1, 12), int(1, 5), int(1, 3), fc.boolean(), (n, k, d, same) => {
      fc.pre(same || d * (k - 1) + 1 <= n);
      const y = tf.conv1d(tf.zeros([1, n, 1]) as tf.Tensor3D, tf.zeros([k, 1, 1]) as tf.Tensor3D, 1, same ? 'same' : 'valid', 'NWC', d);
      expect(normalizeSpec({ input: n, kernel: k, dilation: d, padding: same ? 'same' : 'valid' }).output).toEqual([y.shape[1]]);
    }), { numRuns: 100 });
    fc.assert(fc.property(fc.tuple(int(1, 6), int(1, 6), int(1, 6)), int(1, 3), int(1, 3), ([a, b, c], k, s) => {
      fc.pre(k <= Math.min(a, b, c));
      const y = tf.conv3d(tf.zeros([1, a, b, c, 1]) as tf.Tensor5D, tf.zeros([k, k, k, 1, 1]) as tf.Tensor5D, s, 'valid');
      expect(normalizeSpec({ input: [a, b, c], kernel: k, stride: s }).output).toEqual(y.shape.slice(1, 4));
    }), { numRuns: 60 });
  });

  it('transposed: o = (n−1)s − p₀ − p₁ + d(k−1) + output_padding + 1, and the conv of that size maps back to n', () => {
    fc.assert(fc.property(int(1, 8), int(1, 4), int(1, 3), int(1, 3), int(0, 3), int(0, 3), int(0, 2), (n, k, s, d, p0, p1, op) => {
      op = op % Math.max(s, d);
      const o = (n - 1) * s - p0 - p1 + d * (k - 1) + op + 1;
      fc.pre(o >= 1);
      const t = normalizeSpec({ input: n, kernel: k, stride: s, dilation: d, padding: [[p0, p1]], outputPadding: op, transposed: true });
      expect(t.output).toEqual([o]);
      expect([convMatrix(t).rows, convMatrix(t).cols]).toEqual([o, n]);
      // the regular convolution of an o-input: ⌊(o + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1 = n + ⌊op/s⌋
      const back = normalizeSpec({ input: o, kernel: k, stride: s, dilation: d, padding: [[p0, p1]] });
      expect(back.output).toEqual([n + Math.floor(op / s)]);
    }), { numRuns: 300 });
  });

  it('keeps the lecture sizes: 4×4 → 2×2 with k=3, back to 4×4 with k\'=3, s\'=1, p\'=2, and p\' = k−1', () => {
    expect(normalizeSpec({ input: '4x4', kernel: 3 }).output).toEqual([2, 2]);
    expect(normalizeSpec({ input: '2x2', kernel: 3, padding: 2 }).output).toEqual([4, 4]);
    expect(normalizeSpec({ input: '2x2', kernel: 3, transposed: true }).output).toEqual([4, 4]);
    expect(normalizeSpec({ input: 6, kernel: 3 }).output).toEqual([4]);
    expect(normalizeSpec({ input: 4, kernel: 3, transposed: true }).output).toEqual([6]);
    expect(normalizeSpec({ input: '6x6', kernel: 3, inChannels: 16, outChannels: 16, groups: 16 }).outputShape).toEqual([16, 4, 4]);
  });
});
