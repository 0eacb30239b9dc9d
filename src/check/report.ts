/**
 * The one report shape every check answers with: whether it holds, the
 * entries where the two sides differ (each named as the lecture writes it,
 * with both sides and their difference), and the facts the check states
 * besides the equality. Analyses add their own fields beside a `report`;
 * identities add their `id`. Reports are plain data: print them, serialise
 * them, or assert on them field by field.
 */

/** One entry where two computations differ. */
export interface Difference {
  /** which comparison it came from: "left = right", e.g. "matrix = sliding window" */
  readonly comparison: string;
  /** position in the compared vector (row-major for matrices) */
  readonly index: number;
  /** the entry in the lecture's notation: an output name such as `z8`, or `K[0,1]` */
  readonly name: string;
  readonly left: string;
  readonly right: string;
  /** left − right */
  readonly difference: string;
}

/** Two computations of the same vector or matrix, compared entry by entry. */
export interface Comparison {
  readonly left: string;
  readonly right: string;
  readonly equal: boolean;
  /** how many entries were compared */
  readonly compared: number;
  /** how many of them differ */
  readonly mismatchCount: number;
  /** the first differing entries, in order (at most MAX_DIFFERENCES) */
  readonly differences: readonly Difference[];
  /** set when the two sides cannot be compared entry by entry (different shapes) */
  readonly reason?: string;
}

export type FactValue = number | string | boolean | readonly number[] | readonly string[];

export interface CheckReport {
  readonly holds: boolean;
  /** one line: what was compared and the verdict */
  readonly summary: string;
  /** every comparison made, in order */
  readonly comparisons: readonly Comparison[];
  /** the differing entries of the first comparison that fails (empty when it holds) */
  readonly differences: readonly Difference[];
  /** why it fails when no single entry can be named (shapes differ, a kernel that does not factor, …) */
  readonly reason?: string;
  /** the numbers the check states besides the equality: costs, sizes, the right output padding… */
  readonly facts: Readonly<Record<string, FactValue>>;
}

/** How many differing entries a comparison keeps (it counts them all). */
export const MAX_DIFFERENCES = 8;

/** A report from comparisons: it holds when every comparison is equal. */
export function reportFrom(comparisons: readonly Comparison[], facts: Record<string, FactValue> = {}): CheckReport {
  const failed = comparisons.find((c) => !c.equal);
  const summary = failed ? describeComparison(failed) : comparisons.map(describeComparison).join('; ');
  return {
    holds: !failed, summary, comparisons, differences: failed?.differences ?? [],
    ...(failed?.reason ? { reason: failed.reason } : {}), facts,
  };
}

/** A report for a check that fails before any entry can be compared. */
export function failedCheck(reason: string, facts: Record<string, FactValue> = {}): CheckReport {
  return { holds: false, summary: `does not hold: ${reason}`, comparisons: [], differences: [], reason, facts };
}

/** How many entries a report compared in all. */
export function comparedEntries(r: CheckReport): number {
  return r.comparisons.reduce((n, c) => n + c.compared, 0);
}

/** One line for a terminal or a badge. */
export function describeReport(r: CheckReport): string {
  return r.summary;
}

/** One line for one comparison. */
export function describeComparison(c: Comparison): string {
  if (c.equal) return `${c.left} = ${c.right} (${entries(c.compared)})`;
  if (c.reason) return `${c.left} ≠ ${c.right}: ${c.reason}`;
  const f = c.differences[0]!;
  return `${c.left} ≠ ${c.right} at ${f.name}: ${f.left} vs ${f.right} (difference ${f.difference}; ${c.mismatchCount} of ${entries(c.compared)} differ)`;
}

/** Several lines: the verdict, each comparison, the differing entries with both sides, and the facts. */
export function describeCheckReport(r: CheckReport, title = 'check'): string {
  const lines = [`${title} ${r.holds ? 'holds' : 'does not hold'}`];
  for (const c of r.comparisons) {
    lines.push(c.differences.length ? `  ✗ ${c.left} ≠ ${c.right}: ${c.mismatchCount} of ${entries(c.compared)} differ` : `  ${c.equal ? '✓' : '✗'} ${describeComparison(c)}`);
  }
  const [first, ...more] = r.differences;
  if (first) {
    lines.push(`  counterexample at ${first.name} (${first.comparison}):`, `    left:       ${first.left}`, `    right:      ${first.right}`, `    difference: ${first.difference}`);
    for (const d of more) lines.push(`  also at ${d.name}: ${d.left} vs ${d.right} (difference ${d.difference})`);
    const all = r.comparisons.find((c) => !c.equal)?.mismatchCount ?? 0;
    if (all > r.differences.length) lines.push(`  … and ${all - r.differences.length} more`);
  } else if (r.reason && r.comparisons.length === 0) {
    lines.push(`  reason: ${r.reason}`);
  }
  const facts = Object.entries(r.facts);
  if (facts.length) lines.push(`  facts: ${facts.map(([k, v]) => `${k} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join(', ')}`);
  return lines.join('\n');
}

/** "1 entry", "6 entries". */
export function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
