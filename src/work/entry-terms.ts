import type { Polynomial } from '../algebra/polynomial.ts';
import { type EntrySource, entryToPolynomial } from '../algebra/entries.ts';
import { type SpecGeometry, readGeometry } from '../geometry/spec-geometry.ts';
import { type ConvSpec, type SpecInput, isConvSpec } from '../geometry/spec.ts';
import type { EntryTerms } from './spec-size.ts';

/**
 * How the estimator reads a spec: its geometry (spec-geometry.ts, no names
 * made) and the most terms of one weight and one input entry.
 * - `exact`: entries are expanded (the expression readers meter their terms), as the engine would next.
 * - `text`: an upper reading of the entries' text, nothing expanded (elements decide their
 *   view before the expression parser is loaded and before any expansion).
 */
export type TermReading = 'exact' | 'text';

export interface SpecReading {
  readonly geometry: SpecGeometry;
  readonly terms: EntryTerms;
}

export function readSpec(raw: unknown, reading: TermReading = 'exact'): SpecReading {
  if (isConvSpec(raw)) return { geometry: raw, terms: { weights: mostTerms(raw.weights), inputs: mostTerms(raw.inputs) } };
  const { geometry, weights, inputs } = readGeometry(raw as SpecInput);
  const terms = reading === 'exact'
    ? { weights: exactTerms(weights, 'weights'), inputs: exactTerms(inputs, 'inputs') }
    : { weights: textTerms(weights), inputs: textTerms(inputs) };
  return { geometry, terms };
}

function mostTerms(ps: ConvSpec['weights']): number {
  let m = 1;
  for (const p of ps) if (p.size > m) m = p.size;
  return m;
}

function exactTerms(src: EntrySource | undefined, field: string): number {
  if (src?.kind !== 'list') return 1;
  return mostTerms(src.items.map((v, i): Polynomial => entryToPolynomial(v, `${field}[${i}]`)));
}

function textTerms(src: EntrySource | undefined): number {
  if (src?.kind !== 'list') return 1;
  let most = 1;
  for (const v of src.items) if (typeof v === 'string') most = Math.max(most, powerTerms(v));
  return most;
}

/**
 * Terms an entry's text may expand to: a power of a parenthesised sum of t
 * terms, (a + b + …)^p, has C(t+p−1, p) terms. A rough upper reading.
 */
function powerTerms(v: string): number {
  if (!v.includes('^')) return 1;
  let most = 1;
  for (const m of v.matchAll(/\(([^()]*)\)\s*\^\s*(\d+)/g)) {
    const t = m[1]!.split(/[+-]/).filter((x) => x.trim() !== '').length;
    const p = Math.min(Number(m[2]), 64);
    let c = 1;
    for (let i = 1; i <= p; i++) c = (c * (t + i - 1)) / i;
    most = Math.max(most, c);
  }
  return most;
}
