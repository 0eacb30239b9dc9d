import { describe, expect, it } from 'vitest';
import { LimitError, ParseError } from '../../src/errors.ts';
import { MAX_DECIMAL_DIGITS, parseRational, radd, rational, rdiv, rmul, rsub, rToNumber, rToString } from '../../src/algebra/rational.ts';

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

  it('fall back to BigInt on overflow, never rounding, and return to numbers when the value fits', () => {
    const big = rational(2 ** 40);
    expect(rmul(big, big)).toEqual({ n: 2n ** 80n, d: 1n });
    expect(radd(rational(Number.MAX_SAFE_INTEGER), rational(1))).toEqual({ n: 2n ** 53n, d: 1n });
    expect(rmul(rational(1, 2 ** 30), rational(1, 2 ** 30 - 1))).toEqual({ n: 1n, d: 2n ** 30n * (2n ** 30n - 1n) });
    expect(rdiv(rmul(big, big), big)).toEqual({ n: 2 ** 40, d: 1 }); // back on the fast path
    expect(rsub(radd(rational(Number.MAX_SAFE_INTEGER), rational(2)), rational(3))).toEqual({ n: Number.MAX_SAFE_INTEGER - 1, d: 1 });
    // (2^53 + 1)/(2^53 + 1) and a sum that cancels to zero are canonical
    const odd = parseRational('9007199254740993');
    expect(rdiv(odd, odd)).toEqual({ n: 1, d: 1 });
    expect(rsub(odd, odd)).toEqual({ n: 0, d: 1 });
    expect(rToString(rmul(odd, odd))).toBe(String((2n ** 53n + 1n) ** 2n));
  });

  it('take every finite decimal a user writes digit for digit', () => {
    expect(parseRational('9007199254740993')).toEqual({ n: 9007199254740993n, d: 1n });
    expect(parseRational('0.4170220047')).toEqual({ n: 4170220047, d: 10 ** 10 });
    // a float32 value written out in full (17 significant digits), and the same value as a JS number
    expect(rToString(parseRational('0.30000001192092896'))).toBe('937500037252903/3125000000000000');
    expect(parseRational(Math.fround(0.3))).toEqual(rational(30000001192092896n, 10n ** 17n));
    expect(rToString(parseRational('12345678901234567890.5'))).toBe('24691357802469135781/2');
    expect(rToString(parseRational('-1e-30'))).toBe(`-1/${10n ** 30n}`);
    expect(rToString(parseRational(5e-324))).toBe(`1/${2n * 10n ** 323n}`);
    expect(rToNumber(parseRational('0.30000001192092896'))).toBe(Math.fround(0.3));
    expect(rToNumber(parseRational('123456789012345678901234567890'))).toBe(1.2345678901234568e29);
    expect(() => parseRational(`1e${MAX_DECIMAL_DIGITS + 1}`)).toThrow(LimitError);
  });

  it('read short decimals with large exponents exactly (the fast path checks its product stays safe)', () => {
    expect(parseRational('9.1e15')).toEqual({ n: 9100000000000000n, d: 1n });
    expect(parseRational(1.234567e21)).toEqual({ n: 1234567000000000000000n, d: 1n });
    expect(parseRational('-999999999999999e15')).toEqual({ n: -(10n ** 30n - 10n ** 15n), d: 1n });
    expect(parseRational('9e15')).toEqual({ n: 9 * 10 ** 15, d: 1 }); // still safe: stays a number
  });

  it('round big parts to the nearest double once (ties to even), down to subnormals and up to Infinity', () => {
    // reference: the decimal expansion of n/d is finite when d is 2^a·5^b; V8 reads such text correctly rounded
    const cases: Array<[bigint, bigint]> = [
      [2n ** 53n + 1n, 1n], [2n ** 53n + 3n, 1n], [(2n ** 54n + 1n) * 5n ** 40n, 10n ** 40n],
      [10n ** 400n + 1n, 10n ** 92n], [1n, 10n ** 320n], [-(3n ** 200n), 2n ** 80n], [10n ** 309n, 1n],
    ];
    for (const [n, d] of cases) {
      const text = `${n * 10n ** 700n / d}e-700`;
      expect(rToNumber(rational(n, d)), `${n}/${d}`).toBe(Number(text));
    }
    // a third is not a finite decimal: the nearest double is 1/3 divided in floats
    expect(rToNumber(rational(10n ** 30n, 3n * 10n ** 30n))).toBe(1 / 3);
    // halfway between two doubles, once exactly: 2^53 + 1 ties to the even 2^53
    expect(rToNumber(rational(2n ** 53n + 1n))).toBe(2 ** 53);
  });

  it('reject division by zero and non-numbers', () => {
    expect(() => rational(1, 0)).toThrow(ParseError);
    expect(() => rdiv(rational(1), rational(0))).toThrow(ParseError);
    expect(() => parseRational('abc', 'weights[0]')).toThrow(/weights\[0\]/);
    expect(() => parseRational(Number.POSITIVE_INFINITY)).toThrow(ParseError);
  });
});
