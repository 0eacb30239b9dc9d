import { LimitError } from '../errors.ts';

/**
 * Monomials as numbers, so that polynomials are sorted number arrays rather
 * than maps of strings. A key is 0 for the constant monomial, id+1 for one
 * symbol, (a+1)·2^26 + (b+1) for a·b with a ≤ b (the multilinear products the
 * engine makes by the million), and a negative index into an interning table
 * for anything else (higher degrees, huge ids). Equal monomials have equal
 * keys, so sorting by key gives a canonical order.
 */
const BASE = 2 ** 26;
const table: number[][] = [];
const tableIndex = new Map<string, number>();
const MAX_INTERNED = 1 << 22;

export const CONSTANT_KEY = 0;

export function keyOfVars(vars: readonly number[]): number {
  if (vars.length === 0) return 0;
  if (vars.length === 1 && vars[0]! + 1 < BASE) return vars[0]! + 1;
  if (vars.length === 2 && vars[1]! + 1 < BASE) return (vars[0]! + 1) * BASE + vars[1]! + 1;
  const text = vars.join(',');
  let i = tableIndex.get(text);
  if (i === undefined) {
    if (table.length >= MAX_INTERNED) {
      throw new LimitError({ field: 'polynomial', value: table.length, rule: `at most ${MAX_INTERNED} distinct monomials of degree 3 or more` });
    }
    i = table.length;
    table.push([...vars]);
    tableIndex.set(text, i);
  }
  return -(i + 1);
}

/** Whether a key is the constant monomial or a single symbol (degree ≤ 1), so that mulKeys of two such keys stays a number key. */
export function isLinearKey(key: number): boolean {
  return key >= 0 && key < BASE;
}

/** Symbol ids of a monomial, ascending (a repeated id is a power). */
export function varsOfKey(key: number): readonly number[] {
  if (key === 0) return [];
  if (key > 0 && key < BASE) return [key - 1];
  if (key > 0) return [Math.floor(key / BASE) - 1, (key % BASE) - 1];
  return table[-key - 1]!;
}

/** The key of the product of two keys of degree ≤ 1 (isLinearKey): the constant, one symbol, or a pair. */
export function mulLinearKeys(a: number, b: number): number {
  return a === 0 ? b : b === 0 ? a : a <= b ? a * BASE + b : b * BASE + a;
}

/** The key of the product of two monomials. */
export function mulKeys(a: number, b: number): number {
  if (a >= 0 && a < BASE && b >= 0 && b < BASE) return mulLinearKeys(a, b);
  if (a === 0) return b;
  if (b === 0) return a;
  const x = varsOfKey(a), y = varsOfKey(b);
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < x.length && j < y.length) out.push(x[i]! <= y[j]! ? x[i++]! : y[j++]!);
  while (i < x.length) out.push(x[i++]!);
  while (j < y.length) out.push(y[j++]!);
  return keyOfVars(out);
}
