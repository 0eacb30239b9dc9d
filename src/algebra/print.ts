import { type Polynomial, type Term, forEachTerm } from './polynomial.ts';
import { type Rational, rAbs, rIsInteger, rneg, rToString } from './rational.ts';
import { compareNames, symbolName } from './symbols.ts';
import { symbolToLatex } from './latex-escape.ts';
import { type SymbolParts, symbolParts } from './symbol-parts.ts';

/**
 * The printing rules for exact values, in one module. A polynomial is first
 * an `Entry`, plain data (terms in print order, each a sign, a coefficient
 * and symbols as structure), then printed: plain text that mathjs and SymPy
 * parse (`w1*z1 + 1/2*w2*z2`, powers as `^`) and LaTeX
 * (`w_{1} z_{1} + \tfrac{1}{2} w_{2} z_{2}`). Views hold entries, so every
 * renderer (KaTeX, the elements' light HTML, SVG, text) prints the same structure.
 */
export interface PrintOptions {
  /** Rank of a symbol id for ordering terms; lower first. Defaults to natural name order. */
  rank?: (id: number) => number;
  /** Print at most this many terms, then `+ ⋯` and the count (a long sum in a derivation); default all. */
  maxTerms?: number;
}

export interface EntryFactor {
  readonly symbol: SymbolParts;
  readonly power: number;
}

export interface EntryTerm {
  readonly negative: boolean;
  /** |coefficient| as decimal integer strings (d is '1' for an integer) */
  readonly coef: { readonly n: string; readonly d: string };
  /** in natural name order, powers collected; empty for a constant */
  readonly factors: readonly EntryFactor[];
}

/** A polynomial as structure: its terms in print order; `total` counts the terms before `maxTerms` cut them (0 for zero). */
export interface Entry {
  readonly terms: readonly EntryTerm[];
  readonly total: number;
}

export function polynomialToText(p: Polynomial, opts: PrintOptions = {}): string {
  return entryToText(polynomialEntry(p, opts));
}

export function polynomialToLatex(p: Polynomial, opts: PrintOptions = {}): string {
  return entryToLatex(polynomialEntry(p, opts));
}

export function rationalToLatex(r: Rational): string {
  const abs = rAbs(r);
  const mag = rIsInteger(abs) ? String(abs.n) : `\\tfrac{${abs.n}}{${abs.d}}`;
  return r.n < 0 ? `-${mag}` : mag;
}

export function rationalToText(r: Rational): string {
  return rToString(r);
}

/** The entry of a polynomial: terms ordered by `rank` (or name), at most `maxTerms` of them. */
export function polynomialEntry(p: Polynomial, opts: PrintOptions = {}): Entry {
  if (p.isZero()) return { terms: [], total: 0 };
  const rank = opts.rank;
  const ordered: Array<{ t: Term; key: Array<number | string> }> = [];
  if (p.size === 1) forEachTerm(p, (vars, coef) => { ordered.push({ t: { vars, coef }, key: [] }); });
  else {
    forEachTerm(p, (vars, coef) => { const t = { vars, coef }; ordered.push({ t, key: sortKey(t, rank) }); });
    ordered.sort((a, b) => compareKeys(a.key, b.key));
  }
  const total = ordered.length;
  if (opts.maxTerms !== undefined && total > opts.maxTerms) ordered.length = opts.maxTerms;
  return { terms: ordered.map(({ t }) => entryTerm(t)), total };
}

/** The entry of a single symbol. */
export function symbolEntry(name: string): Entry {
  return { terms: [{ negative: false, coef: UNIT, factors: [{ symbol: symbolParts(name), power: 1 }] }], total: 1 };
}

export function entryToLatex(e: Entry): string {
  return printEntry(e, 'latex');
}

export function entryToText(e: Entry): string {
  return printEntry(e, 'text');
}

type Format = 'text' | 'latex';
const UNIT = { n: '1', d: '1' } as const;

function printEntry(e: Entry, format: Format): string {
  if (e.total === 0) return '0';
  let out = '';
  e.terms.forEach((t, i) => {
    const body = monomial(t, format);
    if (i === 0) out = t.negative ? `-${body}` : body;
    else out += t.negative ? ` - ${body}` : ` + ${body}`;
  });
  if (e.terms.length < e.total) out += format === 'text' ? ` + … (${e.total} terms)` : ` + \\cdots \\; (${e.total} \\text{ terms})`;
  return out;
}

function entryTerm(t: Term): EntryTerm {
  const negative = t.coef.n < 0;
  const abs = negative ? rneg(t.coef) : t.coef;
  const coef = abs.n === 1 && abs.d === 1 ? UNIT : { n: String(abs.n), d: String(abs.d) };
  return { negative, coef, factors: powers(t.vars).map(([name, power]) => ({ symbol: symbolParts(name), power })) };
}

function sortKey(t: Term, rank: ((id: number) => number) | undefined): Array<number | string> {
  const vars = [...t.vars];
  if (rank) return vars.map(rank).sort((a, b) => a - b);
  return vars.map(symbolName).sort(compareNames);
}

function compareKeys(a: Array<number | string>, b: Array<number | string>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!, y = b[i]!;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareNames(String(x), String(y));
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** |coef| times the factors. */
function monomial(t: EntryTerm, format: Format): string {
  const factors = t.factors.map(({ symbol, power }) => {
    if (format === 'text') return power === 1 ? symbol.name : `${symbol.name}^${power}`;
    const s = symbolToLatex(symbol);
    return power === 1 ? s : `${s}^{${power}}`;
  });
  const integer = t.coef.d === '1';
  const c = format === 'text' || integer ? (integer ? t.coef.n : `${t.coef.n}/${t.coef.d}`) : `\\tfrac{${t.coef.n}}{${t.coef.d}}`;
  if (factors.length === 0) return c;
  if (t.coef === UNIT || (t.coef.n === '1' && integer)) return factors.join(format === 'text' ? '*' : ' ');
  return format === 'text' ? `${c}*${factors.join('*')}` : `${c} ${factors.join(' ')}`;
}

function powers(vars: readonly number[]): Array<[string, number]> {
  if (vars.length === 0) return [];
  if (vars.length === 1) return [[symbolName(vars[0]!), 1]];
  const counts = new Map<string, number>();
  for (const v of vars) {
    const n = symbolName(v);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => compareNames(a[0], b[0]));
}
