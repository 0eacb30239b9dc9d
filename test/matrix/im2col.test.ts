/**
 * Z, the im2col matrix, against the independent oracle: Z(x)·w is the
 * oracle's convolution of x with w on random specs, and a Z with one entry
 * moved is caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring } from '../../src/algebra/ring.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { im2colMatrix } from '../../src/matrix/im2col.ts';
import { matVec } from '../../src/matrix/products.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor, type Tensor } from '../oracle.ts';
import { type RandomCase, randomCase } from './random-spec.ts';

const oracle = (c: RandomCase, x: Tensor, w: Tensor) => (c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle));

describe('im2col: Z(x)·w = the oracle', () => {
  it('on random 1–3D specs (float64 ring, integer data)', () => {
    fc.assert(fc.property(randomCase(), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const z = im2colMatrix(spec);
      expect([z.rows, z.cols]).toEqual([x.data.length === 0 ? 0 : oracle(c, x, w).data.length, w.data.length]);
      expect(matVec(z, x.data, w.data, float64Ring)).toEqual(oracle(c, x, w).data);
    }), { numRuns: 200 });
  });

  it('the lecture\'s 1D example: row 1 of Z is [z1, z2, z3]', () => {
    const z = im2colMatrix({ input: [6], kernel: [3] });
    expect([z.rows, z.cols]).toEqual([4, 3]);
    expect(Array.from(z.tap.subarray(z.rowPtr[0]!, z.rowPtr[1]!))).toEqual([0, 1, 2]);
    expect(Array.from(z.tap.subarray(z.rowPtr[3]!, z.rowPtr[4]!))).toEqual([3, 4, 5]);
  });

  it('a Z with one input index moved no longer equals the oracle', () => {
    const spec = normalizeSpec({ input: [6], kernel: [3] });
    const z = im2colMatrix(spec);
    const broken = { ...z, tap: z.tap.slice() };
    broken.tap[4] = broken.tap[4]! + 1;
    const x = { shape: [1, 6], data: [1, 2, 3, 4, 5, 6] }, w = { shape: [1, 1, 3], data: [1, 10, 100] };
    expect(matVec(z, x.data, w.data, float64Ring)).toEqual(oracleConv(x, w).data);
    expect(matVec(broken, x.data, w.data, float64Ring)).not.toEqual(oracleConv(x, w).data);
  });
});
