import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorRankOne, isFactorization, outerProduct, readKernel2D } from '../../src/analysis/rank-one.ts';
import { separableCases } from '../cases.ts';
import { num, text, texts } from './helpers.ts';

describe('rank-1 kernels: the lecture’s Sobel kernels', () => {
  for (const c of separableCases) {
    it(`${c.id}: [${c.column}]ᵀ · [${c.row}]`, () => {
      const r = factorRankOne(c.kernel.map((row) => [...row]));
      expect(r.rank1).toBe(true);
      if (!r.rank1) return;
      expect(r.column).toEqualPolynomial(c.column.map(String));
      expect(r.row).toEqualPolynomial(c.row.map(String));
      expect(isFactorization(c.kernel.map((row) => [...row]), r.column, r.row)).toBe(true);
    });
  }

  it('the lecture’s 3×3 example kernel [[0,1,2],[2,2,0],[0,1,2]] is not rank 1, and the report says which minor', () => {
    const r = factorRankOne([[0, 1, 2], [2, 2, 0], [0, 1, 2]]);
    expect(r.rank1).toBe(false);
    if (r.rank1) return;
    expect(r.minor).toMatchObject({ rows: [0, 1], cols: [1, 0] });
    expect(text(r.minor!.value)).toBe('2'); // det [[1, 0], [2, 2]]
    expect(r.reason).toMatch(/rank ≥ 2/);
  });

  it('a near miss: Sobel with one entry changed is rejected', () => {
    const r = factorRankOne([[1, 0, -1], [2, 0, -2], [1, 0, -2]]);
    expect(r.rank1).toBe(false);
    expect(isFactorization([[1, 0, -1], [2, 0, -2], [1, 0, -2]], [1, 2, 1].map(num), [1, 0, -1].map(num))).toBe(false);
  });

  it('zero, rationals, strings, JSON text and symbolic entries', () => {
    expect(factorRankOne('[[0,0],[0,0]]')).toMatchObject({ rank1: false, minor: null });
    const half = factorRankOne([['0', '1/2'], ['0', '3/4']]);
    expect(half.rank1 && [texts(half.column), texts(half.row)]).toEqual([['1', '3/2'], ['0', '1/2']]);
    const sym = factorRankOne([['2*x', '2*y'], ['3*x', '3*y']]);
    expect(sym).toMatchObject({ rank1: false });
    expect(!sym.rank1 && sym.reason).toMatch(/not a number/);
    const mixed = factorRankOne([['x', '2*x'], ['3*x', '6*x']]);
    expect(mixed).toMatchObject({ rank1: false, minor: null });
    const numericPivot = factorRankOne([['2', 'x'], ['4', '2*x']]);
    expect(numericPivot.rank1 && [texts(numericPivot.column), texts(numericPivot.row)]).toEqual([['1', '2'], ['2', 'x']]);
    expect(() => readKernel2D('[1,2,3]')).toThrow(/kernel/);
  });

  it('property: every outer product of integer vectors factors back exactly; adding a unit off the pattern breaks it', () => {
    const vec = (n: number) => fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n });
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (h, w, seed) => fc.assert(fc.property(vec(h), vec(w), (c, r) => {
      const k = outerProduct(c.map(num), r.map(num));
      const f = factorRankOne(k);
      const zero = c.every((x) => x === 0) || r.every((x) => x === 0);
      expect(f.rank1).toBe(!zero);
      if (f.rank1) expect(isFactorization(k, f.column, f.row)).toBe(true);
      if (!zero && h > 1 && w > 1) {
        // change one entry away from the pivot's row and column: a 2×2 minor becomes nonzero
        const [p, q] = f.rank1 ? f.pivot : [0, 0];
        const i = (p + 1 + (seed % (h - 1))) % h, j = (q + 1) % w;
        const broken = k.map((row, a) => row.map((v, b) => (a === i && b === j ? num(Number(text(v)) + 1) : v)));
        expect(factorRankOne(broken).rank1).toBe(false);
      }
    }), { numRuns: 10 })), { numRuns: 20 });
  });
});
