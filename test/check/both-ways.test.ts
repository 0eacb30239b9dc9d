import { describe, expect, it } from 'vitest';
import type { Ring } from '../../src/algebra/ring.ts';
import { bothWays } from '../../src/check/both-ways.ts';
import { checkImage } from '../../src/check/image-check.ts';
import { checkMatrixNumeric } from '../../src/check/matrix-check.ts';
import { LimitError } from '../../src/errors.ts';
import { imageSpec } from '../../src/evaluate/image.ts';
import { oracleConv } from '../oracle.ts';

/** The one both-ways evaluator: exact first, a float fallback only when asked or reported, and one report shape. */
describe('bothWays', () => {
  const sum3 = <T>(ring: Ring<T>, [x]: ReadonlyArray<readonly T[]>): ReadonlyArray<readonly [T[], T[]]> =>
    [[[ring.add(ring.add(x![0]!, x![1]!), x![2]!)], [ring.add(x![0]!, ring.add(x![1]!, x![2]!))]]];

  it('is exact: (1e21 + 1) − 1e21 and 1e21 + (1 − 1e21) are both 1, and they agree', () => {
    const r = bothWays([[1e21, 1, -1e21]], sum3, { comparisons: [{ labels: ['left fold', 'right fold'] }] });
    expect(r.values).toEqual([[[1], [1]]]);
    expect(r.exact).toBe(true);
    expect(r.report.holds).toBe(true);
    expect(r.report.facts).toEqual({ exact: true });
  });

  it('in floats (asked for) both sums round to the same wrong 0, and the report says it is not exact and why', () => {
    const r = bothWays([[1e21, 1, -1e21]], sum3, { comparisons: [{ labels: ['left fold', 'right fold'] }], floats: 'asked for floats' });
    expect(r.values).toEqual([[[0], [0]]]);
    expect(r.exact).toBe(false);
    expect(r.inexact).toBe('asked for floats');
    expect(r.report.facts).toEqual({ exact: false, inexact: 'asked for floats' });
  });

  it('a wrong computation is caught and named', () => {
    const r = bothWays([[1, 2, 3]], (_ring, [x]) => [[[...x!], [x![0]!, x![2]!, x![1]!]]], { comparisons: [{ labels: ['a', 'b'], names: ['p', 'q', 'r'] }] });
    expect(r.report.holds).toBe(false);
    expect(r.report.differences.map((d) => d.name)).toEqual(['q', 'r']);
    expect(r.report.summary).toMatch(/a ≠ b at q/);
  });

  it('falls back to floats only with a reason when a number cannot be read exactly', () => {
    const r = bothWays([[`1${'0'.repeat(2100)}`, 1, 2]], sum3, { comparisons: [{ labels: ['l', 'r'] }] });
    expect(r.exact).toBe(false);
    expect(r.inexact).toMatch(/exact arithmetic refused: .*at most 2000 digits/);
    expect(r.report.facts.exact).toBe(false);
  });

  it('checkMatrixNumeric answers with it: a float check that says so', () => {
    const r = checkMatrixNumeric({ input: '5x5', kernel: '3x3' });
    expect(r.holds).toBe(true);
    expect(r.facts).toMatchObject({ exact: false, inexact: expect.stringMatching(/seeded random floats/) });
  });
});

describe('checkImage (the engine side of <conv-image>)', () => {
  const pattern = (h: number, w: number) => Float64Array.from({ length: h * w }, (_, i) => (i * 37) % 256);

  it('equals the oracle, exactly, with a weight of 1/3', () => {
    const spec = imageSpec({ kernel: '2x2', stride: 2, weights: '1/3, 1, -2, 0.5' }, [6, 7]);
    const img = pattern(6, 7);
    const c = checkImage(spec, img);
    const want = oracleConv({ data: Array.from(img), shape: [1, 6, 7] }, { data: [1 / 3, 1, -2, 0.5], shape: [1, 1, 2, 2] }, { stride: [2, 2], dilation: [1, 1], padding: [[0, 0], [0, 0]] });
    expect([1, ...c.shape]).toEqual(want.shape);
    c.output.forEach((v, i) => expect(v).toBeCloseTo(want.data[i]!, 9));
    expect(c.exact).toBe(true);
    expect(c.report.holds).toBe(true);
    expect(c.maxDifference).toBe(0);
  });

  it('refuses weights of 1e308 whose sums overflow, naming the pixel: never a "fail" on NaN', () => {
    const spec = imageSpec({ kernel: '3x3', weights: '[[1e308,1e308,1e308],[1,1,1],[1,1,1]]' }, [8, 8]);
    expect(() => checkImage(spec, pattern(8, 8).fill(255))).toThrow(LimitError);
    expect(() => checkImage(spec, pattern(8, 8).fill(255))).toThrow(/weights: .*output pixel \(0, 0\).*Infinity.*overflow/);
  });

  it('states when a large image is computed in floats, and why', () => {
    const c = checkImage(imageSpec({ kernel: '3x3', padding: 1, weights: '[[1,0,-1],[2,0,-2],[1,0,-1]]' }, [128, 128]), pattern(128, 128));
    expect(c.exact).toBe(false);
    expect(c.inexact).toMatch(/145,924 multiplications, more than the 131,072 computed exactly/);
    expect(c.report.holds).toBe(true);
  });
});
