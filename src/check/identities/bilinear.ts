import { keyOfVars } from '../../algebra/monomial.ts';
import { Polynomial, type Term, dotPolys, forEachTerm, mulPoly, sumPolys, symbolsOf } from '../../algebra/polynomial.ts';

/**
 * Inner products of polynomial vectors and reading a bilinear form back
 * entry by entry: ⟨a, y⟩ with symbols y is linear in each y_i, and its
 * coefficient of y_i is a_i. Comparing coefficients instead of the whole
 * polynomial lets a report name the entry where two forms differ.
 */
export function innerProduct(a: readonly Polynomial[], b: readonly Polynomial[]): Polynomial {
  if (a.length !== b.length) throw new RangeError(`innerProduct: ${a.length} against ${b.length} entries`);
  return sumPolys(a.map((x, i) => mulPoly(x, b[i]!)));
}

/** The symbol id of a polynomial that is a single bare symbol (y_i). */
export function symbolIdOf(p: Polynomial): number {
  const ids = [...symbolsOf(p)];
  if (ids.length !== 1 || p.size !== 1) throw new RangeError('symbolIdOf: expected a single symbol');
  return ids[0]!;
}

/**
 * The coefficient of each symbol in a polynomial that is linear in them:
 * the terms holding the symbol exactly once, with it removed.
 */
export function coefficientsOf(p: Polynomial, symbols: readonly number[]): Polynomial[] {
  const at = new Map(symbols.map((id, i) => [id, i]));
  const buckets: Array<Map<string, Term>> = symbols.map(() => new Map());
  for (const t of p.terms.values()) {
    const hits = t.vars.filter((v) => at.has(v));
    if (hits.length !== 1) continue;
    const vars = t.vars.filter((v) => v !== hits[0]);
    buckets[at.get(hits[0]!)!]!.set(vars.join(','), { vars, coef: t.coef });
  }
  return buckets.map((m) => Polynomial.fromTerms(m));
}

/**
 * The coefficient of each symbol y_r in ⟨a, b⟩, where b is linear in the y
 * and no y occurs in a, without forming ⟨a, b⟩: the term c·m·y_r of b_i
 * adds c·m·a_i to the coefficient of y_r. The same polynomials as
 * coefficientsOf(innerProduct(a, b), symbols), made of the bilinear terms
 * of the coefficients instead of one polynomial of trilinear terms (which
 * for a 512×512 input took more than 1 GB).
 */
export function innerProductCoefficients(a: readonly Polynomial[], b: readonly Polynomial[], symbols: readonly number[]): Polynomial[] {
  if (a.length !== b.length) throw new RangeError(`innerProductCoefficients: ${a.length} against ${b.length} entries`);
  const at = new Map(symbols.map((id, i) => [id, i]));
  const left: Polynomial[][] = symbols.map(() => []), right: Polynomial[][] = symbols.map(() => []);
  b.forEach((p, i) => forEachTerm(p, (vars, coef) => {
    const hits = vars.filter((v) => at.has(v));
    if (hits.length !== 1) return;
    const r = at.get(hits[0]!)!;
    left[r]!.push(Polynomial.fromSorted([keyOfVars(vars.filter((v) => v !== hits[0]))], [coef]));
    right[r]!.push(a[i]!);
  }));
  return left.map((l, r) => dotPolys(l, right[r]!));
}
