import { compareNames, symbolName } from '../algebra/symbols.ts';
import { evaluatePoly, symbolsOf, type Polynomial } from '../algebra/polynomial.ts';

/**
 * Seeded random values for numeric checks. mulberry32: small, fast and the
 * same on every platform, so a failing seed can be replayed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gives every symbol in the polynomials a random value in [−1, 1) and evaluates them as floats. */
export function substituteRandom(groups: ReadonlyArray<readonly Polynomial[]>, seed: number): number[][] {
  const rand = seededRandom(seed);
  const values = new Map<number, number>();
  const ids = [...new Set(groups.flatMap((g) => g.flatMap((p) => [...symbolsOf(p)])))].sort((a, b) => compareNames(symbolName(a), symbolName(b)));
  for (const id of ids) values.set(id, rand() * 2 - 1);
  return groups.map((g) => g.map((p) => evaluatePoly(p, (id) => values.get(id)!)));
}
