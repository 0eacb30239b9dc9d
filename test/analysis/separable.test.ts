import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rToNumber } from '../../src/algebra/rational.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { factorRankOne } from '../../src/analysis/rank-one.ts';
import { depthwiseSeparableCheck, spatiallySeparableCheck } from '../../src/check/separable-check.ts';
import { depthwiseSeparableKernel } from '../../src/analysis/separable-stages.ts';
import { depthwiseSeparableStages, spatiallySeparableStages } from '../../src/analysis/separable-stages.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { separableCases } from '../cases.ts';
import { lcg, oracleConv, randomTensor } from '../oracle.ts';
import { num, texts } from './helpers.ts';

const numbers = (ps: readonly { constantValue(): { n: number | bigint; d: number | bigint } | undefined }[]) => ps.map((p) => rToNumber(p.constantValue()!));

describe('spatially separable: a 3×1 then a 1×3 convolution', () => {
  it('symbolically: (1×3 matrix)·(3×1 matrix) = K of the 3×3 convolution with kernel c ⊗ r (5×5 image)', () => {
    const r = spatiallySeparableCheck({ input: '5x5', kernel: 3 });
    expect(r.report.holds).toBe(true);
    expect(r.stages.map((s) => s.kernel)).toEqual([[3, 1], [1, 3]]);
    expect(texts(r.kernel)).toEqual(['c1*r1', 'c1*r2', 'c1*r3', 'c2*r1', 'c2*r2', 'c2*r3', 'c3*r1', 'c3*r2', 'c3*r3']);
    expect([r.product.rows, r.product.cols]).toEqual([9, 25]);
  });

  for (const c of separableCases) {
    it(`${c.id}: the factors found by factorRankOne reproduce the kernel’s matrix, and the oracle agrees numerically`, () => {
      const kernel = c.kernel.map((row) => [...row]);
      const f = factorRankOne(kernel);
      if (!f.rank1) throw new Error(f.reason);
      const r = spatiallySeparableCheck({ input: '5x5', kernel: 3 }, { factors: [f.column, f.row] });
      expect(r.report.holds).toBe(true);
      expect(numbers(r.kernel)).toEqual(kernel.flat());
      const x = randomTensor([1, 5, 5], lcg(7));
      const twoSteps = oracleConv(oracleConv(x, { shape: [1, 1, 3, 1], data: [...c.column] }), { shape: [1, 1, 1, 3], data: [...c.row] });
      expect(twoSteps).toEqual(oracleConv(x, { shape: [1, 1, 3, 3], data: kernel.flat() }));
    });
  }

  it('a near miss: the stages do not equal a convolution with a kernel that is not rank 1', () => {
    const lectureKernel = [0, 1, 2, 2, 2, 0, 0, 1, 2].map(num);
    const f = factorRankOne([[0, 1, 2], [2, 2, 0], [0, 1, 2]]);
    expect(f.rank1).toBe(false);
    const r = spatiallySeparableCheck({ input: '5x5', kernel: 3 }, { factors: [[1, 2, 1].map(num), [1, 0, -1].map(num)], kernel: lectureKernel });
    expect(r.report.holds).toBe(false);
    expect(r.report.differences[0]?.name).toMatch(/^K\[\d+,\d+\]$/);
  });

  it('property: holds with stride, asymmetric padding and dilation per axis, and in 3D', () => {
    const axis = fc.record({ n: fc.integer({ min: 3, max: 6 }), k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 2 }), d: fc.integer({ min: 1, max: 2 }), p0: fc.nat(1), p1: fc.nat(1) });
    fc.assert(fc.property(fc.array(axis, { minLength: 2, maxLength: 3 }), fc.boolean(), (axes, flip) => {
      fc.pre(axes.every((a) => a.n + a.p0 + a.p1 >= a.d * (a.k - 1) + 1));
      fc.pre(axes.reduce((acc, a) => acc * a.n, 1) <= 80);
      const r = spatiallySeparableCheck({
        input: axes.map((a) => a.n), kernel: axes.map((a) => a.k), stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d),
        padding: axes.map((a) => [a.p0, a.p1] as [number, number]), mode: flip ? 'convolution' : 'correlation',
      });
      expect(r.report.holds, r.report.reason ?? r.report.differences[0]?.name).toBe(true);
    }), { numRuns: 60 });
  });

  it('refuses channels and 1D kernels with a typed error', () => {
    expect(() => spatiallySeparableStages({ input: '5x5', kernel: 3, inChannels: 2 })).toThrow(/inChannels/);
    expect(() => spatiallySeparableStages({ input: 5, kernel: 3 })).toThrow(/kernel/);
  });
});

describe('depthwise separable: pointwise · block-diagonal depthwise = full convolution with W[o,c,·] = P[o,c]·D[c,·]', () => {
  it('symbolically, 3 channels → 2, 4×4 input, 3×3 kernel', () => {
    const r = depthwiseSeparableCheck({ input: '4x4', kernel: 3, inChannels: 3, outChannels: 2 });
    expect(r.report.holds).toBe(true);
    expect(texts(r.kernel.slice(0, 2))).toEqual(['d_1_1_1*p_1_1_1', 'd_1_1_2*p_1_1_1']);
    expect(texts([r.kernel[9]!])).toEqual(['d_2_1_1*p_1_2_1']);
  });

  it('the depthwise matrix is block-diagonal: channel c only reads channel c', () => {
    const { depthwise } = depthwiseSeparableStages({ input: '4x4', kernel: 3, inChannels: 3, outChannels: 2 });
    const D = polynomialMatrix(normalizeSpec(depthwise));
    D.forEach((row, r) => row.forEach((v, c) => {
      if (Math.floor(r / 4) !== Math.floor(c / 16)) expect(v.isZero()).toBe(true);
    }));
  });

  it('with depth multiplier 2, stride and padding (W is then a sum of two rank-1 terms)', () => {
    const r = depthwiseSeparableCheck({ input: '5x4', kernel: '2x3', inChannels: 2, outChannels: 3, stride: 2, padding: 1 }, 2);
    expect(r.report.holds).toBe(true);
    expect(texts([r.kernel[0]!])).toEqual(['d_1_1_1*p_1_1_1 + d_2_1_1*p_1_2_1']);
  });

  it('a near miss: a full kernel with one entry from the wrong channel is caught', () => {
    const base = depthwiseSeparableCheck({ input: '3x3', kernel: 2, inChannels: 2, outChannels: 2 });
    const wrong = [...base.kernel];
    wrong[0] = base.kernel[4]!; // W[0,1,0] in place of W[0,0,0]
    const r = depthwiseSeparableCheck({ input: '3x3', kernel: 2, inChannels: 2, outChannels: 2 }, 1, { kernel: wrong });
    expect(r.report.holds).toBe(false);
    expect(r.report.differences[0]?.name).toBe('K[0,0]');
  });

  it('the composed kernel agrees with the oracle run in two steps (numeric, random integers)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.nat(), (C, O, m, seed) => {
      const rand = lcg(seed);
      const x = randomTensor([C, 5, 5], rand), D = randomTensor([C * m, 1, 3, 3], rand), P = randomTensor([O, C * m, 1, 1], rand);
      const twoSteps = oracleConv(oracleConv(x, D, { groups: C }), P);
      const W = depthwiseSeparableKernel(D.data.map(num), P.data.map(num), C, O, m);
      expect(twoSteps).toEqual(oracleConv(x, { shape: [O, C, 3, 3], data: numbers(W) }));
    }), { numRuns: 50 });
  });
});
