import { type EntryValue, entryToPolynomial } from '../../algebra/entries.ts';
import { Polynomial } from '../../algebra/polynomial.ts';
import { ParseError } from '../../errors.ts';

/**
 * What a near-miss test feeds an identity: a claimed kernel, matrix or weight
 * list, written as numbers, names, expressions ("2*w1") or polynomials.
 * Expressions need the expression parser, which `import 'convmat'` loads
 * (the CLI loads it only when a spec holds expressions).
 */
export type ClaimEntry = EntryValue | Polynomial;

export function claimedVector(values: readonly ClaimEntry[], field: string): Polynomial[] {
  if (!Array.isArray(values)) throw new ParseError({ field, value: values, rule: 'expected an array of numbers, names or expressions' });
  return values.map((v, i) => {
    if (v instanceof Polynomial) return v;
    // anything else than a number or text is unreadable (an object would pass as a polynomial otherwise)
    if (typeof v !== 'number' && typeof v !== 'string') throw new ParseError({ field: `${field}[${i}]`, value: typeof v, rule: 'expected a number, a name, an expression or a Polynomial' });
    return entryToPolynomial(v, `${field}[${i}]`);
  });
}

/** A dense matrix, rows of entries; it must be rectangular. */
export function claimedMatrix(rows: ReadonlyArray<readonly ClaimEntry[]>, field: string): Polynomial[][] {
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r) || r.length !== rows[0]!.length)) {
    throw new ParseError({ field, value: Array.isArray(rows) ? rows.length : rows, rule: 'expected a rectangular array of rows' });
  }
  return rows.map((r, i) => claimedVector(r, `${field}[${i}]`));
}
