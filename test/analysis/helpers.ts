/** Small helpers shared by the analysis tests (no engine logic). */
import { type Polynomial, constPoly, evaluatePoly } from '../../src/algebra/polynomial.ts';
import { rational } from '../../src/algebra/rational.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { symbolName } from '../../src/algebra/symbols.ts';

export const text = (p: Polynomial): string => polynomialToText(p);
export const texts = (ps: readonly Polynomial[]): string[] => ps.map(text);
export const num = (n: number): Polynomial => constPoly(rational(n));

/** Evaluates polynomials with one value per symbol name (missing names are an error). */
export function evaluateWith(ps: readonly Polynomial[], values: ReadonlyMap<string, number>): number[] {
  return ps.map((p) => evaluatePoly(p, (id) => {
    const v = values.get(symbolName(id));
    if (v === undefined) throw new Error(`no value for ${symbolName(id)}`);
    return v;
  }));
}
