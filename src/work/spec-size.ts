import type { AxisGeometry, SpecGeometry } from '../geometry/spec-geometry.ts';
import { product } from '../geometry/names.ts';

/**
 * The sizes every estimate is built from, read from a spec's geometry (no
 * names are made) and its entries' terms, without building anything: rows and columns of its matrix, the exact number of
 * stored nonzeros (taps that land inside the input, counted per axis in closed
 * form; with a padding mode other than zeros every tap, as each reads an input),
 * and the largest number of terms of a weight and of an input entry.
 */
export interface SpecSize {
  /** rows × cols of the spec's matrix (K, or Kᵀ for a transposed spec) */
  rows: number;
  cols: number;
  /** stored nonzeros of K (csr.ts triples): every tap that lands inside the input, or every tap with reflect, replicate or circular padding */
  nonzeros: number;
  /** every tap, landing or not (what a sliding window visits) */
  taps: number;
  /** the most terms of one weight and of one input entry (at least 1) */
  weightTerms: number;
  inputTerms: number;
}

/** Pairs (o, j) of one axis whose input index o·s + j·d − p₀ lies in [0, n): O(k), one interval of o per tap. */
export function landingPairs(a: AxisGeometry): number {
  let count = 0;
  for (let j = 0; j < a.k; j++) {
    const shift = j * a.d - a.p0;
    const lo = Math.max(0, Math.ceil(-shift / a.s));
    const hi = Math.min(a.o - 1, Math.floor((a.n - 1 - shift) / a.s));
    if (hi >= lo) count += hi - lo + 1;
  }
  return count;
}

/** The most terms of one weight and of one input entry (see entry-terms.ts). */
export interface EntryTerms {
  readonly weights: number;
  readonly inputs: number;
}

/** The (output channel, input channel of its group) pairs: each a kernel of its own. */
export function kernelBlocks(g: SpecGeometry): number {
  return g.conv.outChannels * (g.conv.inChannels / g.groups);
}

export function specSize(g: SpecGeometry, terms: EntryTerms): SpecSize {
  const { conv } = g;
  const blocks = kernelBlocks(g);
  const regularRows = conv.outChannels * product(conv.axes.map((a) => a.o));
  const regularCols = conv.inChannels * product(conv.axes.map((a) => a.n));
  return {
    rows: g.transposed ? regularCols : regularRows,
    cols: g.transposed ? regularRows : regularCols,
    nonzeros: g.paddingMode === 'zeros' ? blocks * product(conv.axes.map(landingPairs)) : blocks * product(conv.axes.map((a) => a.o * a.k)),
    taps: blocks * product(conv.axes.map((a) => a.o * a.k)),
    weightTerms: terms.weights,
    inputTerms: terms.inputs,
  };
}

/** Terms formed by one product K·z (or one sliding window) of the spec: at most |w|·|z| per nonzero. */
export function productTerms(s: SpecSize): number {
  return s.nonzeros * s.weightTerms * s.inputTerms;
}
