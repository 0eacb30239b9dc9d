/**
 * A real implementation from outside: tfjs's conv2d (CPU backend, float32
 * throughout) wrapped as fn(input, weight) in the eval layouts. The probes are
 * exact in float32, so it passes with no tolerance; tf.relu of it fails on
 * bilinearity; and reading its result with the async `data()` (as a GPU
 * backend must) is awaited by the matcher.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { type ConvolutionFn, probeMatrix } from '../../src/testing/index.ts';
import { build, flat, shapeOf } from './direct-conv.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Options = { stride: number; padding: [number, number, number, number]; dilation: number; relu?: boolean };

/** input [C, H, W] and weight [O, C, kh, kw] → tfjs NHWC and [kh, kw, C, O] → output [O, oh, ow]. */
function tfConv(o: Options, read: 'sync' | 'async' = 'sync'): ConvolutionFn {
  return (input, weight) => {
    const [c, h, w] = shapeOf(input as never), [out, , kh, kw] = shapeOf(weight as never);
    const x = tf.transpose(tf.tensor4d(flat(input as never), [1, c!, h!, w!]), [0, 2, 3, 1]);
    const f = tf.transpose(tf.tensor4d(flat(weight as never), [out!, c!, kh!, kw!]), [2, 3, 1, 0]);
    const [t, b, l, r] = o.padding;
    let y = tf.conv2d(x, f, o.stride, [[0, 0], [t, b], [l, r], [0, 0]], 'NHWC', o.dilation);
    if (o.relu) y = tf.relu(y);
    const chw = tf.transpose(y, [0, 3, 1, 2]);
    const shape = chw.shape.slice(1);
    if (read === 'async') return chw.data().then((d: ArrayLike<number>) => build(Array.from(d), shape));
    return build(Array.from(chw.dataSync()), shape);
  };
}

const small = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });

describe('tfjs conv2d (float32) as the function under test', { timeout: 60_000 }, () => {
  it('passes for random stride, padding, dilation and channels; tf.relu of it fails on bilinearity', () => {
    let checked = 0;
    fc.assert(fc.property(
      small(1, 3), small(1, 2), fc.tuple(small(1, 3), small(1, 3)), small(1, 2), fc.boolean(), fc.array(small(0, 1), { minLength: 4, maxLength: 4 }),
      (cin, cout, [kh, kw], s, dilate, pad) => {
        const [stride, dilation] = dilate ? [1, s] : [s, 1]; // tfjs: stride or dilation must be 1
        const [t, b, l, r] = pad as [number, number, number, number];
        const input = [dilation * (kh - 1) + 2, dilation * (kw - 1) + 3];
        const spec = { input, kernel: [kh, kw], stride, dilation, padding: [[t, b], [l, r]] as Array<[number, number]>, inChannels: cin, outChannels: cout };
        const o: Options = { stride, padding: [t, b, l, r], dilation };
        expect(tfConv(o)).toComputeConvolution(spec);
        const relu = probeMatrix(tfConv({ ...o, relu: true }), spec);
        expect(relu.holds).toBe(false);
        expect(relu.facts.property).toMatch(/^(additive|homogeneous) in the (input|weight)$/);
        checked++;
      }), { numRuns: 15 });
    expect(checked).toBe(15);
  });

  it('read back with the async data(): the matcher awaits it', async () => {
    const o: Options = { stride: 2, padding: [1, 1, 1, 1], dilation: 1 };
    const spec = { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1, inChannels: 2, outChannels: 2 };
    await expect(tfConv(o, 'async')).toComputeConvolution(spec);
    await expect(tfConv({ ...o, padding: [0, 2, 0, 2] }, 'async')).not.toComputeConvolution(spec);
  });
});
