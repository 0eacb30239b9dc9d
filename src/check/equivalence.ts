import type { Ring } from '../algebra/ring.ts';

/**
 * Comparing two computations of the same vector and saying where they differ.
 * Reports are plain data: which entry, both sides, and their difference.
 */
export interface Mismatch {
  index: number;
  name: string;
  left: string;
  right: string;
  difference: string;
}

export interface EquivalenceReport {
  equal: boolean;
  left: string;
  right: string;
  compared: number;
  mismatchCount: number;
  /** the first differing entry, or null */
  first: Mismatch | null;
  /** set when the two sides cannot be compared at all (different lengths) */
  reason?: string;
}

export interface CompareOptions<T> {
  ring: Ring<T>;
  show: (v: T) => string;
  names?: readonly string[];
  labels?: [string, string];
  /** equality test; defaults to ring.equals (exact) */
  same?: (a: T, b: T) => boolean;
}

export function compareVectors<T>(a: readonly T[], b: readonly T[], o: CompareOptions<T>): EquivalenceReport {
  const [left, right] = o.labels ?? ['matrix', 'sliding window'];
  if (a.length !== b.length) {
    return { equal: false, left, right, compared: 0, mismatchCount: Math.max(a.length, b.length), first: null, reason: `${left} has ${entries(a.length)}, ${right} has ${b.length}` };
  }
  const same = o.same ?? o.ring.equals;
  let first: Mismatch | null = null;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (same(a[i]!, b[i]!)) continue;
    count++;
    first ??= {
      index: i,
      name: o.names?.[i] ?? `[${i}]`,
      left: o.show(a[i]!),
      right: o.show(b[i]!),
      difference: o.show(o.ring.sub(a[i]!, b[i]!)),
    };
  }
  return { equal: count === 0, left, right, compared: a.length, mismatchCount: count, first };
}

/** One line for a terminal or a badge. */
export function describeReport(r: EquivalenceReport): string {
  if (r.equal) return `${r.left} = ${r.right} (${entries(r.compared)})`;
  if (r.reason) return `${r.left} ≠ ${r.right}: ${r.reason}`;
  const f = r.first!;
  return `${r.left} ≠ ${r.right} at ${f.name}: ${f.left} vs ${f.right} (difference ${f.difference}; ${r.mismatchCount} of ${entries(r.compared)} differ)`;
}

/** "1 entry", "6 entries". */
export function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
