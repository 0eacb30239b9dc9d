import { Polynomial, zeroPoly } from './polynomial.ts';
import { type Rational, ONE, rational } from './rational.ts';

/**
 * A vector of polynomials with safe-integer coefficients in flat typed arrays
 * instead of one object per term: entry i is the terms offsets[i] …
 * offsets[i+1]−1, their monomial keys (monomial.ts) strictly ascending and
 * their coefficients nonzero. This is Polynomial's canonical form in another
 * layout: two entries are equal exactly when their arrays are, and
 * `termPolynomial` gives the very polynomial the general path makes.
 * term-recorder.ts builds them.
 */
export interface TermVector {
  readonly length: number;
  /** length + 1 offsets into keys and coefs */
  readonly offsets: Int32Array;
  readonly keys: Float64Array;
  readonly coefs: Float64Array;
}

/** Whether entry i of a equals entry i of b (both canonical, so array equality). */
export function termsEqualAt(a: TermVector, b: TermVector, i: number): boolean {
  const from = a.offsets[i]!, to = a.offsets[i + 1]!, start = b.offsets[i]!;
  if (to - from !== b.offsets[i + 1]! - start) return false;
  for (let k = from, m = start; k < to; k++, m++) {
    if (a.keys[k] !== b.keys[m] || a.coefs[k] !== b.coefs[m]) return false;
  }
  return true;
}

/** Whether every entry of a equals its entry in b (one pass over the arrays). */
export function termVectorsEqual(a: TermVector, b: TermVector): boolean {
  const n = a.keys.length;
  if (a.length !== b.length || n !== b.keys.length) return false;
  for (let i = 0; i <= a.length; i++) if (a.offsets[i] !== b.offsets[i]) return false;
  const ak = a.keys, bk = b.keys, ac = a.coefs, bc = b.coefs;
  for (let i = 0; i < n; i++) if (ak[i] !== bk[i] || ac[i] !== bc[i]) return false;
  return true;
}

/** Entry i as a Polynomial (made on request: printers and callers that want polynomials ask for them). */
export function termPolynomial(v: TermVector, i: number): Polynomial {
  const from = v.offsets[i]!, to = v.offsets[i + 1]!;
  if (from === to) return zeroPoly;
  const keys: number[] = [], coefs: Rational[] = [];
  for (let k = from; k < to; k++) {
    const c = v.coefs[k]!;
    keys.push(v.keys[k]!);
    coefs.push(c === 1 ? ONE : rational(c));
  }
  return Polynomial.fromSorted(keys, coefs);
}

/** Every entry as a Polynomial. */
export function termPolynomials(v: TermVector): Polynomial[] {
  return Array.from({ length: v.length }, (_, i) => termPolynomial(v, i));
}
