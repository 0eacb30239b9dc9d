import { parseExpression } from '../algebra/expression.ts';
import { Polynomial, type Term, constPoly } from '../algebra/polynomial.ts';
import { polynomialToText, rationalToText } from '../algebra/print.ts';
import { ONE, ZERO, parseRational, requals } from '../algebra/rational.ts';
import { compareNames } from '../algebra/symbols.ts';

/**
 * Reading polynomials from what a test writes (a Polynomial, an expression
 * string such as "w1*z1 + 1/2*w2", or a number), and the term-by-term diff the
 * toEqualPolynomial matcher prints.
 */
export type PolynomialLike = Polynomial | string | number;

export function toPolynomial(v: PolynomialLike, field = 'polynomial'): Polynomial {
  if (v instanceof Polynomial) return v;
  if (typeof v === 'number') return constPoly(parseRational(v, field));
  if (typeof v === 'string') return parseExpression(v, field);
  throw new TypeError(`${field}: expected a Polynomial, an expression string or a number, got ${typeof v}`);
}

/** One monomial whose coefficient differs. Coefficients as text ("0" when the term is absent). */
export interface TermDifference {
  term: string;
  received: string;
  expected: string;
}

function monomialText(t: Term): string {
  return polynomialToText(Polynomial.fromTerms(new Map([['m', { vars: t.vars, coef: ONE }]])));
}

/** The monomials whose coefficients differ, in natural name order. */
export function diffTerms(received: Polynomial, expected: Polynomial): TermDifference[] {
  const keys = new Set([...received.terms.keys(), ...expected.terms.keys()]);
  const out: TermDifference[] = [];
  for (const k of keys) {
    const a = received.terms.get(k), b = expected.terms.get(k);
    const ca = a?.coef ?? ZERO, cb = b?.coef ?? ZERO;
    if (requals(ca, cb)) continue;
    out.push({ term: monomialText((a ?? b)!), received: rationalToText(ca), expected: rationalToText(cb) });
  }
  return out.sort((x, y) => compareNames(x.term, y.term));
}

/** A small table: term, its coefficient on each side, and whether it is missing or unexpected. */
export function formatTermDiff(diffs: readonly TermDifference[], indent = '  '): string {
  const width = Math.max(4, ...diffs.map((d) => d.term.length));
  const cw = Math.max(8, ...diffs.map((d) => d.received.length));
  const rows = diffs.map((d) => {
    const note = d.received === '0' ? 'missing' : d.expected === '0' ? 'unexpected' : 'coefficient differs';
    return `${indent}${d.term.padEnd(width)}  ${d.received.padEnd(cw)}  ${d.expected.padEnd(8)}  (${note})`;
  });
  return [`${indent}${'term'.padEnd(width)}  ${'received'.padEnd(cw)}  expected`, ...rows].join('\n');
}
