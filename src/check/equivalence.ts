import type { Ring } from '../algebra/ring.ts';
import { type Comparison, type Difference, MAX_DIFFERENCES, entries } from './report.ts';

/**
 * Comparing two computations of the same vector and saying where they differ:
 * which entries, both sides, and their difference (see report.ts).
 */
export interface CompareOptions<T> {
  ring: Ring<T>;
  show: (v: T) => string;
  names?: readonly string[];
  labels?: [string, string];
  /** equality test; defaults to ring.equals (exact) */
  same?: (a: T, b: T) => boolean;
}

export function compareVectors<T>(a: readonly T[], b: readonly T[], o: CompareOptions<T>): Comparison {
  const [left, right] = o.labels ?? ['matrix', 'sliding window'];
  if (a.length !== b.length) {
    return { equal: false, left, right, compared: 0, mismatchCount: Math.max(a.length, b.length), differences: [], reason: `${left} has ${entries(a.length)}, ${right} has ${b.length}` };
  }
  const same = o.same ?? o.ring.equals;
  const comparison = `${left} = ${right}`;
  const differences: Difference[] = [];
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (same(a[i]!, b[i]!)) continue;
    count++;
    if (differences.length < MAX_DIFFERENCES) {
      differences.push({
        comparison, index: i, name: o.names?.[i] ?? `[${i}]`,
        left: o.show(a[i]!), right: o.show(b[i]!), difference: o.show(o.ring.sub(a[i]!, b[i]!)),
      });
    }
  }
  return { equal: count === 0, left, right, compared: a.length, mismatchCount: count, differences };
}
