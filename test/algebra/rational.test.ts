import { describe, expect, it } from 'vitest';
import { LimitError, ParseError } from '../../src/errors.ts';
import { parseRational, radd, rational, rdiv, rmul, rsub } from '../../src/algebra/rational.ts';

describe('exact rationals', () => {
  it('are kept in lowest terms with a positive denominator', () => {
    expect(rational(-2, -4)).toEqual({ n: 1, d: 2 });
    expect(rational(3, -6)).toEqual({ n: -1, d: 2 });
    expect(radd(rational(1, 3), rational(1, 6))).toEqual({ n: 1, d: 2 });
    expect(rsub(rational(1, 2), rational(1, 2))).toEqual({ n: 0, d: 1 });
    expect(rdiv(rational(2), rational(4))).toEqual({ n: 1, d: 2 });
  });

  it('read decimals as the decimal meant, not the nearest double', () => {
    expect(parseRational('0.1')).toEqual({ n: 1, d: 10 });
    expect(parseRational(0.25)).toEqual({ n: 1, d: 4 });
    expect(parseRational('-3/6')).toEqual({ n: -1, d: 2 });
    expect(parseRational('1e3')).toEqual({ n: 1000, d: 1 });
  });

  it('make overflow an error, never a rounding', () => {
    const big = rational(2 ** 40);
    expect(() => rmul(big, big)).toThrow(LimitError);
    expect(() => radd(rational(Number.MAX_SAFE_INTEGER), rational(1))).toThrow(LimitError);
    expect(() => rmul(rational(1, 2 ** 30), rational(1, 2 ** 30 - 1))).toThrow(LimitError);
    expect(() => parseRational('12345678901234567890')).toThrow(LimitError);
  });

  it('reject division by zero and non-numbers', () => {
    expect(() => rational(1, 0)).toThrow(ParseError);
    expect(() => rdiv(rational(1), rational(0))).toThrow(ParseError);
    expect(() => parseRational('abc', 'weights[0]')).toThrow(/weights\[0\]/);
    expect(() => parseRational(Number.POSITIVE_INFINITY)).toThrow(ParseError);
  });
});
