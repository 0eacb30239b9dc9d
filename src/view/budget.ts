import { convOutputSize, fullPadding, samePadding, transposedOutputSize } from '../geometry/output-size.ts';
import { parseBoolean, parseInteger, parsePadding, parsePerAxis } from '../geometry/spec-fields.ts';
import type { SpecInput } from '../geometry/spec.ts';

/**
 * Which view a spec gets, decided BEFORE the engine does any work: the full
 * drawing, or a summary (shapes, formulas, structure) with the limit named.
 * `estimateView` is a cheap geometric estimate read from the raw spec; it is
 * the one function to point at the engine's work estimator once it exists.
 * It never throws: an unreadable spec is left to normalizeSpec to report.
 */
export interface ViewEstimate {
  /** spatial shapes as read (empty when unreadable) */
  input: number[];
  output: number[] | null;
  kernel: number[];
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

/**
 * Derivations typeset every step, so their limits depend on the topic
 * (measured: the window topic typesets one frame per output; separable
 * builds both stages as matrices). Topics that only count keep wide limits.
 */
export const DERIVATION_LIMITS: Readonly<Record<string, Partial<ViewLimits>>> = {
  window: { drawnEntries: 160, taps: 1500 },
  separable: { drawnEntries: 300, taps: 3000 },
  flatten: { drawnEntries: 2500 },
  matrix: { drawnEntries: 2000, taps: 20_000 },
  block: { drawnEntries: 2000, taps: 20_000 },
  transposed: { drawnEntries: 2000, taps: 20_000 },
  dilation: { drawnEntries: 2000, taps: 20_000 },
  depthwise: { drawnEntries: 100_000, taps: 4_000_000, terms: 4_000_000 },
  pointwise: { drawnEntries: 100_000, taps: 4_000_000, terms: 4_000_000 },
  'receptive-field': { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 },
  checkerboard: { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 },
};

export type ViewPlan = { full: true; estimate: ViewEstimate } | { full: false; estimate: ViewEstimate; reason: string };

export function estimateView(input: SpecInput): ViewEstimate {
  const read = <T>(f: () => T, fallback: T): T => { try { return f(); } catch { return fallback; } };
  const n = read(() => (input.input === undefined ? [] : parsePerAxis(input.input, 'input', 1)), []);
  const dims = n.length;
  const k = broadcastTo(read(() => (input.kernel === undefined ? [1] : parsePerAxis(input.kernel, 'kernel', 1)), [1]), dims);
  const s = broadcastTo(read(() => (input.stride === undefined ? [1] : parsePerAxis(input.stride, 'stride', 1)), [1]), dims);
  const d = broadcastTo(read(() => (input.dilation === undefined ? [1] : parsePerAxis(input.dilation, 'dilation', 1)), [1]), dims);
  const op = broadcastTo(read(() => (input.outputPadding === undefined ? [0] : parsePerAxis(input.outputPadding, 'outputPadding', 0)), [0]), dims);
  const transposed = read(() => parseBoolean(input.transposed, 'transposed'), false);
  const cin = read(() => (input.inChannels === undefined ? 1 : parseInteger(input.inChannels, 'inChannels', 1)), 1);
  const cout = read(() => (input.outChannels === undefined ? 1 : parseInteger(input.outChannels, 'outChannels', 1)), 1);
  const groups = read(() => (input.groups === undefined ? 1 : parseInteger(input.groups, 'groups', 1)), 1);
  const pads = read(() => paddingPairs(input.padding, k, d, dims), null);
  const output = pads === null || dims === 0 ? null : n.map((len, a) => {
    const p = { k: k[a]!, s: s[a]!, d: d[a]!, p0: pads[a]![0], p1: pads[a]![1] };
    return transposed ? transposedOutputSize(len, p, op[a]!) : convOutputSize(len, p);
  });
  const spatialIn = prod(n);
  const spatialOut = output ? prod(output) : spatialIn * (transposed ? prod(s) : 1);
  const regularOut = transposed ? spatialIn : spatialOut;
  const taps = Math.max(1, regularOut) * prod(k) * (transposed ? cin : cout) * Math.max(1, (transposed ? cout : cin) / Math.max(groups, 1));
  return {
    input: n, output, kernel: k, inChannels: cin, outChannels: cout,
    inputs: cin * spatialIn, outputs: cout * spatialOut, taps,
    termsPerEntry: Math.max(expressionTerms(input.weights), expressionTerms(input.inputs)),
  };
}

/** The decision: full view, or a summary naming the limit it passes. */
export function viewPlan(input: SpecInput, limits: ViewLimits = VIEW_LIMITS): ViewPlan {
  const e = estimateView(input);
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

function paddingPairs(v: SpecInput['padding'], k: number[], d: number[], dims: number): Array<[number, number]> {
  if (v === undefined) return k.map(() => [0, 0]);
  const p = parsePadding(v);
  if (p === 'valid') return k.map(() => [0, 0]);
  if (p === 'full') return k.map((kk, a) => fullPadding(kk, d[a]!));
  if (p === 'same') return k.map((kk, a) => samePadding(kk, d[a]!));
  if (p.length > 0 && Array.isArray(p[0])) return broadcastTo(p as Array<[number, number]>, dims);
  return broadcastTo(p as number[], dims).map((x) => [x, x]);
}

/**
 * Terms an entry may expand to: a power of a parenthesised sum of t terms,
 * (a + b + …)^p, has C(t+p−1, p) terms. A rough upper reading of the text.
 */
function expressionTerms(v: unknown): number {
  if (typeof v !== 'string' || !/\^/.test(v)) return 1;
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

function broadcastTo<T>(v: T[], dims: number): T[] {
  return v.length === 1 && dims > 1 ? Array.from({ length: dims }, () => v[0]!) : v;
}

function prod(xs: readonly number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}
