import {
  type Polynomial, addPoly, dotPolys, equalsPoly, mulPoly, onePoly, subPoly, sumPolys, zeroPoly,
} from './polynomial.ts';
import { type Rational, ONE, ZERO, radd, requals, rmul, rsub } from './rational.ts';

/**
 * The arithmetic the sliding window and the matrix product need. Both are
 * written once against this interface and run over floats, exact rationals and
 * polynomials alike.
 */
export interface Ring<T> {
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Sum of many values at once (cheaper than folding `add` for polynomials). */
  sum(items: readonly T[]): T;
  /** Σ a[i]·b[i] (equal lengths); cheaper than mul then sum for polynomials. Optional: see dotProduct. */
  dot?(a: readonly T[], b: readonly T[]): T;
  equals(a: T, b: T): boolean;
  isZero(a: T): boolean;
}

export const float64Ring: Ring<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  sum: (xs) => { let s = 0; for (const x of xs) s += x; return s; },
  dot: (a, b) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s; },
  equals: (a, b) => a === b,
  isZero: (a) => a === 0,
};

export const rationalRing: Ring<Rational> = {
  zero: ZERO,
  one: ONE,
  add: radd,
  sub: rsub,
  mul: rmul,
  sum: (xs) => xs.reduce(radd, ZERO),
  dot: (a, b) => a.reduce((s, x, i) => radd(s, rmul(x, b[i]!)), ZERO),
  equals: requals,
  isZero: (a) => a.n === 0,
};

export const polynomialRing: Ring<Polynomial> = {
  zero: zeroPoly,
  one: onePoly,
  add: addPoly,
  sub: subPoly,
  mul: mulPoly,
  sum: sumPolys,
  dot: dotPolys,
  equals: equalsPoly,
  isZero: (a) => a.isZero(),
};

/** Σ a[i]·b[i] over any ring, through ring.dot when it has one. */
export function dotProduct<T>(ring: Ring<T>, a: readonly T[], b: readonly T[]): T {
  if (ring.dot) return ring.dot(a, b);
  return ring.sum(a.map((x, i) => ring.mul(x, b[i]!)));
}

/** Float comparison used by numeric checks: |a−b| ≤ 1e-9·max(1, |a|, |b|). */
export const FLOAT_TOLERANCE = 1e-9;
export function floatClose(a: number, b: number, tol = FLOAT_TOLERANCE): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}
