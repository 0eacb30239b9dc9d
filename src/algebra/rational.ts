import { LimitError, ParseError } from '../errors.ts';

/**
 * An exact rational n/d in lowest terms with d > 0. Both parts are safe
 * integers (`number`) whenever they fit, and both are `bigint` otherwise: the
 * representation is canonical, so equal values have equal parts. Arithmetic
 * runs on numbers and falls back to BigInt on overflow, so there is no 2^53
 * wall and nothing is ever rounded.
 */
export interface Rational {
  readonly n: number | bigint;
  readonly d: number | bigint;
}

/** The longest decimal (digits plus |exponent|) read exactly: a guard against `1e999999999`. */
export const MAX_DECIMAL_DIGITS = 2000;

export const ZERO: Rational = { n: 0, d: 1 };
export const ONE: Rational = { n: 1, d: 1 };

function gcd(a: number, b: number): number {
  a = Math.abs(a); b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const fits = (x: bigint) => x <= SAFE && x >= -SAFE;

/** The canonical rational of two BigInts (any signs, d ≠ 0). */
function fromBig(n: bigint, d: bigint): Rational {
  if (d < 0n) { n = -n; d = -d; }
  const g = bigGcd(n, d);
  if (g > 1n) { n /= g; d /= g; }
  if (n === 0n) return ZERO;
  return fits(n) && fits(d) ? { n: Number(n), d: Number(d) } : { n, d };
}

const big = (x: number | bigint) => (typeof x === 'bigint' ? x : BigInt(x));

/** n/d from integers (numbers must be safe integers; bigints may be any size). */
export function rational(n: number | bigint, d: number | bigint = 1): Rational {
  for (const x of [n, d]) {
    if (typeof x === 'number' && !Number.isSafeInteger(x)) {
      throw new LimitError({ field: 'coefficient', value: x, rule: 'must be a safe integer; give larger integers as bigint or as text' });
    }
  }
  if (d === 0 || d === 0n) throw new ParseError({ field: 'coefficient', value: `${n}/0`, rule: 'division by zero' });
  if (typeof n === 'number' && typeof d === 'number') {
    if (d < 0) { n = -n; d = -d; }
    if (d === 1) return n === 0 ? ZERO : { n, d: 1 };
    const g = gcd(n, d) || 1;
    return { n: n / g || 0, d: d / g };
  }
  return fromBig(big(n), big(d));
}

export function radd(a: Rational, b: Rational): Rational {
  const an = a.n, ad = a.d, bn = b.n, bd = b.d;
  if (typeof an === 'number' && typeof bn === 'number' && typeof ad === 'number' && typeof bd === 'number') {
    if (ad === 1 && bd === 1) {
      const s = an + bn;
      if (Number.isSafeInteger(s)) return s === 0 ? ZERO : { n: s, d: 1 };
    } else {
      const n = an * bd + bn * ad, d = ad * bd;
      if (Number.isSafeInteger(n) && Number.isSafeInteger(an * bd) && Number.isSafeInteger(bn * ad) && Number.isSafeInteger(d)) return rational(n, d);
    }
  }
  return fromBig(big(an) * big(bd) + big(bn) * big(ad), big(ad) * big(bd));
}

export function rneg(a: Rational): Rational {
  return typeof a.n === 'number' ? { n: -a.n || 0, d: a.d } : { n: -a.n, d: a.d };
}
export function rsub(a: Rational, b: Rational): Rational { return radd(a, rneg(b)); }

export function rmul(a: Rational, b: Rational): Rational {
  const an = a.n, ad = a.d, bn = b.n, bd = b.d;
  if (typeof an === 'number' && typeof bn === 'number' && typeof ad === 'number' && typeof bd === 'number') {
    const n = an * bn;
    if (ad === 1 && bd === 1) {
      if (Number.isSafeInteger(n)) return n === 0 ? ZERO : { n, d: 1 };
    } else {
      const d = ad * bd;
      if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return rational(n, d);
    }
  }
  return fromBig(big(an) * big(bn), big(ad) * big(bd));
}

export function rdiv(a: Rational, b: Rational): Rational {
  if (b.n === 0) throw new ParseError({ field: 'coefficient', value: 0, rule: 'division by zero' });
  return rmul(a, { n: b.d, d: b.n });
}

export function requals(a: Rational, b: Rational): boolean { return a.n === b.n && a.d === b.d; }
export function rIsInteger(a: Rational): boolean { return a.d === 1 || a.d === 1n; }
export function rSign(a: Rational): -1 | 0 | 1 { return a.n === 0 ? 0 : a.n > 0 ? 1 : -1; }
export function rAbs(a: Rational): Rational { return rSign(a) < 0 ? rneg(a) : a; }

/**
 * The nearest double, correctly rounded (ties to even), ±Infinity past the
 * largest double. Safe parts divide directly (IEEE division of two exact
 * doubles rounds once); big parts are divided to exactly 53 bits (fewer for a
 * subnormal) and rounded on the remainder, so there is never a double rounding.
 */
export function rToNumber(a: Rational): number {
  if (typeof a.n === 'number' && typeof a.d === 'number') return a.n / a.d;
  const n = big(a.n), d = big(a.d);
  const neg = n < 0n, m = neg ? -n : n;
  // e = ⌊log2(m/d)⌋ from the bit lengths, corrected by one comparison
  let e = bitLength(m) - bitLength(d);
  if (e >= 0 ? m < d << BigInt(e) : m << BigInt(-e) < d) e--;
  if (e > 1023) return neg ? -Infinity : Infinity;
  // the last kept bit is worth 2^(max(e, −1022) − 52): keep q = ⌊m/d · 2^shift⌋, then round on the remainder
  const shift = 52 - Math.max(e, -1022);
  const [num, den] = shift >= 0 ? [m << BigInt(shift), d] : [m, d << BigInt(-shift)];
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q++;
  const v = Number(q) * 2 ** -shift; // exact: q ≤ 2^53 and 2^−shift is a double (shift ≤ 1074)
  return neg ? -v : v;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}
export function rToString(a: Rational): string { return rIsInteger(a) ? String(a.n) : `${a.n}/${a.d}`; }

/**
 * The exact rational a user meant by a finite JS number or a decimal string:
 * 0.1 is 1/10 (its shortest decimal), not the binary double nearest to it;
 * `9007199254740993` and `0.30000001192092896` are taken digit for digit.
 */
export function parseRational(text: string | number | bigint, field = 'value'): Rational {
  if (typeof text === 'bigint') return rational(text);
  if (typeof text === 'number' && Number.isSafeInteger(text)) return rational(text);
  const s = typeof text === 'number' ? numberText(text, field) : text.trim();
  const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
  if (frac) return guarded(frac[1]!.length + frac[2]!.length, text, field, () => rational(BigInt(frac[1]!), BigInt(frac[2]!)));
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) {
    throw new ParseError({ field, value: text, rule: 'expected a number such as 2, -0.5 or 1/3' });
  }
  const digits = (dec[2] || '0') + (dec[3] ?? '');
  const exp = Number(dec[4] ?? 0) - (dec[3]?.length ?? 0);
  const mant = digits.replace(/^0+(?=\d)/, '');
  if (mant.length <= 15 && Math.abs(exp) <= 15) {
    // m < 10^15 and 10^|exp| ≤ 10^15 are exact; their product is exact only while it stays safe
    const m = (dec[1] === '-' ? -1 : 1) * Number(mant);
    if (exp < 0) return rational(m, 10 ** -exp);
    if (Number.isSafeInteger(m * 10 ** exp)) return rational(m * 10 ** exp);
  }
  return guarded(mant.length + Math.abs(exp), text, field, () => {
    const m = BigInt(dec[1] === '-' ? `-${mant}` : mant);
    return exp >= 0 ? fromBig(m * 10n ** BigInt(exp), 1n) : fromBig(m, 10n ** BigInt(-exp));
  });
}

function guarded(size: number, text: unknown, field: string, read: () => Rational): Rational {
  if (!(size <= MAX_DECIMAL_DIGITS)) {
    throw new LimitError({ field, value: text, rule: `exact numbers are read with at most ${MAX_DECIMAL_DIGITS} digits and exponent together`, fix: 'write the number with fewer digits' });
  }
  return read();
}

function numberText(x: number, field: string): string {
  if (!Number.isFinite(x)) throw new ParseError({ field, value: String(x), rule: 'numbers must be finite' });
  return String(x);
}
