import type { MatcherState } from 'vitest';
import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import type { SpecInput } from '../geometry/spec.ts';
import type { ConvMatrix } from '../matrix/conv-matrix.ts';
import { type IdentityOptions, type IdentitySpec, checkIdentity, getIdentity } from '../check/identities/catalogue.ts';
import type { ClaimEntry } from '../check/identities/claims.ts';
import { checkMatrixEqualsSlidingWindow } from '../check/identities/matrix-equals-sliding-window.ts';
import { describeIdentityReport } from '../check/identities/report.ts';
import type { IdentityId, IdentityReport } from '../check/identities/types.ts';
import { type ConvolutionFn, type ProbeReport, probeConvolution } from '../check/probe.ts';
import { describeValue } from '../check/probe-output.ts';
import { type PolynomialLike, diffTerms, formatTermDiff, toPolynomial } from './polynomial-diff.ts';

/**
 * convmat's vitest matchers as a plain object (no side effects here;
 * `convmat/testing` registers them with expect.extend).
 */
/** What a matcher returns to vitest (its MatcherOutcome). */
export interface MatcherOutcome {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

export type PolynomialsLike = PolynomialLike | readonly PolynomialLike[];
export type MatrixLike = ConvMatrix | ReadonlyArray<readonly ClaimEntry[]>;

function show(v: unknown): string {
  let s: string;
  try { s = JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

function read(v: PolynomialsLike, side: string): Polynomial[] | Polynomial {
  return Array.isArray(v) ? v.map((x, i) => toPolynomial(x, `${side}[${i}]`)) : toPolynomial(v as PolynomialLike, side);
}

function toEqualPolynomial(this: MatcherState, received: PolynomialsLike, expected: PolynomialsLike): MatcherOutcome {
  let a: Polynomial[] | Polynomial, b: Polynomial[] | Polynomial;
  try {
    a = read(received, 'received');
    b = read(expected, 'expected');
  } catch (e) {
    // unreadable input is no verdict: .not must not pass on it
    if (this.isNot) throw e;
    return { pass: false, message: () => `toEqualPolynomial: ${(e as Error).message}` };
  }
  const as = Array.isArray(a) ? a : [a], bs = Array.isArray(b) ? b : [b];
  const text = (ps: Polynomial[]) => ps.map((p) => polynomialToText(p));
  const base = { actual: Array.isArray(a) ? text(as) : text(as)[0], expected: Array.isArray(b) ? text(bs) : text(bs)[0] };
  if (Array.isArray(a) !== Array.isArray(b) || as.length !== bs.length) {
    return { ...base, pass: false, message: () => `expected ${as.length} polynomial(s) to equal ${bs.length} polynomial(s)` };
  }
  const at = as.findIndex((p, i) => diffTerms(p, bs[i]!).length > 0);
  if (at < 0) {
    return { ...base, pass: true, message: () => `expected ${show(base.actual)} not to equal ${show(base.expected)} as polynomials` };
  }
  const where = Array.isArray(a) ? ` at index ${at}` : '';
  return {
    ...base, pass: false,
    message: () => [
      `expected polynomials to be equal${where}`,
      `  received: ${polynomialToText(as[at]!)}`,
      `  expected: ${polynomialToText(bs[at]!)}`,
      formatTermDiff(diffTerms(as[at]!, bs[at]!)),
    ].join('\n'),
  };
}

function sides(report: IdentityReport, side: 'left' | 'right'): Record<string, string> {
  return Object.fromEntries(report.differences.map((d) => [d.name, d[side]]));
}

function verdict(report: IdentityReport, what: string): MatcherOutcome {
  return {
    pass: report.holds,
    message: () => (report.holds
      ? `expected ${what} not to satisfy ${report.id}, but it holds:\n${describeIdentityReport(report)}`
      : `expected ${what} to satisfy ${report.id}:\n${describeIdentityReport(report)}`),
    // each differing entry by name, so vitest's diff shows both sides of every one
    ...(report.differences.length ? { actual: sides(report, 'left'), expected: sides(report, 'right') } : {}),
  };
}

function toSatisfyIdentity<K extends IdentityId>(this: MatcherState, received: IdentitySpec<K>, id: K, options?: IdentityOptions<K>): MatcherOutcome {
  getIdentity(id);
  return verdict(checkIdentity(id, received, options), `spec ${show(received)}`);
}

function toMatchSlidingWindow(this: MatcherState, received: MatrixLike, spec: SpecInput): MatcherOutcome {
  return verdict(checkMatrixEqualsSlidingWindow(spec, { matrix: received }), `the matrix of spec ${show(spec)}`);
}

/**
 * An async fn (one that returns a Promise) is awaited: the matcher then returns
 * a Promise, so write `await expect(fn).toComputeConvolution(spec)`, as with
 * `.resolves`. A sync fn gets a sync verdict.
 */
function toComputeConvolution(this: MatcherState, received: ConvolutionFn, spec: SpecInput): MatcherOutcome | Promise<MatcherOutcome> {
  if (typeof received !== 'function') {
    const text = `toComputeConvolution: expected a function (input, weight) => output, got ${describeValue(received)}`;
    // .not cannot pass on something that is not a function at all
    if (this.isNot) throw new TypeError(text);
    return { pass: false, message: () => text };
  }
  const outcome = (p: ProbeReport): MatcherOutcome => ({
    pass: p.holds,
    message: () => (p.holds
      ? `expected the function not to compute the convolution of spec ${show(spec)}, but ${p.summary}`
      : `expected the function to compute the convolution of spec ${show(spec)}: ${p.summary}`),
  });
  const p = probeConvolution(received, spec, true);
  return p instanceof Promise ? p.then(outcome) : outcome(p);
}

export const convmatMatchers = { toEqualPolynomial, toSatisfyIdentity, toMatchSlidingWindow, toComputeConvolution };

/** The matcher signatures, as vitest's Assertion sees them (R: the return type). */
export interface ConvmatMatchers<R = unknown> {
  /** Equal as exact polynomials (Polynomial, expression string or number; or arrays of them); the failure lists the differing terms. */
  toEqualPolynomial(expected: PolynomialsLike): R;
  /** The catalogued identity holds for this spec (otherwise its report's differing entries are printed). */
  toSatisfyIdentity<K extends IdentityId>(id: K, options?: IdentityOptions<K>): R;
  /** This matrix (a ConvMatrix, or dense rows of entries) times the spec's inputs equals the sliding window. */
  toMatchSlidingWindow(spec: SpecInput): R;
  /** This function (input, weight) => output, in the eval layouts, computes K(spec): bilinear on random signed non-integer probes, then probed with units (when small). Await it when fn is async. */
  toComputeConvolution(spec: SpecInput): R;
}
