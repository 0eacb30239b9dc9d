import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { type CheckReport, reportFrom } from '../check/report.ts';
import { termOrder } from '../check/term-order.ts';
import { flipKernels, transposedForms } from '../evaluate/transposed.ts';
import { forEachTap } from '../geometry/index-map.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { type DrawnGrid, drawnPadding, inputGrids, outputGrids, plainGrids } from './grid.ts';
import { type MatrixEquation, inputTex, matrixEquation, outputTex, productTex } from './matrix-view.ts';

/**
 * The view of a transposed convolution's three forms (Kᵀ·x, scatter, zero
 * insertion), computed by the engine's one `transposedForms`, with the
 * spatial parts: the input grid, each input's scaled kernel copy placed in
 * the output, the zero-inserted padded input, and the results as grids.
 */
export interface ScatterCopy {
  /** flat output indices the copy lands on */
  outputs: number[];
  /** LaTeX of x·w at each (when the copies are drawn) */
  tex: string[];
}

export interface TransposedView {
  eq: MatrixEquation;
  reports: { scatter: CheckReport; zeroInsertion: CheckReport };
  input: DrawnGrid[];
  output: DrawnGrid[];
  zeroInserted: DrawnGrid[];
  padding: Array<[number, number]>;
  /** one per flat input: where its scaled kernel lands */
  copies: ScatterCopy[];
  /** how many copies overlap on each output */
  overlap: number[];
  /** true when every copy is drawn as its own small grid */
  drawCopies: boolean;
  inputs: string[];
  outputs: string[];
  scatter: string[];
  zeroResult: string[];
  weights: string[];
  /** the kernel the zero-insertion form slides, flipped in correlation mode (single channel), row-major over spec.kernel */
  flippedKernel: string[] | null;
}

/** Small multiples of the copies stay readable up to this many inputs × outputs. */
const COPY_CELLS = 600;

export function transposedView(spec: ConvSpec): TransposedView {
  const ring = polynomialRing;
  const matrix = convMatrix(spec);
  const forms = transposedForms(spec, spec.weights, spec.inputs, ring, matrix);
  const rank = termOrder(spec);
  const show = (p: Polynomial) => polynomialToText(p, { rank });
  const names = spec.outputNames;
  const compare = (other: Polynomial[], label: string) =>
    reportFrom([compareVectors(forms.viaMatrix, other, { ring, names, labels: ['Kᵀ·x', label], show })]);
  const drawCopies = spec.inputs.length * names.length <= COPY_CELLS;
  const copies: ScatterCopy[] = spec.inputs.map(() => ({ outputs: [], tex: [] }));
  const overlap = new Array<number>(names.length).fill(0);
  // the regular convolution's row is the transposed input, its column the transposed output
  forEachTap(spec, (row, col, tap) => {
    copies[row]!.outputs.push(col);
    overlap[col]!++;
    if (drawCopies) copies[row]!.tex.push(polynomialToLatex(ring.mul(spec.inputs[row]!, spec.weights[tap]!), { rank }));
  });
  return {
    eq: matrixEquation(spec, matrix, forms.viaMatrix),
    reports: { scatter: compare(forms.scatter, 'scatter'), zeroInsertion: compare(forms.zeroInsertion, 'zero insertion') },
    input: plainGrids(spec.input, spec.inChannels, 'input'),
    output: outputGrids(spec),
    zeroInserted: inputGrids(spec),
    padding: drawnPadding(spec),
    copies, overlap, drawCopies,
    inputs: inputTex(spec),
    outputs: outputTex(spec),
    scatter: productTex(spec, forms.scatter),
    zeroResult: productTex(spec, forms.zeroInsertion),
    weights: spec.weights.map((w) => polynomialToLatex(w)),
    flippedKernel: spec.singleChannel
      ? (spec.mode === 'convolution' ? spec.weights : flipKernels(spec, spec.weights)).map((p) => polynomialToLatex(p)) : null,
  };
}
