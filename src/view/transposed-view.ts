import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { reportFrom } from '../check/report.ts';
import { termOrder } from '../check/term-order.ts';
import { flipKernels, transposedForms } from '../evaluate/transposed.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import type { Entry } from './entry.ts';
import { type MatrixEquation, inputEntries, matrixEquation, outputEntries, polynomialEntries, productEntries, weightEntries } from './equation.ts';
import { type DrawnGrid, drawnCellCount, drawnPadding, inputGrids, outputGrids, plainGrids } from './grid.ts';
import { type SummaryView, count, summaryBecause, summaryFor } from './summary.ts';
import { type VerdictView, verdictView } from './verdict.ts';
import { type FrameTap, windowFrame } from './window-frames.ts';

/**
 * The view of a transposed convolution's three forms (Kᵀ·x, scatter, zero
 * insertion), computed by the engine's one `transposedForms`, with the
 * spatial parts: the input grid, each input's scaled kernel copy placed in
 * the output, the zero-inserted padded input, and the results as grids.
 */
export interface ScatterCopy {
  /** flat output indices the copy lands on */
  outputs: number[];
  /** x·w at each (when the copies are drawn) */
  cells: Entry[];
}

export interface TransposedView {
  eq: MatrixEquation;
  reports: { scatter: VerdictView; zeroInsertion: VerdictView };
  input: DrawnGrid[];
  output: DrawnGrid[];
  zeroInserted: DrawnGrid[];
  padding: Array<[number, number]>;
  stride: number[];
  /** true when output padding adds samples after */
  outputPadded: boolean;
  /** one per flat input: where its scaled kernel lands */
  copies: ScatterCopy[];
  /** how many copies overlap on each output */
  overlap: number[];
  /** for each output, the inputs whose copies land on it ("0 3"); null past 64 inputs */
  covering: string[] | null;
  /** true when every copy is drawn as its own small grid */
  drawCopies: boolean;
  /** per output, the cells of the zero-inserted input its window covers */
  frames: FrameTap[][];
  inputs: Entry[];
  outputs: Entry[];
  scatter: Entry[];
  zeroResult: Entry[];
  weights: Entry[];
  /** the kernel the zero-insertion form slides, flipped in correlation mode (single channel), row-major over `kernel` */
  flippedKernel: Entry[] | null;
  kernel: number[];
}

/** Small multiples of the copies stay readable up to this many inputs × outputs. */
const COPY_CELLS = 600;
/** Cells drawn over the three forms (input, copies' sum, zero-inserted input, result) before the view is a summary: more would block the page. */
export const TRANSPOSED_DRAWN_CELLS = 2400;

/** The three forms of the transposed convolution written in `input` (its `transposed` is implied), or its summary. */
export function transposedView(input: SpecInput): TransposedView | SummaryView {
  const raw = { ...input, transposed: true };
  const what = 'the three forms';
  const early = summaryFor(raw, {}, what);
  if (early) return early;
  const spec = normalizeSpec(raw);
  const drawn = drawnCellCount(spec) + spec.outChannels * spec.output.reduce((a, b) => a * b, 1) + spec.inputs.length;
  if (drawn > TRANSPOSED_DRAWN_CELLS) {
    const s = summaryBecause(raw, `its forms draw ${count(drawn)} cells, more than the ${count(TRANSPOSED_DRAWN_CELLS)} drawn on the page`, what);
    if (s) return s;
  }
  return transposedDrawing(spec);
}

/** The full view of a normalised transposed spec. */
export function transposedDrawing(spec: ConvSpec): TransposedView {
  const ring = polynomialRing;
  const matrix = convMatrix(spec);
  const forms = transposedForms(spec, spec.weights, spec.inputs, ring, matrix);
  const rank = termOrder(spec);
  const show = (p: Polynomial) => polynomialToText(p, { rank });
  const names = spec.outputNames;
  const compare = (other: Polynomial[], label: string) =>
    verdictView(reportFrom([compareVectors(forms.viaMatrix, other, { ring, names, labels: ['Kᵀ·x', label], show })]));
  const drawCopies = spec.inputs.length * names.length <= COPY_CELLS;
  const copies: ScatterCopy[] = spec.inputs.map(() => ({ outputs: [], cells: [] }));
  const products: Polynomial[][] = spec.inputs.map(() => []);
  const overlap = new Array<number>(names.length).fill(0);
  // the regular convolution's row is the transposed input, its column the transposed output
  forEachTap(spec, (row, col, tap) => {
    copies[row]!.outputs.push(col);
    overlap[col]!++;
    if (drawCopies) products[row]!.push(ring.mul(spec.inputs[row]!, spec.weights[tap]!));
  });
  if (drawCopies) copies.forEach((c, i) => { c.cells = polynomialEntries(products[i]!, { rank }); });
  const zeroInserted = inputGrids(spec);
  return {
    eq: matrixEquation(spec, matrix, forms.viaMatrix),
    reports: { scatter: compare(forms.scatter, 'scatter'), zeroInsertion: compare(forms.zeroInsertion, 'zero insertion') },
    input: plainGrids(spec.input, spec.inChannels, 'input'),
    output: outputGrids(spec),
    zeroInserted,
    padding: drawnPadding(spec),
    stride: [...spec.stride],
    outputPadded: spec.outputPadding.some((x) => x > 0),
    copies, overlap, drawCopies,
    covering: copies.length <= 64 ? covering(copies, names.length) : null,
    frames: names.map((_, o) => windowFrame(spec, zeroInserted[0]!.shape, o)),
    inputs: inputEntries(spec),
    outputs: outputEntries(spec),
    scatter: productEntries(spec, forms.scatter),
    zeroResult: productEntries(spec, forms.zeroInsertion),
    weights: weightEntries(spec),
    flippedKernel: spec.singleChannel ? polynomialEntries(spec.mode === 'convolution' ? spec.weights : flipKernels(spec, spec.weights)) : null,
    kernel: [...spec.kernel],
  };
}

/** For each output, the inputs whose copies land on it ("0 3"). */
function covering(copies: readonly ScatterCopy[], outputs: number): string[] {
  const lists: number[][] = Array.from({ length: outputs }, () => []);
  copies.forEach((c, i) => { for (const o of c.outputs) lists[o]!.push(i); });
  return lists.map((l) => l.join(' '));
}
