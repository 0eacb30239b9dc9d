import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkerboard, isUniformAwayFromBorders, overlapCounts, predictsUniformOverlap,
} from '../../src/analysis/overlap.ts';
import { oracleConvTranspose } from '../oracle.ts';

const ones = (n: number) => Array(n).fill(1);
const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

describe('overlap counts of a transposed convolution (checkerboard)', () => {
  it('lecture, top: k = 3, s = 2 overlaps unevenly (1, 2, 1, 2, …)', () => {
    const c = overlapCounts({ input: 4, kernel: 3, stride: 2, transposed: true });
    expect(c).toEqual({ shape: [9], counts: [1, 1, 2, 1, 2, 1, 2, 1, 1] });
    const u = checkerboard({ kernel: 3, stride: 2 });
    expect(u.uniform).toBe(false);
    expect(u.interiorValues).toEqual([1, 2]);
  });

  it('lecture, bottom: k = 4, s = 2 (k divisible by s) is even away from the borders', () => {
    const c = overlapCounts({ input: 4, kernel: 4, stride: 2, transposed: true });
    expect(c.counts).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 1, 1]);
    expect(isUniformAwayFromBorders({ input: 4, kernel: 4, stride: 2, transposed: true })).toEqual({
      uniform: true, interiorValues: [2], interior: [[3, 7]],
    });
  });

  it('2D: the counts are the outer product of the per-axis counts (3×3, stride 2 on 2×2)', () => {
    const c = overlapCounts({ input: '2x2', kernel: 3, stride: 2, transposed: true });
    expect(c.shape).toEqual([5, 5]);
    const a = [1, 1, 2, 1, 1];
    expect(c.counts).toEqual(a.flatMap((x) => a.map((y) => x * y)));
  });

  it('counts equal the independent oracle: a transposed convolution of ones with ones (1–2D, padding, output padding, channels)', () => {
    const axis = fc.record({ n: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }), p0: fc.nat(1), p1: fc.nat(1), op: fc.nat(2) });
    fc.assert(fc.property(fc.array(axis, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 2 }), (axes, ch) => {
      const ax = axes.map((a) => ({ ...a, op: a.op % Math.max(a.s, a.d) }));
      fc.pre(ax.every((a) => (a.n - 1) * a.s - a.p0 - a.p1 + a.d * (a.k - 1) + a.op + 1 >= 1));
      const spec = {
        input: ax.map((a) => a.n), kernel: ax.map((a) => a.k), stride: ax.map((a) => a.s), dilation: ax.map((a) => a.d),
        padding: ax.map((a) => [a.p0, a.p1] as [number, number]), outputPadding: ax.map((a) => a.op), transposed: true,
        inChannels: ch, outChannels: ch,
      };
      const got = overlapCounts(spec);
      const k = ax.map((a) => a.k);
      const want = oracleConvTranspose({ shape: [1, ...spec.input], data: ones(prod(spec.input)) }, { shape: [1, 1, ...k], data: ones(prod(k)) }, {
        stride: spec.stride, dilation: spec.dilation, padding: spec.padding, outputPadding: spec.outputPadding,
      });
      expect(got.shape).toEqual(want.shape.slice(1));
      expect(got.counts).toEqual(want.data);
    }), { numRuns: 300 });
  });

  it('the rule: no checkerboard exactly when k is divisible by s (dilation 1), over k ≤ 12, s ≤ 6', () => {
    for (let k = 1; k <= 12; k++) {
      for (let s = 1; s <= 6; s++) {
        const report = checkerboard({ kernel: k, stride: s });
        expect(report.interiorValues.length, `k=${k} s=${s}`).toBeGreaterThan(0);
        expect(report.uniform, `k=${k} s=${s}`).toBe(k % s === 0);
        expect(predictsUniformOverlap(k, s)).toBe(k % s === 0);
      }
    }
  });

  it('with dilation the rule needs gcd(s, d) = 1 too: k = 2, s = 2, d = 2 leaves holes', () => {
    expect(checkerboard({ kernel: 2, stride: 2, dilation: 2 }).interiorValues).toEqual([0, 2]);
    for (let k = 1; k <= 6; k++) for (let s = 1; s <= 4; s++) for (let d = 1; d <= 4; d++) {
      expect(checkerboard({ kernel: k, stride: s, dilation: d }).uniform, `k=${k} s=${s} d=${d}`).toBe(predictsUniformOverlap(k, s, d));
    }
  });

  it('2D is uniform only when both axes are', () => {
    expect(checkerboard({ kernel: '4x4', stride: 2 }).uniform).toBe(true);
    expect(checkerboard({ kernel: '4x3', stride: 2 }).uniform).toBe(false);
    expect(checkerboard({ kernel: '3x3', stride: 2 }).interiorValues).toEqual([1, 2, 4]);
  });

  it('an input too short to have an interior is not called uniform', () => {
    const r = isUniformAwayFromBorders({ input: 1, kernel: 4, stride: 2, transposed: true });
    expect(r).toMatchObject({ uniform: false, interiorValues: [] });
  });
});
