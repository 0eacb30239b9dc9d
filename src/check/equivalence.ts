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
  if (a.length !== b.length) return lengthsDiffer(a.length, b.length, o.labels);
  const same = o.same ?? o.ring.equals;
  return compareEntries(a.length, (i) => same(a[i]!, b[i]!), (i) => [a[i]!, b[i]!], o);
}

/**
 * The comparison of two vectors of `length` entries held in any layout:
 * `equalAt(i)` decides entry i, and `sides(i)` gives both values, asked for
 * only at the first MAX_DIFFERENCES entries that differ (to print them).
 */
export function compareEntries<T>(
  length: number, equalAt: (i: number) => boolean, sides: (i: number) => readonly [T, T], o: Omit<CompareOptions<T>, 'same'>,
): Comparison {
  const [left, right] = o.labels ?? ['matrix', 'sliding window'];
  const comparison = `${left} = ${right}`;
  const differences: Difference[] = [];
  let count = 0;
  for (let i = 0; i < length; i++) {
    if (equalAt(i)) continue;
    count++;
    if (differences.length < MAX_DIFFERENCES) {
      const [a, b] = sides(i);
      differences.push({
        comparison, index: i, name: o.names?.[i] ?? `[${i}]`,
        left: o.show(a), right: o.show(b), difference: o.show(o.ring.sub(a, b)),
      });
    }
  }
  return { equal: count === 0, left, right, compared: length, mismatchCount: count, differences };
}

/** Two vectors that cannot be compared entry by entry. */
export function lengthsDiffer(a: number, b: number, labels: [string, string] = ['matrix', 'sliding window']): Comparison {
  const [left, right] = labels;
  return { equal: false, left, right, compared: 0, mismatchCount: Math.max(a, b), differences: [], reason: `${left} has ${entries(a)}, ${right} has ${b}` };
}
