import { ParseError } from '../errors.ts';

/**
 * Strict keys with a did-you-mean: a misspelt key is an error, never a silently
 * ignored option (`strid: 2` would otherwise check stride 1). Used by
 * normalizeSpec, the identity specs of `check --spec` and `eval` cases.
 */
export function assertKnownKeys(obj: object, known: readonly string[], what: string): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key) || (obj as Record<string, unknown>)[key] === undefined) continue;
    const near = didYouMean(key, known);
    throw new ParseError({
      field: key, value: (obj as Record<string, unknown>)[key],
      rule: `is not a key of ${what}`,
      fix: `${near ? `did you mean ${near}? ` : ''}the keys are ${known.join(', ')}`,
    });
  }
}

/**
 * Strict options: like assertKnownKeys, for an options or claims object that
 * may be left out. `keys` is a record with one entry per key of the options
 * type (`{maxWork: true, matrix: true} satisfies Record<keyof O, true>`), so
 * the compiler keeps the list complete.
 */
export function assertKnownOptions(options: unknown, keys: Readonly<Record<string, true>>, what: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ParseError({ field: what, value: options, rule: 'must be an object' });
  }
  const known = Object.keys(keys);
  const extra = known.length === 0 ? Object.entries(options).find(([, v]) => v !== undefined) : undefined;
  if (extra) throw new ParseError({ field: extra[0], value: extra[1], rule: `is not a key of ${what}`, fix: `${what} take none: leave it out` });
  assertKnownKeys(options, known, what);
}

/** The known word closest to `word`: same letters up to case, `_` and `-`, or at most two edits away. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const folded = fold(word);
  const same = known.find((k) => fold(k) === folded);
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(folded.length / 3));
  for (const k of known) {
    const d = editDistance(folded, fold(k));
    if (d <= bestDistance && (best === undefined || d < bestDistance)) { best = k; bestDistance = d; }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
