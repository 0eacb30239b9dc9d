import { LimitError, ParseError } from '../errors.ts';

/** An exact rational n/d in lowest terms with d > 0. Safe-integer parts; overflow is an error, never a rounding. */
export interface Rational {
  readonly n: number;
  readonly d: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a); b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

function checked(x: number): number {
  if (!Number.isSafeInteger(x)) {
    throw new LimitError({ field: 'coefficient', value: x, rule: 'exact coefficients must stay within ±2^53' });
  }
  return x;
}

export function rational(n: number, d = 1): Rational {
  checked(n); checked(d);
  if (d === 0) throw new ParseError({ field: 'coefficient', value: `${n}/0`, rule: 'division by zero' });
  if (d < 0) { n = -n; d = -d; }
  if (d === 1) return { n: n === 0 ? 0 : n, d: 1 };
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

export const ZERO: Rational = { n: 0, d: 1 };
export const ONE: Rational = { n: 1, d: 1 };

export function radd(a: Rational, b: Rational): Rational {
  if (a.d === 1 && b.d === 1) return { n: checked(a.n + b.n), d: 1 };
  return rational(checked(a.n * b.d + b.n * a.d), checked(a.d * b.d));
}
export function rneg(a: Rational): Rational { return { n: -a.n || 0, d: a.d }; }
export function rsub(a: Rational, b: Rational): Rational { return radd(a, rneg(b)); }
export function rmul(a: Rational, b: Rational): Rational {
  if (a.d === 1 && b.d === 1) return { n: checked(a.n * b.n) || 0, d: 1 };
  return rational(checked(a.n * b.n), checked(a.d * b.d));
}
export function rdiv(a: Rational, b: Rational): Rational {
  if (b.n === 0) throw new ParseError({ field: 'coefficient', value: 0, rule: 'division by zero' });
  return rational(checked(a.n * b.d), checked(a.d * b.n));
}
export function requals(a: Rational, b: Rational): boolean { return a.n === b.n && a.d === b.d; }
export function rToNumber(a: Rational): number { return a.n / a.d; }
export function rToString(a: Rational): string { return a.d === 1 ? String(a.n) : `${a.n}/${a.d}`; }

/**
 * The exact rational a user meant by a finite JS number or a decimal string:
 * 0.1 is 1/10 (its shortest decimal), not the binary double nearest to it.
 */
export function parseRational(text: string | number, field = 'value'): Rational {
  const s = typeof text === 'number' ? numberText(text, field) : text.trim();
  const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
  if (frac) return rational(Number(frac[1]), Number(frac[2]));
  const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!dec || (dec[2] === '' && (dec[3] ?? '') === '')) {
    throw new ParseError({ field, value: text, rule: 'expected a number such as 2, -0.5 or 1/3' });
  }
  const digits = (dec[2] || '0') + (dec[3] ?? '');
  const exp = Number(dec[4] ?? 0) - (dec[3]?.length ?? 0);
  const sign = dec[1] === '-' ? -1 : 1;
  const mant = Number(digits);
  if (!Number.isSafeInteger(mant) || Math.abs(exp) > 15) {
    throw new LimitError({ field, value: text, rule: 'exact numbers need at most 15 significant digits and |exponent| ≤ 15' });
  }
  return exp >= 0 ? rational(sign * mant * 10 ** exp) : rational(sign * mant, 10 ** -exp);
}

function numberText(x: number, field: string): string {
  if (!Number.isFinite(x)) throw new ParseError({ field, value: String(x), rule: 'numbers must be finite' });
  return String(x);
}
