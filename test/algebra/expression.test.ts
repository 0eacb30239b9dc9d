/**
 * Expressions are read two ways: plain arithmetic without mathjs (every
 * environment, synchronously), and mathjs for the rest. On plain arithmetic
 * both must give the same polynomial, or the same kind of error: mathjs is
 * the reference here, drawn on random expressions.
 */
import fc from 'fast-check';
import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { parseArithmetic } from '../../src/algebra/arithmetic.ts';
import { expressionNeedsMathjs, parseExpression } from '../../src/algebra/expression.ts';
import { mathjsReader } from '../../src/algebra/mathjs-reader.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { ConvmatError } from '../../src/errors.ts';

const viaMathjs = mathjsReader(mathjs);

const arithmetic: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('0', '1', '2', '3', '0.5', '1.25', '10', 'x', 'y', 'w1', 'z_2'),
    fc.tuple(tie('e'), fc.constantFrom(' + ', ' - ', '*', '/', ' * ', '^'), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('e').map((a) => `(${a})`),
    tie('e').map((a) => `-${a}`),
  ),
})).e;

function outcome(read: () => unknown): string {
  try {
    return `ok ${polynomialToText(read() as never)}`;
  } catch (e) {
    if (e instanceof ConvmatError) return `${e.kind} error`;
    throw e;
  }
}

describe('expressions', () => {
  it('plain arithmetic reads as mathjs reads it (precedence, associativity, powers, division)', () => {
    fc.assert(fc.property(arithmetic, (text) => {
      expect(outcome(() => parseArithmetic(text, 'e'))).toBe(outcome(() => viaMathjs(text, 'e')));
    }), { numRuns: 400 });
    for (const text of ['-2^2', '2^3^2', 'a/b*c', '1/2/x', 'x^-1', '2^-1', '-x^2*3', '2*-3', '.5 + 2.', '1e3*x', '3e-2']) {
      expect(outcome(() => parseArithmetic(text, 'e')), text).toBe(outcome(() => viaMathjs(text, 'e')));
    }
  });

  it('hands implicit products and calls to mathjs, which reads them in Node on demand', () => {
    for (const text of ['2x', '2 x', 'x y', '2(x + 1)', 'sin(x)', 'x!', '3 % 2']) {
      expect(parseArithmetic(text, 'e'), text).toBeUndefined();
    }
    expect(expressionNeedsMathjs('2*w1 - (x+y)/3')).toBe(false);
    expect(parseExpression('2x + 1/2x')).toEqualPolynomial(viaMathjs('2x + 1/2x', 'e'));
    expect(() => parseExpression('sin(x)', 'weights[0]')).toThrow(/weights\[0\]: function expressions are not allowed/);
  });

  it('keeps every decimal exact, past 2^53 too', () => {
    expect(polynomialToText(parseExpression('9007199254740993*x + 0.4170220047'))).toBe('4170220047/10000000000 + 9007199254740993*x');
    expect(parseExpression('(9007199254740992 + 1)*x')).toEqualPolynomial(parseExpression('9007199254740993*x'));
    expect(polynomialToText(viaMathjs('9007199254740993x + 0.30000001192092896 + 1234567890123456789012345678901234567890123456789012345678901234567890y', 'e')))
      .toBe('937500037252903/3125000000000000 + 9007199254740993*x + 1234567890123456789012345678901234567890123456789012345678901234567890*y');
  });
});
