import { intern } from './symbols.ts';
import {
  type Rational, ONE, ZERO, radd, rmul, rneg, requals, rToNumber,
} from './rational.ts';

/**
 * Exact polynomials with rational coefficients in canonical form: a map from
 * monomial key (sorted symbol ids joined by ',') to its term. Zero terms are
 * never stored, so two polynomials are equal exactly when their maps are.
 */
export interface Term {
  /** symbol ids, ascending; a repeated id is a power (w1² is [id, id]) */
  readonly vars: readonly number[];
  readonly coef: Rational;
}

export class Polynomial {
  private constructor(readonly terms: ReadonlyMap<string, Term>) {}

  static fromTerms(terms: Map<string, Term>): Polynomial { return new Polynomial(terms); }

  get size(): number { return this.terms.size; }
  isZero(): boolean { return this.terms.size === 0; }

  /** The constant value, or undefined when the polynomial has variables. */
  constantValue(): Rational | undefined {
    if (this.terms.size === 0) return ZERO;
    if (this.terms.size === 1) return this.terms.get('')?.coef;
    return undefined;
  }
}

const EMPTY = Polynomial.fromTerms(new Map());

function keyOf(vars: readonly number[]): string { return vars.join(','); }

export const zeroPoly: Polynomial = EMPTY;

export function constPoly(c: Rational): Polynomial {
  return c.n === 0 ? EMPTY : Polynomial.fromTerms(new Map([['', { vars: [], coef: c }]]));
}
export const onePoly: Polynomial = constPoly(ONE);

export function symbolPoly(name: string): Polynomial {
  const id = intern(name);
  return Polynomial.fromTerms(new Map([[String(id), { vars: [id], coef: ONE }]]));
}

function accumulate(into: Map<string, Term>, key: string, vars: readonly number[], coef: Rational): void {
  const prev = into.get(key);
  if (prev === undefined) {
    into.set(key, { vars, coef });
    return;
  }
  const c = radd(prev.coef, coef);
  if (c.n === 0) into.delete(key);
  else into.set(key, { vars: prev.vars, coef: c });
}

export function sumPolys(items: readonly Polynomial[]): Polynomial {
  if (items.length === 0) return EMPTY;
  if (items.length === 1) return items[0]!;
  const out = new Map<string, Term>();
  for (const p of items) for (const [k, t] of p.terms) accumulate(out, k, t.vars, t.coef);
  return Polynomial.fromTerms(out);
}

export function addPoly(a: Polynomial, b: Polynomial): Polynomial {
  if (a.isZero()) return b;
  if (b.isZero()) return a;
  return sumPolys([a, b]);
}

function mergeVars(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

export function mulPoly(a: Polynomial, b: Polynomial): Polynomial {
  if (a.isZero() || b.isZero()) return EMPTY;
  const out = new Map<string, Term>();
  for (const s of a.terms.values()) {
    for (const t of b.terms.values()) {
      const vars = mergeVars(s.vars, t.vars);
      accumulate(out, keyOf(vars), vars, rmul(s.coef, t.coef));
    }
  }
  return Polynomial.fromTerms(out);
}

export function negPoly(a: Polynomial): Polynomial {
  const out = new Map<string, Term>();
  for (const [k, t] of a.terms) out.set(k, { vars: t.vars, coef: rneg(t.coef) });
  return Polynomial.fromTerms(out);
}

export function subPoly(a: Polynomial, b: Polynomial): Polynomial { return addPoly(a, negPoly(b)); }

export function equalsPoly(a: Polynomial, b: Polynomial): boolean {
  if (a === b) return true;
  if (a.terms.size !== b.terms.size) return false;
  for (const [k, t] of a.terms) {
    const u = b.terms.get(k);
    if (u === undefined || !requals(t.coef, u.coef)) return false;
  }
  return true;
}

/** Evaluates with a float value per symbol id. */
export function evaluatePoly(p: Polynomial, value: (id: number) => number): number {
  let s = 0;
  for (const t of p.terms.values()) {
    let m = rToNumber(t.coef);
    for (const v of t.vars) m *= value(v);
    s += m;
  }
  return s;
}

/** Ids of every symbol that occurs in p. */
export function symbolsOf(p: Polynomial): Set<number> {
  const s = new Set<number>();
  for (const t of p.terms.values()) for (const v of t.vars) s.add(v);
  return s;
}
