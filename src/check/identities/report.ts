import type { Polynomial } from '../../algebra/polynomial.ts';
import { polynomialToText } from '../../algebra/print.ts';
import { float64Ring, polynomialRing } from '../../algebra/ring.ts';
import { compareVectors } from '../equivalence.ts';
import { type CheckReport, type Comparison, type FactValue, reportFrom, describeCheckReport, failedCheck } from '../report.ts';
import type { IdentityId, IdentityReport } from './types.ts';

/**
 * Identity reports are check reports with the identity's id. An identity
 * holds when every comparison is equal; its counterexample is the first
 * differing entry of the first comparison that fails.
 */
function withId(id: IdentityId, r: CheckReport): IdentityReport {
  return { id, ...r, summary: `${id}: ${r.summary}` };
}

export function identityReport(id: IdentityId, comparisons: readonly Comparison[], facts: Record<string, FactValue> = {}): IdentityReport {
  return withId(id, reportFrom(comparisons, facts));
}

/** A report for a valid spec on which the identity fails before any entry can be compared. */
export function failedReport(id: IdentityId, reason: string, facts: Record<string, FactValue> = {}): IdentityReport {
  return withId(id, failedCheck(reason, facts));
}

/** Exact comparison of two polynomial vectors. */
export function comparePolynomials(
  a: readonly Polynomial[], b: readonly Polynomial[], labels: [string, string], names?: readonly string[],
): Comparison {
  return compareVectors(a, b, { ring: polynomialRing, labels, names, show: (p) => polynomialToText(p) });
}

/** Exact comparison of two integer vectors (sizes, counts). */
export function compareIntegers(
  a: readonly number[], b: readonly number[], labels: [string, string], names?: readonly string[],
): Comparison {
  return compareVectors(a, b, { ring: float64Ring, labels, names, show: String });
}

/** Several lines: the verdict, the counterexample with both sides, and the facts. */
export function describeIdentityReport(r: IdentityReport): string {
  return describeCheckReport(r, r.id);
}
