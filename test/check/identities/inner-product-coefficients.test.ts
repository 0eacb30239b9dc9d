/**
 * innerProductCoefficients reads ⟨a, b⟩ coefficient by coefficient of the y
 * without forming it: on random vectors (a free of the y, b linear in them)
 * it equals the coefficients of the inner product formed in full.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../src/algebra/expression.ts';
import { type Polynomial, symbolPoly } from '../../../src/algebra/polynomial.ts';
import { entryToPolynomial } from '../../../src/algebra/entries.ts';
import { coefficientsOf, innerProduct, innerProductCoefficients, symbolIdOf } from '../../../src/check/identities/bilinear.ts';

const entry = (s: string) => entryToPolynomial(s, 'test');
const term = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'a*b', 'a^2', '1'));
const poly = (extra: string) => fc.array(term, { maxLength: 3 }).map((ts) => entry(ts.map(([c, m]) => `${c}*${m}${extra}`).join(' + ') || '0'));

describe('innerProductCoefficients', () => {
  it('equals coefficientsOf(innerProduct(a, b)) on random vectors', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(
      fc.array(poly(''), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.tuple(fc.nat(n - 1), term), { maxLength: 3 }), { minLength: n, maxLength: n }),
    )), ([a, picks]) => {
      const y = a.map((_, r) => symbolPoly(`y${r + 1}`));
      const b: Polynomial[] = picks.map((ts) => entry(ts.map(([r, [c, m]]) => `${c}*${m}*y${r + 1}`).join(' + ') || '0'));
      const ids = y.map(symbolIdOf);
      expect(innerProductCoefficients(a, b, ids)).toEqualPolynomial(coefficientsOf(innerProduct(a, b), ids));
    }), { numRuns: 200 });
  });
});
