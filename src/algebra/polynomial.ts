import { intern } from './symbols.ts';
import { workMeter } from './work-meter.ts';
import { CONSTANT_KEY, keyOfVars, mulKeys, varsOfKey } from './monomial.ts';
import { type Rational, ONE, ZERO, radd, rmul, rneg, requals, rToNumber } from './rational.ts';

/**
 * Exact polynomials with rational coefficients in canonical form: terms sorted
 * by monomial key (see monomial.ts), no zero coefficients, so two polynomials
 * are equal exactly when their key and coefficient arrays are.
 */
export interface Term {
  /** symbol ids, ascending; a repeated id is a power (w1² is [id, id]) */
  readonly vars: readonly number[];
  readonly coef: Rational;
}

export class Polynomial {
  private termMap: Map<string, Term> | undefined;
  /** keys strictly ascending, coefs nonzero and aligned with keys */
  private constructor(readonly keys: readonly number[], readonly coefs: readonly Rational[]) {}

  /** From a canonical pair of arrays (sorted distinct keys, nonzero coefficients); not checked. */
  static fromSorted(keys: readonly number[], coefs: readonly Rational[]): Polynomial { return new Polynomial(keys, coefs); }

  static fromTerms(terms: Map<string, Term>): Polynomial {
    const keys: number[] = [], coefs: Rational[] = [];
    for (const t of terms.values()) { keys.push(keyOfVars(t.vars)); coefs.push(t.coef); }
    return sortMerge(keys, coefs, keys.length);
  }

  /** The terms keyed by their symbol ids joined with ','. Built on first use. */
  get terms(): ReadonlyMap<string, Term> {
    if (!this.termMap) {
      this.termMap = new Map();
      this.keys.forEach((k, i) => { const vars = varsOfKey(k); this.termMap!.set(vars.join(','), { vars, coef: this.coefs[i]! }); });
    }
    return this.termMap;
  }

  get size(): number { return this.keys.length; }
  isZero(): boolean { return this.keys.length === 0; }

  /** The constant value, or undefined when the polynomial has variables. */
  constantValue(): Rational | undefined {
    if (this.keys.length === 0) return ZERO;
    if (this.keys.length === 1 && this.keys[0] === CONSTANT_KEY) return this.coefs[0];
    return undefined;
  }
}

const EMPTY = Polynomial.fromSorted([], []);
export const zeroPoly: Polynomial = EMPTY;

export function constPoly(c: Rational): Polynomial {
  return c.n === 0 ? EMPTY : Polynomial.fromSorted([CONSTANT_KEY], [c]);
}
export const onePoly: Polynomial = constPoly(ONE);

export function symbolPoly(name: string): Polynomial {
  return Polynomial.fromSorted([keyOfVars([intern(name)])], [ONE]);
}

const isOne = (r: Rational) => r.n === 1 && r.d === 1;

/**
 * The canonical polynomial of the first n (key, coef) pairs, which are sorted
 * in place (insertion sort: the engine's sums are short and nearly sorted;
 * long ones go through an index sort), equal keys merged, zeros dropped.
 */
function sortMerge(keys: number[], coefs: Rational[], n: number): Polynomial {
  if (n > 32) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
    const k2 = order.map((i) => keys[i]!), c2 = order.map((i) => coefs[i]!);
    for (let i = 0; i < n; i++) { keys[i] = k2[i]!; coefs[i] = c2[i]!; }
  } else {
    for (let i = 1; i < n; i++) {
      const k = keys[i]!, c = coefs[i]!;
      let j = i - 1;
      while (j >= 0 && keys[j]! > k) { keys[j + 1] = keys[j]!; coefs[j + 1] = coefs[j]!; j--; }
      keys[j + 1] = k; coefs[j + 1] = c;
    }
  }
  // merge equal keys and drop zeros in place, then copy out exactly the m terms left
  let m = 0;
  for (let i = 0; i < n;) {
    const k = keys[i]!;
    let c = coefs[i++]!;
    while (i < n && keys[i] === k) c = radd(c, coefs[i++]!);
    if (c.n !== 0) { keys[m] = k; coefs[m++] = c; }
  }
  return Polynomial.fromSorted(keys.slice(0, m), coefs.slice(0, m));
}

// scratch buffers for sums and dot products (reused; the engine is single-threaded)
const bufK: number[] = [];
const bufC: Rational[] = [];

export function sumPolys(items: readonly Polynomial[]): Polynomial {
  if (items.length === 0) return EMPTY;
  if (items.length === 1) return items[0]!;
  let n = 0;
  for (const p of items) for (let i = 0; i < p.keys.length; i++) { bufK[n] = p.keys[i]!; bufC[n++] = p.coefs[i]!; }
  return sortMerge(bufK, bufC, n);
}

export function addPoly(a: Polynomial, b: Polynomial): Polynomial {
  if (a.isZero()) return b;
  if (b.isZero()) return a;
  return sumPolys([a, b]);
}

/** Σ a[i]·b[i] in one pass, without the intermediate products (the hot path of K·z and the window). */
export function dotPolys(a: readonly Polynomial[], b: readonly Polynomial[]): Polynomial {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!, q = b[i]!;
    for (let s = 0; s < p.keys.length; s++) {
      const ks = p.keys[s]!, cs = p.coefs[s]!;
      for (let t = 0; t < q.keys.length; t++) {
        const ct = q.coefs[t]!;
        bufK[n] = mulKeys(ks, q.keys[t]!);
        bufC[n++] = isOne(cs) ? ct : isOne(ct) ? cs : rmul(cs, ct);
      }
    }
  }
  workMeter.terms += n;
  return sortMerge(bufK, bufC, n);
}

export function mulPoly(a: Polynomial, b: Polynomial): Polynomial {
  if (a.isZero() || b.isZero()) return EMPTY;
  return dotPolys([a], [b]);
}

export function negPoly(a: Polynomial): Polynomial {
  return Polynomial.fromSorted(a.keys, a.coefs.map(rneg));
}

export function subPoly(a: Polynomial, b: Polynomial): Polynomial { return addPoly(a, negPoly(b)); }

export function equalsPoly(a: Polynomial, b: Polynomial): boolean {
  if (a === b) return true;
  const n = a.keys.length;
  if (n !== b.keys.length) return false;
  for (let i = 0; i < n; i++) {
    if (a.keys[i] !== b.keys[i] || !requals(a.coefs[i]!, b.coefs[i]!)) return false;
  }
  return true;
}

/** Visits every term: its symbol ids (ascending) and coefficient. */
export function forEachTerm(p: Polynomial, visit: (vars: readonly number[], coef: Rational) => void): void {
  for (let i = 0; i < p.keys.length; i++) visit(varsOfKey(p.keys[i]!), p.coefs[i]!);
}

/** Evaluates with a float value per symbol id. */
export function evaluatePoly(p: Polynomial, value: (id: number) => number): number {
  let s = 0;
  forEachTerm(p, (vars, coef) => {
    let m = rToNumber(coef);
    for (const v of vars) m *= value(v);
    s += m;
  });
  return s;
}

/** Ids of every symbol that occurs in p. */
export function symbolsOf(p: Polynomial): Set<number> {
  const s = new Set<number>();
  forEachTerm(p, (vars) => { for (const v of vars) s.add(v); });
  return s;
}
