/**
 * The oracle itself, validated from outside: against tfjs on random integer
 * data (layouts converted: tfjs is NHWC with filters [kh, kw, in, out]) and
 * against the lecture's printed numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lcg, oracleConv, oracleConvTranspose, permute, randomTensor, type Tensor } from '../oracle.ts';
import { lectureCase } from '../cases.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** tfjs tensor (batch 1 dropped) as plain data. */
function fromTf(t: tf.Tensor): Tensor {
  return { data: Array.from(t.dataSync()), shape: t.shape.slice(1) };
}
const tfOf = (t: Tensor) => tf.tensor(t.data, [1, ...t.shape]);
const tfFilter = (t: Tensor) => tf.tensor(t.data, t.shape);
/** TensorFlow's "same" for any stride: total max((⌈n/s⌉−1)s + d(k−1)+1 − n, 0), the extra at the end. */
function tfSame(n: number, k: number, s: number, d: number): [number, number] {
  const total = Math.max((Math.ceil(n / s) - 1) * s + d * (k - 1) + 1 - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

const small = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const opts = { numRuns: 40 };

describe('oracle against tfjs', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('conv1d: channels, stride, per-side padding, dilation (NWC, filter [k, in, out])', () => {
    fc.assert(fc.property(
      small(1, 3), small(1, 3), small(1, 4), small(1, 3), small(1, 2), fc.tuple(small(0, 2), small(0, 2)), small(0, 1000), fc.boolean(),
      (cin, cout, k, s, d, [p0, p1], seed, same) => {
        const r = lcg(seed);
        if (s > 1 && d > 1) d = 1; // tfjs: stride or dilation must be 1
        if (same) s = 1; // tfjs's "same" misplaces the window when the TF total would be negative
        const n = d * (k - 1) + 1 + Math.floor(r() * 6);
        const x = randomTensor([cin, n], r), w = randomTensor([cout, cin, k], r);
        const pad: [number, number] = same ? tfSame(n, k, s, d) : [p0, p1];
        // conv1d runs as conv2d on a 1×n image, so explicit padding is written for conv2d's four axes
        const tfPad: 'same' | Parameters<typeof tf.conv1d>[3] = same ? 'same' : [[0, 0], [0, 0], [p0, p1], [0, 0]];
        const want = fromTf(tf.conv1d(tfOf(permute(x, [1, 0])) as tf.Tensor3D, tfFilter(permute(w, [2, 1, 0])) as tf.Tensor3D, s, tfPad, 'NWC', d));
        const got = oracleConv(x, w, { stride: [s], dilation: [d], padding: [pad] });
        expect(permute(got, [1, 0])).toEqual(want);
      }), opts);
  });

  it('conv2d: per-side explicit padding, stride or dilation', () => {
    fc.assert(fc.property(
      small(1, 3), small(1, 3), fc.tuple(small(1, 3), small(1, 3)), fc.tuple(small(1, 3), small(1, 2)),
      fc.array(small(0, 2), { minLength: 4, maxLength: 4 }), small(0, 1000), fc.boolean(),
      (cin, cout, [kh, kw], [s, d], [t, b, l, rr], seed, dilate) => {
        const r = lcg(seed);
        const [sh, dh] = dilate ? [1, d] : [s, 1];
        const h = dh * (kh - 1) + 1 + Math.floor(r() * 4), wd = dh * (kw - 1) + 1 + Math.floor(r() * 4);
        const x = randomTensor([cin, h, wd], r), w = randomTensor([cout, cin, kh, kw], r);
        const want = fromTf(tf.conv2d(
          tfOf(permute(x, [1, 2, 0])) as tf.Tensor4D, tfFilter(permute(w, [2, 3, 1, 0])) as tf.Tensor4D,
          sh, [[0, 0], [t!, b!], [l!, rr!], [0, 0]], 'NHWC', dh));
        const got = oracleConv(x, w, { stride: [sh, sh], dilation: [dh, dh], padding: [[t!, b!], [l!, rr!]] });
        expect(permute(got, [1, 2, 0])).toEqual(want);
      }), opts);
  });

  it('conv3d: stride and same/valid padding (NDHWC, filter [kd, kh, kw, in, out])', () => {
    fc.assert(fc.property(small(1, 2), small(1, 2), small(1, 3), small(1, 2), small(0, 1000), fc.boolean(), (cin, cout, k, s, seed, same) => {
      const r = lcg(seed);
      if (same) s = 1; // see conv1d
      const n = [k + Math.floor(r() * 3), k + Math.floor(r() * 3), k + Math.floor(r() * 3)];
      const x = randomTensor([cin, ...n], r), w = randomTensor([cout, cin, k, k, k], r);
      const want = fromTf(tf.conv3d(tfOf(permute(x, [1, 2, 3, 0])) as tf.Tensor5D, tfFilter(permute(w, [2, 3, 4, 1, 0])) as tf.Tensor5D, s, same ? 'same' : 'valid'));
      const pad = n.map((len) => (same ? tfSame(len, k, s, 1) : [0, 0])) as Array<[number, number]>;
      const got = oracleConv(x, w, { stride: [s, s, s], padding: pad });
      expect(permute(got, [1, 2, 3, 0])).toEqual(want);
    }), { numRuns: 25 });
  });

  it('conv2dTranspose: stride, padding and output padding (filter [kh, kw, out, in])', () => {
    fc.assert(fc.property(small(1, 3), small(1, 3), small(1, 4), small(1, 3), small(0, 3), small(0, 2), small(0, 1000),
      (cin, cout, k, s, p, op, seed) => {
        const r = lcg(seed);
        if (p > k - 1) p = k - 1;
        op = op % s;
        const least = 1 + Math.ceil(Math.max(0, 2 * p - k - op + 1) / s); // smallest input with a nonempty output
        const h = least + Math.floor(r() * 3), wd = least + Math.floor(r() * 3);
        const x = randomTensor([cin, h, wd], r), w = randomTensor([cin, cout, k, k], r);
        const got = oracleConvTranspose(x, w, { stride: [s, s], padding: [[p, p], [p, p]], outputPadding: [op, op] });
        const [, oh, ow] = got.shape;
        const want = fromTf(tf.conv2dTranspose(
          tfOf(permute(x, [1, 2, 0])) as tf.Tensor4D, tfFilter(permute(w, [2, 3, 1, 0])) as tf.Tensor4D,
          [1, oh!, ow!, cout], s, p));
        expect(permute(got, [1, 2, 0])).toEqual(want);
      }), opts);
  });

  it('depthwiseConv2d: groups = channels, channel multiplier, stride or dilation', () => {
    fc.assert(fc.property(small(1, 3), small(1, 2), small(1, 3), small(1, 2), small(0, 1), small(0, 1000), fc.boolean(),
      (c, m, k, sd, p, seed, dilate) => {
        const r = lcg(seed);
        const [s, d] = dilate ? [1, sd] : [sd, 1];
        const n = d * (k - 1) + 1 + Math.floor(r() * 4);
        const x = randomTensor([c, n, n], r), w = randomTensor([c * m, 1, k, k], r);
        // ours [c·m, 1, kh, kw] read as [c, m, kh, kw] → tfjs [kh, kw, c, m]
        const filter = permute({ data: w.data, shape: [c, m, k, k] }, [2, 3, 0, 1]);
        const want = fromTf(tf.depthwiseConv2d(tfOf(permute(x, [1, 2, 0])) as tf.Tensor4D, tfFilter(filter) as tf.Tensor4D, s, p, 'NHWC', d));
        const got = oracleConv(x, w, { stride: [s, s], dilation: [d, d], padding: [[p, p], [p, p]], groups: c });
        expect(permute(got, [1, 2, 0])).toEqual(want);
      }), opts);
  });

  it('separableConv2d: depthwise then pointwise', () => {
    fc.assert(fc.property(small(1, 3), small(1, 2), small(1, 3), small(1, 3), small(0, 1000), (c, m, cout, k, seed) => {
      const r = lcg(seed);
      const n = k + Math.floor(r() * 4);
      const x = randomTensor([c, n, n], r), dw = randomTensor([c * m, 1, k, k], r), pw = randomTensor([cout, c * m, 1, 1], r);
      const want = fromTf(tf.separableConv2d(
        tfOf(permute(x, [1, 2, 0])) as tf.Tensor4D,
        tfFilter(permute({ data: dw.data, shape: [c, m, k, k] }, [2, 3, 0, 1])) as tf.Tensor4D,
        tfFilter(permute(pw, [2, 3, 1, 0])) as tf.Tensor4D, 1, 'valid'));
      const got = oracleConv(oracleConv(x, dw, { groups: c }), pw);
      expect(permute(got, [1, 2, 0])).toEqual(want);
    }), opts);
  });
});

describe('oracle transposed convolution is the adjoint', { timeout: 60_000 }, () => {
  it('equals ⟨K e_i, x⟩ computed from the forward oracle on basis vectors', () => {
    fc.assert(fc.property(small(1, 2), small(1, 2), small(1, 3), small(1, 3), small(1, 2), fc.tuple(small(0, 3), small(0, 3)), small(0, 2), small(0, 1000),
      (g, cg, k, s, d, [p0, p1], op, seed) => {
        const r = lcg(seed);
        op = op % Math.max(s, d);
        const n = 1 + Math.ceil(Math.max(0, p0 + p1 - d * (k - 1) - op) / s) + Math.floor(r() * 3);
        const x = randomTensor([g * cg, n], r), w = randomTensor([g * cg, cg, k], r);
        const p = { stride: [s], dilation: [d], padding: [[p0, p1]] as Array<[number, number]>, groups: g, outputPadding: [op] };
        const got = oracleConvTranspose(x, w, p);
        const want = got.data.map((_, i) => {
          const Ke = oracleConv({ data: got.data.map((__, t) => +(t === i)), shape: got.shape }, w, p);
          // K restricted to the first n outputs: entries past n (output padding ≥ stride) do not meet x
          return Ke.data.reduce((acc, v, t) => acc + (t % Ke.shape[1]! < n ? v * x.data[Math.floor(t / Ke.shape[1]!) * n + (t % Ke.shape[1]!)]! : 0), 0);
        });
        expect(got.data).toEqual(want);
      }), opts);
  });
});

describe('oracle against the lecture', { timeout: 60_000 }, () => {
  it('computes the 5×5 ⊛ 3×3 example as printed', () => {
    const c = lectureCase('conv2d-5x5-numbers');
    const x = { data: (c.spec.inputs as number[][]).flat(), shape: [1, 5, 5] };
    const w = { data: (c.spec.weights as number[][]).flat(), shape: [1, 1, 3, 3] };
    expect(oracleConv(x, w)).toEqual({ data: c.expected.values, shape: [1, 3, 3] });
  });

  it('gives the x,y,z / a,b,c,d products and their transpose (one-hot weights pick each term)', () => {
    // with weights one-hot at tap j and inputs one-hot at position i, the output is the coefficient of w_j·z_i
    const coef = (f: (x: Tensor, w: Tensor) => Tensor, n: number, i: number, j: number) =>
      f({ data: Array.from({ length: n }, (_, t) => +(t === i)), shape: [1, n] },
        { data: [0, 1, 2].map((t) => +(t === j)), shape: [1, 1, 3] }).data;
    // K·a with padding 1: output 0 is a·y + b·z → y (j=1) meets a (i=0), z (j=2) meets b (i=1)
    const conv = (x: Tensor, w: Tensor) => oracleConv(x, w, { padding: [[1, 1]] });
    expect(coef(conv, 4, 0, 1)).toEqual([1, 0, 0, 0]);
    expect(coef(conv, 4, 1, 2)).toEqual([1, 0, 0, 0]);
    expect(coef(conv, 4, 0, 0)).toEqual([0, 1, 0, 0]);
    // Xᵀa: a·x in output 0, a·z in output 2, d·z in output 5
    expect(coef(oracleConvTranspose, 4, 0, 0)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(coef(oracleConvTranspose, 4, 0, 2)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(coef(oracleConvTranspose, 4, 3, 2)).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('upsamples 2×2 to 4×4: transposed k=3 equals the k\'=3, s\'=1, p\'=2 convolution with the flipped kernel', () => {
    const r = lcg(7);
    const x = randomTensor([1, 2, 2], r), w = randomTensor([1, 1, 3, 3], r);
    const t = oracleConvTranspose(x, w);
    expect(t.shape).toEqual([1, 4, 4]);
    expect(oracleConv(x, w, { padding: [[2, 2], [2, 2]], flip: true })).toEqual(t);
  });
});
