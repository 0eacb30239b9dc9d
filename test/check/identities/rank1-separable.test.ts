import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { costCases, separableCases } from '../../cases.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'rank1-separable';
const spatial = costCases.find((c) => c.id === 'spatial-5x5')!;

describe(ID, () => {
  it('holds for random rank-1 integer kernels (stride, padding, dilation, mode)', () => {
    holdsForAll(ID, 30);
  });

  it('the lecture: the Sobel kernels separate, 81 multiplications against 45 + 27 = 72', () => {
    for (const c of separableCases) {
      const r = checkIdentity(ID, { ...spatial.spec, weights: c.kernel.map((row) => [...row]) });
      expect(r.holds).toBe(true);
      expect(r.facts).toMatchObject({
        standardMultiplications: spatial.standard, stageMultiplications: [...spatial.separable], separableMultiplications: spatial.total,
        standardParameters: 9, separableParameters: 6,
      });
    }
    const sobel = separableCases[0];
    expect(checkIdentity(ID, { ...spatial.spec, weights: sobel.kernel.map((r) => [...r]) }, { factors: [[...sobel.column], [...sobel.row]] }).holds).toBe(true);
  });

  it('near miss: a Sobel kernel with one entry changed is not rank 1', () => {
    const r = checkIdentity(ID, { input: [5, 5], kernel: [3, 3], weights: [[1, 0, -1], [2, 0, -2], [1, 0, -2]] });
    expect(r.holds).toBe(false);
    expect(r.reason).toMatch(/does not factor exactly: rank ≥ 2/);
    expect({ input: [5, 5], kernel: [3, 3] }).not.toSatisfyIdentity(ID); // independent symbols w1..w9
  });

  it('a symbolic outer product is checked against the factors it is claimed to have', () => {
    const spec = { input: [4, 4], kernel: [2, 2], weights: [['a*c', 'a*d'], ['b*c', 'b*d']] };
    expect(checkIdentity(ID, spec).reason).toMatch(/give the factors/);
    expect(spec).toSatisfyIdentity(ID, { factors: [['a', 'b'], ['c', 'd']] });
    expect(spec).not.toSatisfyIdentity(ID, { factors: [['a', 'b'], ['d', 'c']] });
  });

  it('near miss: factors whose outer product is not the kernel are caught by the stage matrices', () => {
    const r = checkIdentity(ID, { input: [5, 5], kernel: [3, 3], weights: [[1, 0, -1], [2, 0, -2], [1, 0, -1]] }, { factors: [[1, 2, 1], [-1, 0, 1]] });
    expect(r.holds).toBe(false);
    expect(r.differences.length).toBeGreaterThan(0);
    expect(r.differences[0]!.difference).not.toBe('0');
  });
});
