import { type Polynomial, type Term, forEachTerm } from './polynomial.ts';
import { type Rational, rAbs, rIsInteger, rneg, rToString } from './rational.ts';
import { compareNames, symbolName } from './symbols.ts';
import { latexSymbol } from './latex-escape.ts';

/**
 * The printing rules for exact values, in one module: plain text that mathjs
 * and SymPy parse (`w1*z1 + 1/2*w2*z2`, powers as `^`) and LaTeX
 * (`w_{1} z_{1} + \tfrac{1}{2} w_{2} z_{2}`).
 */
export interface PrintOptions {
  /** Rank of a symbol id for ordering terms; lower first. Defaults to natural name order. */
  rank?: (id: number) => number;
  /** Print at most this many terms, then `+ ⋯` and the count (a long sum in a derivation); default all. */
  maxTerms?: number;
}

type Format = 'text' | 'latex';

export function polynomialToText(p: Polynomial, opts: PrintOptions = {}): string {
  return print(p, 'text', opts);
}

export function polynomialToLatex(p: Polynomial, opts: PrintOptions = {}): string {
  return print(p, 'latex', opts);
}

export function rationalToLatex(r: Rational): string {
  const abs = rAbs(r);
  const mag = rIsInteger(abs) ? String(abs.n) : `\\tfrac{${abs.n}}{${abs.d}}`;
  return r.n < 0 ? `-${mag}` : mag;
}

export function rationalToText(r: Rational): string {
  return rToString(r);
}

function print(p: Polynomial, format: Format, opts: PrintOptions): string {
  if (p.isZero()) return '0';
  const rank = opts.rank;
  const ordered: Array<{ t: Term; key: Array<number | string> }> = [];
  forEachTerm(p, (vars, coef) => { const t = { vars, coef }; ordered.push({ t, key: sortKey(t, rank) }); });
  ordered.sort((a, b) => compareKeys(a.key, b.key));
  const total = ordered.length;
  if (opts.maxTerms !== undefined && total > opts.maxTerms) ordered.length = opts.maxTerms;
  let out = '';
  ordered.forEach(({ t }, i) => {
    const negative = t.coef.n < 0;
    const body = monomial(t, format, negative);
    if (i === 0) out = negative ? `-${body}` : body;
    else out += negative ? ` - ${body}` : ` + ${body}`;
  });
  if (ordered.length < total) out += format === 'text' ? ` + … (${total} terms)` : ` + \\cdots \\; (${total} \\text{ terms})`;
  return out;
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

/** |coef| times the factors, factors in natural name order with powers collected. */
function monomial(t: Term, format: Format, negative: boolean): string {
  const abs = negative ? rneg(t.coef) : t.coef;
  const factors = powers(t.vars).map(([name, k]) => {
    if (format === 'text') return k === 1 ? name : `${name}^${k}`;
    return k === 1 ? latexSymbol(name) : `${latexSymbol(name)}^{${k}}`;
  });
  const unit = abs.n === 1 && abs.d === 1;
  if (factors.length === 0) return format === 'text' ? rationalToText(abs) : rationalToLatex(abs);
  if (unit) return factors.join(format === 'text' ? '*' : ' ');
  const c = format === 'text' ? rationalToText(abs) : rationalToLatex(abs);
  return format === 'text' ? `${c}*${factors.join('*')}` : `${c} ${factors.join(' ')}`;
}

function powers(vars: readonly number[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of vars) {
    const n = symbolName(v);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => compareNames(a[0], b[0]));
}
