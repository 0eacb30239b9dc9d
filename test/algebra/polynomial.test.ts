/**
 * Canonical polynomials: equality is structural whatever the order of
 * construction, zero terms vanish, and printing to text parses back (through
 * mathjs) to an equal polynomial. LaTeX has the documented look.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression, roundTrip } from '../../src/algebra/expression.ts';
import {
  type Polynomial, addPoly, constPoly, equalsPoly, evaluatePoly, mulPoly, negPoly, onePoly, subPoly, sumPolys, symbolPoly, zeroPoly,
} from '../../src/algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../../src/algebra/print.ts';
import { rational } from '../../src/algebra/rational.ts';

const names = ['w1', 'w2', 'w10', 'z1', 'z2', 'z_1_2', 'x', 'y'];
const monomial = fc.record({
  n: fc.integer({ min: -9, max: 9 }), d: fc.integer({ min: 1, max: 6 }),
  vars: fc.array(fc.constantFrom(...names), { maxLength: 3 }),
}).map(({ n, d, vars }) => vars.reduce((p, v) => mulPoly(p, symbolPoly(v)), constPoly(rational(n, d))));
const poly = fc.array(monomial, { maxLength: 6 }).map(sumPolys);

describe('canonical polynomials', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('are equal whatever the order of summation and multiplication', () => {
    fc.assert(fc.property(fc.array(monomial, { maxLength: 6 }), poly, poly, (terms, a, b) => {
      expect(sumPolys(terms)).toEqualPolynomial(sumPolys([...terms].reverse()));
      expect(mulPoly(a, b)).toEqualPolynomial(mulPoly(b, a));
      expect(addPoly(a, b)).toEqualPolynomial(addPoly(b, a));
      expect(subPoly(a, a).isZero()).toBe(true);
      expect(subPoly(addPoly(a, b), b)).toEqualPolynomial(a);
    }), { numRuns: 200 });
  });

  it('expand (x + y)(x − y) to x² − y² and drop the cancelled terms', () => {
    const x = symbolPoly('x'), y = symbolPoly('y');
    const p = mulPoly(addPoly(x, y), subPoly(x, y));
    expect(p.size).toBe(2);
    expect(p).toEqualPolynomial(parseExpression('x^2 - y^2'));
    expect(p).toEqualPolynomial(parseExpression('x*x - y*y'));
    expect(p).not.toEqualPolynomial(parseExpression('x^2 + y^2'));
    expect(equalsPoly(p, parseExpression('x^2 + y^2'))).toBe(false); // equalsPoly itself, on a near miss
    expect(mulPoly(x, y)).toEqualPolynomial(mulPoly(y, x));
    expect(mulPoly(x, zeroPoly).isZero()).toBe(true);
    expect(mulPoly(x, onePoly)).toEqualPolynomial(x);
    expect(negPoly(negPoly(p))).toEqualPolynomial(p);
  });

  it('print text that mathjs parses back to an equal polynomial', () => {
    fc.assert(fc.property(poly, (p) => {
      expect(parseExpression(polynomialToText(p))).toEqualPolynomial(p);
      expect(roundTrip(p)).toEqualPolynomial(p);
    }), { numRuns: 300 });
  });

  it('agree with float evaluation', () => {
    fc.assert(fc.property(poly, poly, (a, b) => {
      const value = (id: number) => 1 + (id % 7) / 3;
      const want = evaluatePoly(a, value) * evaluatePoly(b, value);
      expect(evaluatePoly(mulPoly(a, b), value)).toBeCloseTo(want, 9);
    }), { numRuns: 200 });
  });

  it('print text and LaTeX in the documented form', () => {
    const p = parseExpression('w1*z1 + 1/2*w2*z2');
    expect(polynomialToText(p)).toBe('w1*z1 + 1/2*w2*z2');
    expect(polynomialToLatex(p)).toBe('w_{1} z_{1} + \\tfrac{1}{2} w_{2} z_{2}');
    expect(polynomialToText(parseExpression('-2*w1^2 + 3 - z_1_2'))).toMatch(/^-2\*w1\^2 - z_1_2 \+ 3$|^3 - 2\*w1\^2 - z_1_2$/);
    expect(polynomialToLatex(parseExpression('-2*w1^2'))).toBe('-2 w_{1}^{2}');
    expect(polynomialToText(zeroPoly)).toBe('0');
    // natural order: w2 before w10
    expect(polynomialToText(parseExpression('w10 + w2'))).toBe('w2 + w10');
  });

  it('keep coefficients past 2^53 exact (BigInt), and back on numbers when they fit again', () => {
    const big: Polynomial = constPoly(rational(2 ** 40));
    const square = mulPoly(mulPoly(big, symbolPoly('x')), big);
    expect(polynomialToText(square)).toBe(`${2n ** 80n}*x`);
    expect(polynomialToText(sumPolys([constPoly(rational(Number.MAX_SAFE_INTEGER)), onePoly]))).toBe('9007199254740992');
    const back = subPoly(sumPolys([square, symbolPoly('x')]), square);
    expect(back.coefs[0]).toEqual({ n: 1, d: 1 });
    expect(back).toEqualPolynomial(symbolPoly('x'));
  });
});
