/**
 * What a view's cells hold: an `Entry` (a polynomial as structure: terms of
 * symbols `{base, index, accent}` with coefficients) or null for a
 * structural zero (no tap lands there). Every renderer prints the structure
 * itself; nothing parses printed LaTeX back. Defined with the printing
 * rules in src/algebra/print.ts; this module is the views' (and the
 * elements') door to them.
 */
export type { Entry, EntryFactor, EntryTerm } from '../algebra/print.ts';
export type { Accent, SymbolParts } from '../algebra/symbol-parts.ts';
export { entryToLatex, entryToText } from '../algebra/print.ts';
export { greekGlyph, symbolToLatex } from '../algebra/latex-escape.ts';
import type { Entry } from '../algebra/print.ts';

/** A drawn cell: an entry, or null for a structural zero. */
export type ViewCell = Entry | null;

/** A summed entry (reflect or replicate padding: w₁ + w₃): the terms of both, in order. */
export function addEntries(a: Entry, b: Entry): Entry {
  return { terms: [...a.terms, ...b.terms], total: a.total + b.total };
}

/** The constant entry of a whole number (a frame counter, a numeric output). */
export function integerEntry(k: number): Entry {
  if (k === 0) return { terms: [], total: 0 };
  return { terms: [{ negative: k < 0, coef: { n: String(Math.abs(k)), d: '1' }, factors: [] }], total: 1 };
}
