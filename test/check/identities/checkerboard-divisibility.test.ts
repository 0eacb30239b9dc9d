import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'checkerboard-divisibility';

describe(ID, () => {
  it('holds for random transposed specs whose kernel is a multiple of the stride', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture 1D figure: k = 4, s = 2 overlaps evenly (2 everywhere inside); k = 3, s = 2 alternates 1, 2', () => {
    const even = checkIdentity(ID, { input: 6, kernel: 4, stride: 2 });
    expect(even.holds).toBe(true);
    expect(even.facts).toMatchObject({ interiorCounts: [2], expectedCount: '2', divisible: true });
    const uneven = checkIdentity(ID, { input: 6, kernel: 3, stride: 2 });
    expect(uneven.holds).toBe(false);
    expect(uneven.facts).toMatchObject({ interiorCounts: [1, 2], expectedCount: '3/2', divisible: false });
    expect(uneven.differences[0]).toMatchObject({ right: '3/2' });
    expect(['1', '2']).toContain(uneven.differences[0]!.left);
  });

  it('near miss, and "otherwise not": whenever s ∤ k the interior is not uniform', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (s, k, n, twoD) => {
      fc.pre(k % s !== 0);
      const spec = twoD ? { input: [n, 3], kernel: [k, s], stride: [s, s] } : { input: n, kernel: k, stride: s };
      expect(spec).not.toSatisfyIdentity(ID);
    }), { numRuns: 40 });
  });

  it('does not hold when gcd(s, d) > 1 even if s | k: some positions get no tap', () => {
    const r = checkIdentity(ID, { input: 6, kernel: 4, stride: 2, dilation: 2 });
    expect(r.holds).toBe(false);
    expect(r.facts).toMatchObject({ divisible: true, predictedUniform: false });
    expect((r.facts.interiorCounts as number[])[0]).toBe(0);
  });

  it('a short input is counted on an input long enough to show one period', () => {
    const r = checkIdentity(ID, { input: 1, kernel: 3, stride: 2 });
    expect(r.facts.interior).toBe('extended');
    expect(r.holds).toBe(false);
  });
});
