import { product } from '../geometry/names.ts';
import { readSpec } from './entry-terms.ts';
import { specSize } from './spec-size.ts';

/**
 * The elements' request: which view a spec gets, decided BEFORE the engine
 * does any work: the full drawing, or a summary (shapes, formulas, structure)
 * with the limit named. Read from the one estimator's sizes (the spec's
 * geometry, no names made; entry terms read from their text, nothing
 * expanded). It never throws: an unreadable spec is left to normalizeSpec to report.
 */
export interface ViewEstimate {
  /** spatial shapes */
  input: readonly number[];
  output: readonly number[];
  kernel: readonly number[];
  inChannels: number;
  outChannels: number;
  /** input and output entries over all channels */
  inputs: number;
  outputs: number;
  /** multiply-adds of the convolution (taps landing anywhere, padding included) */
  taps: number;
  /** terms in the largest weight or input expression (a power of a long sum expands) */
  termsPerEntry: number;
}

export interface ViewLimits {
  /** entries (inputs + outputs) drawn one cell each */
  drawnEntries: number;
  /** multiply-adds the element computes symbolically before its first paint */
  taps: number;
  /** expanded terms over the whole product (taps × terms per entry) */
  terms: number;
  /** terms one weight or input may expand to (mathjs expands it before anything is drawn) */
  termsPerEntry: number;
}

export const VIEW_LIMITS: ViewLimits = { drawnEntries: 4096, taps: 60_000, terms: 400_000, termsPerEntry: 2000 };

export type ViewPlan = { full: true; estimate: ViewEstimate | null } | { full: false; estimate: ViewEstimate; reason: string };

/** What an element would draw and compute for a spec, or null when the spec cannot be read (normalizeSpec reports it). */
export function estimateView(raw: unknown): ViewEstimate | null {
  let read;
  try { read = readSpec(withKernel(raw), 'text'); } catch { return null; }
  const { geometry: g, terms } = read;
  const size = specSize(g, terms);
  return {
    input: g.input, output: g.output, kernel: g.kernel, inChannels: g.inChannels, outChannels: g.outChannels,
    inputs: product(g.inputShape), outputs: product(g.outputShape), taps: size.taps,
    termsPerEntry: Math.max(terms.weights, terms.inputs),
  };
}

/** The decision: full view, or a summary naming the limit it passes. */
export function viewPlan(raw: unknown, limits: ViewLimits = VIEW_LIMITS): ViewPlan {
  const e = estimateView(raw);
  if (!e) return { full: true, estimate: null };
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  if (e.inputs + e.outputs > limits.drawnEntries) {
    return { full: false, estimate: e, reason: `${fmt(e.inputs)} inputs and ${fmt(e.outputs)} outputs are more than the ${fmt(limits.drawnEntries)} entries drawn one cell each` };
  }
  if (e.taps > limits.taps) {
    return { full: false, estimate: e, reason: `${fmt(e.taps)} multiply-adds are more than the ${fmt(limits.taps)} computed symbolically on the page` };
  }
  if (e.termsPerEntry > limits.termsPerEntry) {
    return { full: false, estimate: e, reason: `a weight or input expands to about ${fmt(e.termsPerEntry)} terms, more than the ${fmt(limits.termsPerEntry)} expanded on the page` };
  }
  if (e.taps * e.termsPerEntry > limits.terms) {
    return { full: false, estimate: e, reason: `the weights expand to about ${fmt(e.termsPerEntry)} terms each: about ${fmt(e.taps * e.termsPerEntry)} terms in the products, more than the ${fmt(limits.terms)} expanded on the page` };
  }
  return { full: true, estimate: e };
}

/** An element given only an input (a derivation's default kernel, a grid of the input) still draws at least its input: kernel 1. */
function withKernel(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const r = raw as { kernel?: unknown; weights?: unknown };
  return r.kernel === undefined && r.weights === undefined ? { ...r, kernel: 1 } : raw;
}
