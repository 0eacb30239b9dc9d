import type { Polynomial } from '../../algebra/polynomial.ts';
import { polynomialToText } from '../../algebra/print.ts';
import { float64Ring, polynomialRing } from '../../algebra/ring.ts';
import { type EquivalenceReport, compareVectors, describeReport, entries } from '../equivalence.ts';
import type { Counterexample, FactValue, IdentityId, IdentityReport } from './types.ts';

/**
 * Building identity reports from comparisons, and printing them. An identity
 * holds when every comparison is equal; the counterexample is the first
 * differing entry of the first comparison that fails.
 */
export function identityReport(
  id: IdentityId, comparisons: readonly EquivalenceReport[], facts: Record<string, FactValue> = {},
): IdentityReport {
  const failed = comparisons.find((c) => !c.equal);
  const counterexample: Counterexample | null = failed?.first ? { ...failed.first, comparison: `${failed.left} = ${failed.right}` } : null;
  const summary = failed ? describeReport(failed) : comparisons.map(describeReport).join('; ');
  return {
    id, holds: !failed, summary: `${id}: ${summary}`, comparisons, counterexample,
    ...(failed?.reason ? { reason: failed.reason } : {}), facts,
  };
}

/** A report for a valid spec on which the identity fails before any entry can be compared. */
export function failedReport(id: IdentityId, reason: string, facts: Record<string, FactValue> = {}): IdentityReport {
  return { id, holds: false, summary: `${id}: does not hold: ${reason}`, comparisons: [], counterexample: null, reason, facts };
}

/** Exact comparison of two polynomial vectors. */
export function comparePolynomials(
  a: readonly Polynomial[], b: readonly Polynomial[], labels: [string, string], names?: readonly string[],
): EquivalenceReport {
  return compareVectors(a, b, { ring: polynomialRing, labels, names, show: (p) => polynomialToText(p) });
}

/** Exact comparison of two integer vectors (sizes, counts). */
export function compareIntegers(
  a: readonly number[], b: readonly number[], labels: [string, string], names?: readonly string[],
): EquivalenceReport {
  return compareVectors(a, b, { ring: float64Ring, labels, names, show: String });
}

/** Several lines: the verdict, the counterexample with both sides, and the facts. */
export function describeIdentityReport(r: IdentityReport): string {
  const lines = [`${r.id} ${r.holds ? 'holds' : 'does not hold'}`];
  for (const c of r.comparisons) {
    lines.push(c.first ? `  ✗ ${c.left} ≠ ${c.right}: ${c.mismatchCount} of ${entries(c.compared)} differ` : `  ${c.equal ? '✓' : '✗'} ${describeReport(c)}`);
  }
  if (r.counterexample) {
    const c = r.counterexample;
    lines.push(`  counterexample at ${c.name} (${c.comparison}):`, `    left:       ${c.left}`, `    right:      ${c.right}`, `    difference: ${c.difference}`);
  } else if (r.reason && r.comparisons.length === 0) {
    lines.push(`  reason: ${r.reason}`);
  }
  const facts = Object.entries(r.facts);
  if (facts.length) lines.push(`  facts: ${facts.map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join(', ')}`);
  return lines.join('\n');
}
