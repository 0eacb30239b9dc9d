/**
 * The oracle's padding modes, validated from outside: tfjs pads the input
 * (tf.mirrorPad for reflect; edge slices repeated for replicate; the opposite
 * end's slices for circular, all with tf.concat), then runs a valid
 * convolution; the oracle must give the same numbers on random integer data.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OraclePaddingMode, lcg, oracleConv, permute, randomTensor, type Tensor } from '../oracle.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fromTf = (t: tf.Tensor): Tensor => ({ data: Array.from(t.dataSync()), shape: t.shape.slice(1) });
const small = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const MODES: OraclePaddingMode[] = ['reflect', 'replicate', 'circular'];

/** Pads axis `axis` of a tfjs tensor by [p0, p1] the way `mode` says, with tfjs's own ops. */
function tfPadAxis(x: tf.Tensor, axis: number, [p0, p1]: [number, number], mode: OraclePaddingMode): tf.Tensor {
  const n = x.shape[axis]!;
  const slice = (from: number, size: number) => {
    const begin = x.shape.map((_, a) => (a === axis ? from : 0));
    const sizes = x.shape.map((s, a) => (a === axis ? size : s));
    return tf.slice(x, begin, sizes);
  };
  if (mode === 'reflect') {
    return tf.mirrorPad(x, x.shape.map((_, a) => (a === axis ? [p0, p1] : [0, 0])) as Array<[number, number]>, 'reflect');
  }
  const before = mode === 'replicate' ? Array.from({ length: p0 }, () => slice(0, 1)) : p0 > 0 ? [slice(n - p0, p0)] : [];
  const after = mode === 'replicate' ? Array.from({ length: p1 }, () => slice(n - 1, 1)) : p1 > 0 ? [slice(0, p1)] : [];
  return tf.concat([...before, x, ...after], axis);
}

/** PyTorch's bounds, restated: reflect pads at most n − 1, circular at most n, per side. */
const fits = (mode: OraclePaddingMode, n: number, p: number) => (mode === 'reflect' ? p <= n - 1 : mode === 'circular' ? p <= n : true);

describe('oracle padding modes against tfjs', { timeout: 60_000 }, () => { // room for property runs on a loaded machine
  it('conv1d: reflect, replicate, circular with channels, stride, dilation and per-side padding', () => {
    fc.assert(fc.property(
      fc.constantFrom(...MODES), small(1, 2), small(1, 2), small(1, 4), small(1, 3), small(1, 2), fc.tuple(small(0, 4), small(0, 4)), small(0, 1000),
      (mode, cin, cout, k, s, d, [p0, p1], seed) => {
        const r = lcg(seed);
        if (s > 1 && d > 1) d = 1; // tfjs: stride or dilation must be 1
        const n = Math.max(1, d * (k - 1) + 1 - p0 - p1, p0 + 1, p1 + 1) + Math.floor(r() * 4);
        fc.pre(fits(mode, n, p0) && fits(mode, n, p1));
        const x = randomTensor([cin, n], r), w = randomTensor([cout, cin, k], r);
        const padded = tfPadAxis(tf.tensor(permute(x, [1, 0]).data, [1, n, cin]), 1, [p0, p1], mode);
        const want = fromTf(tf.conv1d(padded as tf.Tensor3D, tf.tensor(permute(w, [2, 1, 0]).data, [k, cin, cout]) as tf.Tensor3D, s, 'valid', 'NWC', d));
        const got = oracleConv(x, w, { stride: [s], dilation: [d], padding: [[p0, p1]], paddingMode: mode });
        expect(permute(got, [1, 0])).toEqual(want);
      }), { numRuns: 60 });
  });

  it('conv2d: a mode on both axes, per-side padding, stride', () => {
    fc.assert(fc.property(
      fc.constantFrom(...MODES), small(1, 2), small(1, 2), fc.tuple(small(1, 3), small(1, 3)), small(1, 2),
      fc.array(small(0, 3), { minLength: 4, maxLength: 4 }), small(0, 1000),
      (mode, cin, cout, [kh, kw], s, [t, b, l, rr], seed) => {
        const r = lcg(seed);
        const h = Math.max(kh, t! + 1, b! + 1) + Math.floor(r() * 3), wd = Math.max(kw, l! + 1, rr! + 1) + Math.floor(r() * 3);
        const x = randomTensor([cin, h, wd], r), w = randomTensor([cout, cin, kh, kw], r);
        const img = tf.tensor(permute(x, [1, 2, 0]).data, [1, h, wd, cin]);
        const padded = tfPadAxis(tfPadAxis(img, 1, [t!, b!], mode), 2, [l!, rr!], mode);
        const want = fromTf(tf.conv2d(padded as tf.Tensor4D, tf.tensor(permute(w, [2, 3, 1, 0]).data, [kh, kw, cin, cout]) as tf.Tensor4D, s, 'valid'));
        const got = oracleConv(x, w, { stride: [s, s], padding: [[t!, b!], [l!, rr!]], paddingMode: mode });
        expect(permute(got, [1, 2, 0])).toEqual(want);
      }), { numRuns: 40 });
  });

  it("F.pad's documented example: x = [0, 1, 2, 3] padded by 3 (a one-hot kernel reads each padded cell)", () => {
    const x: Tensor = { data: [0, 1, 2, 3], shape: [1, 4] };
    const padded = (mode: OraclePaddingMode, p: number) => oracleConv(x, { data: [1], shape: [1, 1, 1] }, { padding: [[p, p]], paddingMode: mode }).data;
    expect(padded('reflect', 3)).toEqual([3, 2, 1, 0, 1, 2, 3, 2, 1, 0]);
    expect(padded('replicate', 2)).toEqual([0, 0, 0, 1, 2, 3, 3, 3]);
    expect(padded('circular', 4)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
  });
});
