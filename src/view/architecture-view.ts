import { type Polynomial, constPoly, dotPolys, equalsPoly, mulPoly, sumPolys, symbolPoly, zeroPoly } from '../algebra/polynomial.ts';
import { rational } from '../algebra/rational.ts';
import { symbolName } from '../algebra/symbols.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { polyCell, symbolCell } from '../latex/cells.ts';
import type { Cell, EquationStep, MatrixPart } from '../latex/derivation.ts';
import { denseMatrixPart } from '../latex/derive-parts.ts';
import { EQUALS, TIMES, mathPart, vectorPart } from '../latex/matrix-part.ts';
import { equationStep } from '../latex/steps.ts';
import { outputSizeFormulas } from './output-size-formula.ts';
import type { SimpleVerdict } from './verdict.ts';

/**
 * The lecture's 1D classifier for time series (Wang, Yan and Oates, 2017):
 * convolution layers, global average pooling (GAP) over time, a fully
 * connected (dense) layer and a softmax. The view gives each layer's output
 * shape, the convolutions' sizes from the one output-size formula
 * (src/geometry/output-size.ts, through normalizeSpec), and the two linear
 * layers after them as symbolic matrices: GAP is a block of 1/L rows, the
 * dense layer is its weight matrix W, and together they are one matrix W·G.
 * Plain data; the docs build maps it to HTML.
 */
export interface ArchitectureSpec {
  /** depth (channels) and length (time steps) of the input series */
  channels: number;
  length: number;
  /** the convolution layers, in order: number of filters (output channels), kernel size, stride, padding */
  convs: ReadonlyArray<{ filters: number; kernel: number; stride?: number; padding?: SpecInput['padding'] }>;
  /** classes of the softmax */
  classes: number;
}

export interface ArchitectureLayer {
  kind: 'input' | 'conv' | 'gap' | 'dense' | 'softmax';
  name: string;
  /** [channels, length] for a series, [n] for a vector */
  shape: number[];
  /** the shape as written: "4 × 8" */
  shapeText: string;
  /** how the layer gets its size: the output-size formula with its numbers, or a sentence */
  sizeNote: string;
  /** learned weights of the layer (biases left out, as convmat's matrices leave them out) */
  weights: number;
}

export interface ArchitectureView {
  kind: 'architecture';
  layers: ArchitectureLayer[];
  /** G · vec(A) = g, W · g = s, and (W·G) · vec(A) = s: GAP, the dense layer, and both as one matrix */
  equations: EquationStep[];
  /** GAP as numbers (row-major, C × C·L, "1/4" or "0"), for renderers that draw values */
  gap: { rows: number; cols: number; values: string[] } | null;
  verdicts: SimpleVerdict[];
  /** why the matrices are not typeset (too large), or null */
  omitted: string | null;
}

/** An illustration of the lecture's classifier at a size that can be typeset: 3-axis accelerometer, 12 time steps, 3 classes. */
export const LECTURE_ARCHITECTURE: ArchitectureSpec = {
  channels: 3, length: 12, classes: 3,
  convs: [{ filters: 4, kernel: 5 }, { filters: 4, kernel: 3 }, { filters: 2, kernel: 3 }],
};

/** Past these the GAP and dense matrices are not typeset (the layer shapes are still drawn). */
export const ARCHITECTURE_LIMITS = { gapEntries: 400, classes: 16 };

export function architectureView(a: ArchitectureSpec = LECTURE_ARCHITECTURE): ArchitectureView {
  const layers: ArchitectureLayer[] = [layer('input', 'input', [a.channels, a.length], `${a.channels} channels, ${a.length} time steps`, 0)];
  let c = a.channels, n = a.length;
  a.convs.forEach((l, i) => {
    // the length of one channel: channels do not change it
    const spec: ConvSpec = normalizeSpec({ input: n, kernel: l.kernel, stride: l.stride ?? 1, padding: l.padding ?? 0 });
    const o = spec.output[0]!;
    layers.push(layer('conv', `convolution ${i + 1}`, [l.filters, o], `${l.filters} filters of ${c} × ${l.kernel}; length ${sizeLine(spec)}`, l.filters * c * l.kernel));
    c = l.filters;
    n = o;
  });
  layers.push(layer('gap', 'global average pooling', [c], `the mean over the ${n} time steps of each channel`, 0));
  layers.push(layer('dense', 'fully connected', [a.classes], `W is ${a.classes} × ${c}`, a.classes * c));
  layers.push(layer('softmax', 'softmax', [a.classes], `${a.classes} class probabilities that sum to 1`, 0));
  if (c * c * n > ARCHITECTURE_LIMITS.gapEntries || a.classes > ARCHITECTURE_LIMITS.classes) {
    const omitted = `G would be ${c} × ${c * n} and W ${a.classes} × ${c}: more than the ${ARCHITECTURE_LIMITS.gapEntries} entries of G or ${ARCHITECTURE_LIMITS.classes} classes typeset`;
    return { kind: 'architecture', layers, equations: [], gap: null, verdicts: [], omitted };
  }
  return { kind: 'architecture', layers, ...linearLayers(c, n, a.classes), omitted: null };
}

/** "⌊(12 + 0 + 0 − 4 − 1)/1⌋ + 1 = 8": the one output-size formula with this layer's numbers. */
function sizeLine(spec: ConvSpec): string {
  const f = outputSizeFormulas(spec)[0]!;
  return `${f.substitutedText} = ${f.value}`;
}

function layer(kind: ArchitectureLayer['kind'], name: string, shape: number[], sizeNote: string, weights: number): ArchitectureLayer {
  return { kind, name, shape, shapeText: shape.join(' × '), sizeNote, weights };
}

/** GAP (C × C·L) and the dense layer (K × C) as matrices, their products, and the checks. */
function linearLayers(c: number, n: number, classes: number): Pick<ArchitectureView, 'equations' | 'gap' | 'verdicts'> & { gap: NonNullable<ArchitectureView['gap']> } {
  const inv = constPoly(rational(1, n));
  const acts = Array.from({ length: c * n }, (_, q) => symbolPoly(`a_${Math.floor(q / n) + 1}_${(q % n) + 1}`));
  // G[ch, q] = 1/L when column q (channel-major vec) belongs to channel ch
  const G: Polynomial[][] = Array.from({ length: c }, (_, ch) => acts.map((_, q) => (Math.floor(q / n) === ch ? inv : zeroPoly)));
  const W: Polynomial[][] = Array.from({ length: classes }, (_, k) => Array.from({ length: c }, (_, ch) => symbolPoly(`W_${k + 1}_${ch + 1}`)));
  const g = G.map((row) => dotPolys(row, acts));
  const gNames = Array.from({ length: c }, (_, ch) => symbolPoly(`g_${ch + 1}`));
  const s = W.map((row) => dotPolys(row, gNames));
  const WG = W.map((row) => acts.map((_, q) => dotPolys(row, G.map((r) => r[q]!))));
  // the checks: GAP against the mean summed directly; W·(G·a) against (W·G)·a
  const means = Array.from({ length: c }, (_, ch) => mulPoly(inv, sumPolys(acts.slice(ch * n, (ch + 1) * n))));
  const twoSteps = W.map((row) => dotPolys(row, g));
  const oneMatrix = WG.map((row) => dotPolys(row, acts));
  const wide = { limits: { maxRows: 64, maxCols: 64 } };
  const vec = (ps: readonly Polynomial[], label?: string): MatrixPart => vectorPart(ps.length, (i) => polyCell(ps[i]!, rank), { ...wide, ...(label ? { label: symbolCell(label) } : {}) });
  // the dense weights first in every product, as the lecture writes W·g
  const rank = (id: number) => (symbolName(id).startsWith('W') ? 0 : 1);
  const mat = (m: Polynomial[][], label?: Cell): MatrixPart => ({ ...denseMatrixPart(m, { ...wide, rank }), ...(label ? { label } : {}) });
  return {
    equations: [
      equationStep(`Global average pooling is linear: G (${c} × ${c * n}) times the ${c} × ${n} activations, flattened channel by channel`, [mat(G, symbolCell('G')), TIMES, vec(acts), EQUALS, vec(g, 'g')]),
      equationStep(`The fully connected layer: W (${classes} × ${c}) times the pooled vector gives the ${classes} scores the softmax turns into probabilities`, [mat(W, symbolCell('W')), TIMES, vec(gNames), EQUALS, vec(s, 's')]),
      equationStep(`Both at once: W·G (${classes} × ${c * n}), one matrix from the last convolution's output to the scores`, [mathPart('W G =', 'W·G ='), mat(WG)]),
    ],
    gap: { rows: c, cols: c * n, values: G.flatMap((row) => row.map((p) => polyCell(p).text)) },
    verdicts: [
      verdict(g, means, `G·a = the mean of each channel's ${n} values, summed directly`),
      verdict(twoSteps, oneMatrix, 'W·(G·a) = (W·G)·a: pooling then the dense layer is one matrix'),
    ],
  };
}

function verdict(a: readonly Polynomial[], b: readonly Polynomial[], text: string): SimpleVerdict {
  const pass = a.length === b.length && a.every((p, i) => equalsPoly(p, b[i]!));
  return { pass, text: pass ? text : `${text}: does not hold` };
}
