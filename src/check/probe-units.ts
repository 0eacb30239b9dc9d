import { type Polynomial, constPoly, mulPoly, sumPolys, symbolPoly } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { displayName } from '../algebra/latex-escape.ts';
import { type Rational, rational } from '../algebra/rational.ts';
import { polynomialRing } from '../algebra/ring.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { tensorNamesFor, weightNamesFor } from '../geometry/names.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { forEachCell } from '../matrix/csr.ts';
import { compareVectors } from './equivalence.ts';
import { type Rows, likelyCause } from './probe-causes.ts';
import type { Comparison } from './report.ts';

/**
 * The matrix a bilinear fn computes, from unit probes: a unit in input c and
 * a unit in weight t give column c of its matrix in the weight t, so probing
 * every pair recovers each entry (r, c) as a combination of weights. It is
 * compared with K(spec) exactly, entry by entry, each named as the lecture
 * reads it ("row z̃9, column z4"), and the likely cause is looked for.
 * Only meaningful once fn is known to be bilinear (probe-bilinear.ts).
 */

export interface Probe { readonly x: number[]; readonly w: number[] }
export type Shapes = { input: number[]; weight: number[]; output: number[] };
type Taps = Map<number, number>; // tap → coefficient
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** A finite double as the exact rational it is (every double is m·2^e). */
function exactRational(v: number): Rational {
  if (Number.isSafeInteger(v)) return rational(v);
  if (Number.isInteger(v)) return rational(BigInt(v));
  let m = v, e = 0n;
  while (!Number.isInteger(m)) { m *= 2; e++; } // exact: doubling a double only moves its exponent
  return rational(BigInt(m), 2n ** e);
}

/** A combination of weights as a polynomial: w2 + 2·w3. */
function combination(taps: Taps | undefined, names: readonly string[]): Polynomial {
  return sumPolys([...(taps ?? [])].map(([t, c]) => mulPoly(constPoly(exactRational(c)), symbolPoly(names[t]!))));
}

/** Calls fn on every (unit input, unit weight) pair, then compares the matrix it computes with K(spec). */
export function* unitProbes(spec: ConvSpec, shapes: Shapes): Generator<Probe, { comparison: Comparison; cause: string | null }, number[]> {
  const cols = size(shapes.input), nt = size(shapes.weight), rows = size(shapes.output);
  const computed = new Map<number, Taps>(); // r * cols + c → taps
  for (let c = 0; c < cols; c++) {
    for (let t = 0; t < nt; t++) {
      const x = new Array<number>(cols).fill(0), w = new Array<number>(nt).fill(0);
      x[c] = 1; w[t] = 1;
      const out = yield { x, w };
      out.forEach((v, r) => {
        if (v === 0) return;
        const key = r * cols + c;
        let m = computed.get(key);
        if (!m) computed.set(key, (m = new Map()));
        m.set(t, v);
      });
    }
  }
  const expected = entriesOf(spec);
  const wNames = spec.weightNames ?? weightNamesFor('w', spec.weightShape, spec.singleChannel);
  const zNames = spec.inputNames ?? tensorNamesFor('z', spec.inputShape, spec.singleChannel);
  const keys = [...new Set([...computed.keys(), ...expected.keys()])].sort((a, b) => a - b);
  const name = (k: number) => `row ${displayName(spec.outputNames[Math.floor(k / cols)]!)}, column ${displayName(zNames[k % cols]!)}`;
  const got = keys.map((k) => combination(computed.get(k), wNames)), want = keys.map((k) => combination(expected.get(k), wNames));
  const cmp = compareVectors(got, want, {
    ring: polynomialRing, show: (p) => polynomialToText(p), names: keys.map(name), labels: ['the matrix fn computes (unit probes)', 'K(spec)'],
  });
  // every entry of the rows × cols matrix was compared: those outside `keys` are 0 on both sides
  const comparison = { ...cmp, compared: rows * cols };
  if (comparison.equal) return { comparison, cause: null };
  const wrongRows = [...new Set(keys.filter((_, i) => !polynomialRing.equals(got[i]!, want[i]!)).map((k) => Math.floor(k / cols)))];
  const sig = (m: Map<number, Taps>): Rows => (r) => {
    const parts: string[] = [];
    for (let c = 0; c < cols; c++) { const e = m.get(r * cols + c); if (e?.size) parts.push(`${c}:${[...e].sort((a, b) => a[0] - b[0]).join(';')}`); }
    return parts.join('|');
  };
  const cause = likelyCause(spec, shapes.output, sig(computed), wrongRows, (alt) => sig(entriesOf(alt)), channelPattern(computed, spec, cols, rows));
  return { comparison, cause };
}

/** K(spec) as (r * cols + c) → tap → how often it lands there (a summed entry holds each of its taps). */
function entriesOf(spec: ConvSpec): Map<number, Taps> {
  const k = convMatrix(spec);
  const m = new Map<number, Taps>();
  forEachCell(k, (r, c, taps) => {
    const counts: Taps = new Map();
    for (const t of taps) counts.set(t, (counts.get(t) ?? 0) + 1);
    m.set(r * k.cols + c, counts);
  });
  return m;
}

/** Which input channels each output channel reads (for the groups hypothesis). */
function channelPattern(computed: Map<number, Taps>, spec: ConvSpec, cols: number, rows: number): Set<string> {
  const perOut = rows / spec.outChannels, perIn = cols / spec.inChannels;
  const seen = new Set<string>();
  for (const [k, m] of computed) if (m.size) seen.add(`${Math.floor(Math.floor(k / cols) / perOut)},${Math.floor((k % cols) / perIn)}`);
  return seen;
}
