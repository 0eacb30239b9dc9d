import { parseEntrySource } from '../algebra/entries.ts';
import { type Polynomial, constPoly, mulPoly, sumPolys, symbolPoly } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { displayName } from '../algebra/latex-escape.ts';
import { parseRational } from '../algebra/rational.ts';
import { float64Ring } from '../algebra/ring.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { tensorNamesFor, weightNamesFor } from '../geometry/names.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { forEachCell } from '../matrix/csr.ts';
import { type Nested, nest, position } from '../evaluate/nested.ts';
import { type Rows, likelyCause } from './probe-causes.ts';
import { assertWork } from '../work/guard.ts';

/**
 * What a user's convolution really computes. `fn(input, weight)` takes and
 * returns nested arrays in the `convmat eval` layouts. It is bilinear, so a
 * unit in input c and a unit in weight t give column c of its matrix in the
 * weight t: probing every pair recovers the matrix exactly, entry (r, c) as a
 * combination of weights, compared with K(spec). That takes inputs × weights
 * calls; past PROBE_LIMITS it compares outputs on random small-integer probes
 * instead (exact in float64), against the sliding window.
 */
/** A method's type, so its parameters are bivariant: a user's fn may type them as its layout is (number[][] for 1D input). */
export type ConvolutionFn = { fn(input: Nested, weight: Nested): unknown }['fn'];

/**
 * Unit probing while inputs × weights ≤ `calls` and those calls together make at
 * most `work` multiplications (one call: the evaluation the work estimator
 * counts, estimateWork(spec, {kind: 'eval'}).terms); random probes past that.
 */
export const PROBE_LIMITS = Object.freeze({ calls: 4096, work: 20_000_000, randomProbes: 6 });

export interface ProbeMismatch {
  row: number;
  /** the input column (unit probes), or null (random probes: the output position) */
  col: number | null;
  /** "row z̃9, column z4: expected w2, computed w3" */
  text: string;
}

export interface ProbeResult {
  holds: boolean;
  method: 'unit' | 'random';
  /** calls made to fn */
  calls: number;
  /** the first few wrong entries, and how many there are */
  mismatches: ProbeMismatch[];
  mismatchCount: number;
  /** the likely cause, e.g. "a flipped kernel (it computes convolution, the spec says correlation)", or null */
  cause: string | null;
  /** fn threw, returned the wrong shape or a non-finite number */
  error: string | null;
  /** all of it in words: the method, the wrong entries (a few, with a count), the likely cause or the error */
  summary: string;
}

const SHOWN = 5;

/** The eval layouts of a spec: input [C_in, ...n], weight [C_out, C_in/g, ...k] (conv_transpose: [C_in, C_out/g, ...k]), output [C_out, ...o]. */
export function evalShapes(s: ConvSpec): { input: number[]; weight: number[]; output: number[] } {
  const weight = s.transposed ? [s.inChannels, s.outChannels / s.groups, ...s.kernel] : [s.outChannels, s.inChannels / s.groups, ...s.kernel];
  return { input: [s.inChannels, ...s.input], weight, output: [s.outChannels, ...s.output] };
}

class ProbeFailure extends Error {}

function call(fn: ConvolutionFn, x: number[], w: number[], shapes: ReturnType<typeof evalShapes>): number[] {
  let out: unknown;
  try {
    out = fn(nest(x, shapes.input), nest(w, shapes.weight));
  } catch (e) {
    throw new ProbeFailure(`the function threw: ${e instanceof Error ? e.message : String(e)}`);
  }
  const want = `[${shapes.output.join(', ')}]`;
  let src;
  try { src = Array.isArray(out) ? parseEntrySource(out, 'output') : null; } catch { src = null; }
  if (!src || src.kind !== 'list' || !src.shape) throw new ProbeFailure(`the function returned ${describe(out)}, not a nested array of shape ${want}`);
  if (src.shape.length !== shapes.output.length || src.shape.some((v, i) => v !== shapes.output[i])) {
    throw new ProbeFailure(`the function returned shape [${src.shape.join(', ')}], expected ${want} ([C_out, ...output])`);
  }
  const bad = src.items.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new ProbeFailure(`the function returned ${String(src.items[bad])} at output${position(bad, shapes.output)}: every entry must be a finite number`);
  return src.items as number[];
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'a ragged or non-numeric array' : `a ${typeof v}`;
}

/** A combination of weights as text (polynomialToText): "w2", "w2 + 2*w3", "0". */
function combination(taps: ReadonlyMap<number, number> | undefined, names: readonly string[]): string {
  if (!taps || taps.size === 0) return '0';
  const parts: Polynomial[] = [];
  for (const [t, c] of [...taps].sort((a, b) => a[0] - b[0])) {
    try { parts.push(mulPoly(constPoly(parseRational(c)), symbolPoly(names[t]!))); } catch { return [...taps].map(([u, k]) => `${k}*${names[u]}`).join(' + '); }
  }
  return polynomialToText(sumPolys(parts));
}

/** A name as the lecture reads it in text: ztilde9 → z̃9. */
const display = displayName;

function sameTaps(a: ReadonlyMap<number, number> | undefined, b: ReadonlyMap<number, number> | undefined): boolean {
  const na = a?.size ?? 0, nb = b?.size ?? 0;
  if (na !== nb) return false;
  for (const [t, c] of a ?? []) if (b!.get(t) !== c) return false;
  return true;
}

/**
 * Does `fn(input, weight)` compute the convolution of `spec`? Probes it (unit
 * inputs and weights, or random integers past PROBE_LIMITS) and compares the
 * matrix it computes with K(spec) exactly; the result names the wrong entries
 * ("row z7, column z1: expected w1, computed w3") and the likely cause. An
 * invalid spec throws its typed error; a function that throws, returns the
 * wrong shape or a non-finite number gives `holds: false` with `error` set.
 */
export function probeMatrix(fn: ConvolutionFn, specInput: SpecInput | ConvSpec): ProbeResult {
  // one evaluation must fit the work limits in force (a LimitError otherwise, as for convmat eval)
  const perCall = assertWork(specInput, { kind: 'eval' }).terms;
  const spec = normalizeSpec(specInput);
  const shapes = evalShapes(spec);
  const cols = shapes.input.reduce((a, b) => a * b, 1);
  const taps = shapes.weight.reduce((a, b) => a * b, 1);
  const unit = cols * taps <= PROBE_LIMITS.calls && cols * taps * perCall <= PROBE_LIMITS.work;
  const state = { calls: 0 };
  const base = { method: unit ? 'unit' as const : 'random' as const, mismatches: [], mismatchCount: 0, cause: null };
  let result: Omit<ProbeResult, 'summary'>;
  try {
    result = unit ? byUnits(fn, spec, shapes, state) : byRandom(fn, spec, shapes, state);
  } catch (e) {
    if (!(e instanceof ProbeFailure)) throw e;
    result = { ...base, holds: false, calls: state.calls, error: e.message };
  }
  return { ...result, summary: describeProbe(result) };
}

type Shapes = ReturnType<typeof evalShapes>;

function byUnits(fn: ConvolutionFn, spec: ConvSpec, shapes: Shapes, state: { calls: number }): Omit<ProbeResult, 'summary'> {
  const cols = shapes.input.reduce((a, b) => a * b, 1), nt = shapes.weight.reduce((a, b) => a * b, 1);
  const rows = shapes.output.reduce((a, b) => a * b, 1);
  const computed = new Map<number, Map<number, number>>(); // r * cols + c → tap → coefficient
  const x = new Array<number>(cols).fill(0), w = new Array<number>(nt).fill(0);
  for (let c = 0; c < cols; c++) {
    x[c] = 1;
    for (let t = 0; t < nt; t++) {
      w[t] = 1;
      const out = call(fn, x, w, shapes);
      state.calls++;
      out.forEach((v, r) => {
        if (v === 0) return;
        const key = r * cols + c;
        let m = computed.get(key);
        if (!m) computed.set(key, (m = new Map()));
        m.set(t, v);
      });
      w[t] = 0;
    }
    x[c] = 0;
  }
  const expected = entriesOf(spec);
  const wNames = spec.weightNames ?? weightNamesFor('w', spec.weightShape, spec.singleChannel);
  const zNames = spec.inputNames ?? tensorNamesFor('z', spec.inputShape, spec.singleChannel);
  const wrong = [...new Set([...computed.keys(), ...expected.keys()])]
    .filter((k) => !sameTaps(computed.get(k), expected.get(k))).sort((a, b) => a - b);
  const mismatches = wrong.slice(0, SHOWN).map((k) => {
    const r = Math.floor(k / cols), c = k % cols;
    return { row: r, col: c, text: `row ${display(spec.outputNames[r]!)}, column ${display(zNames[c]!)}: expected ${combination(expected.get(k), wNames)}, computed ${combination(computed.get(k), wNames)}` };
  });
  const sig = (m: Map<number, Map<number, number>>): Rows => (r) => {
    const parts: string[] = [];
    for (let c = 0; c < cols; c++) { const e = m.get(r * cols + c); if (e?.size) parts.push(`${c}:${[...e].sort((a, b) => a[0] - b[0]).join(';')}`); }
    return parts.join('|');
  };
  const wrongRows = [...new Set(wrong.map((k) => Math.floor(k / cols)))];
  const cause = wrong.length ? likelyCause(spec, shapes.output, sig(computed), wrongRows, (alt) => sig(entriesOf(alt)), channelPattern(computed, spec, cols, rows)) : null;
  return { holds: wrong.length === 0, method: 'unit', calls: state.calls, mismatches, mismatchCount: wrong.length, cause, error: null };
}

/** K(spec) as (r * cols + c) → tap → 1 (a summed entry holds each of its taps). */
function entriesOf(spec: ConvSpec): Map<number, Map<number, number>> {
  const k = convMatrix(spec);
  const m = new Map<number, Map<number, number>>();
  forEachCell(k, (r, c, taps) => { m.set(r * k.cols + c, new Map(taps.map((t) => [t, 1]))); });
  return m;
}

/** Which input channels each output channel reads (for the groups hypothesis). */
function channelPattern(computed: Map<number, Map<number, number>>, spec: ConvSpec, cols: number, rows: number): Set<string> {
  const perOut = rows / spec.outChannels, perIn = cols / spec.inChannels;
  const seen = new Set<string>();
  for (const [k, m] of computed) if (m.size) seen.add(`${Math.floor(Math.floor(k / cols) / perOut)},${Math.floor((k % cols) / perIn)}`);
  return seen;
}

/** A small deterministic generator of integers in [−4, 4] (probes are reproducible). */
function integers(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s >>> 16) % 9 - 4; };
}

function byRandom(fn: ConvolutionFn, spec: ConvSpec, shapes: Shapes, state: { calls: number }): Omit<ProbeResult, 'summary'> {
  const next = integers(0x5eed);
  const cols = shapes.input.reduce((a, b) => a * b, 1), nt = shapes.weight.reduce((a, b) => a * b, 1);
  const probes = Array.from({ length: PROBE_LIMITS.randomProbes }, () => ({
    x: Array.from({ length: cols }, next), w: Array.from({ length: nt }, next),
  }));
  const got = probes.map((p) => { const o = call(fn, p.x, p.w, shapes); state.calls++; return o; });
  const want = (s: ConvSpec) => probes.map((p) => evaluateByWindow(s, p.w, p.x, float64Ring));
  const expected = want(spec);
  const wrong: number[] = [];
  for (let r = 0; r < got[0]!.length; r++) if (got.some((o, i) => o[r] !== expected[i]![r])) wrong.push(r);
  const mismatches = wrong.slice(0, SHOWN).map((r) => {
    const i = got.findIndex((o, j) => o[r] !== expected[j]![r]);
    return { row: r, col: null, text: `row ${display(spec.outputNames[r]!)} on random probe ${i + 1}: expected ${expected[i]![r]}, computed ${got[i]![r]}` };
  });
  const sig = (outs: number[][]): Rows => (r) => (outs.every((o) => o[r] === 0) ? '' : outs.map((o) => o[r]).join(','));
  const cause = wrong.length ? likelyCause(spec, shapes.output, sig(got), wrong, (alt) => sig(want(alt)), null) : null;
  return { holds: wrong.length === 0, method: 'random', calls: state.calls, mismatches, mismatchCount: wrong.length, cause, error: null };
}

/** The probe result as a message: the method, the wrong entries (a few, with a count) and the likely cause. */
function describeProbe(p: Omit<ProbeResult, 'summary'>): string {
  const how = p.method === 'unit' ? `unit probes (${p.calls} calls)` : `${p.calls} random exact-integer probes (past the unit-probe limit)`;
  if (p.error) return `${p.error} (while probing with ${how})`;
  if (p.holds) return `it computes K(spec) exactly (${how})`;
  const more = p.mismatchCount > p.mismatches.length ? `\n  … and ${p.mismatchCount - p.mismatches.length} more` : '';
  const cause = p.cause ? `\nlikely cause: ${p.cause}` : '';
  return `${p.mismatchCount} wrong ${p.method === 'unit' ? 'entr' + (p.mismatchCount === 1 ? 'y' : 'ies') : 'output' + (p.mismatchCount === 1 ? '' : 's')} (${how}):\n${p.mismatches.map((m) => `  ${m.text}`).join('\n')}${more}${cause}`;
}
