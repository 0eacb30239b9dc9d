import { checkMatrix } from '../check/matrix-check.ts';
import { type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import type { Entry } from './entry.ts';
import { type MatrixEquation, inputEntries, matrixEquation, outputEntries, productEntries, rowEntries, weightEntries } from './equation.ts';
import { type CellKind, type DrawnGrid, drawnCellCount, drawnPadding, inputGrids, inputLabels, outputGrids } from './grid.ts';
import { type SummaryView, count, summaryBecause, summaryFor } from './summary.ts';
import { type VerdictView, verdictView } from './verdict.ts';
import { type FrameTap, windowFrame } from './window-frames.ts';

/**
 * The sliding window, frame by frame: the drawn input (padding cells, and for
 * a transposed spec the zero-inserted input with its d(k−1)−p ring), the
 * output, the matrix with one row per frame, and for each frame the cells the
 * kernel covers with the weight on each. Plain data.
 */
export interface WindowView {
  eq: MatrixEquation;
  verdict: VerdictView;
  /** the padded (transposed: zero-inserted and padded) input, one grid per channel */
  inputs: DrawnGrid[];
  outputs: DrawnGrid[];
  /** the cell kinds present in the input (for the legend) */
  kinds: CellKind[];
  padding: Array<[number, number]>;
  /** the padding mode, and the input names padding cells that copy an input are labelled with */
  paddingMode: string;
  labels: string[];
  transposed: boolean;
  /** true when weights and inputs are numbers: a frame shows its dot product and value */
  numeric: boolean;
  inputCells: Entry[];
  weightCells: Entry[];
  /** the output names, or their values when everything is numeric */
  outputCells: Entry[];
  /** per frame (output), the covered cells of the drawn input and the weight on each */
  frames: FrameTap[][];
}

/** Cells drawn (padded input and output, over all channels) before the window is a summary: more would block the page. */
export const WINDOW_DRAWN_CELLS = 2500;

export function windowView(input: SpecInput): WindowView | SummaryView {
  const early = summaryFor(input);
  if (early) return early;
  const spec = normalizeSpec(input);
  const drawn = drawnCellCount(spec);
  if (drawn > WINDOW_DRAWN_CELLS) {
    const s = summaryBecause(input, `its grids draw ${count(drawn)} cells, more than the ${count(WINDOW_DRAWN_CELLS)} drawn on the page`);
    if (s) return s;
  }
  const check = checkMatrix(spec);
  const inputs = inputGrids(spec);
  const numeric = check.product.every((p) => p.constantValue() !== undefined);
  return {
    eq: matrixEquation(spec, check.matrix, check.product), verdict: verdictView(check.report),
    inputs, outputs: outputGrids(spec), kinds: [...new Set(inputs[0]?.kinds ?? [])], padding: drawnPadding(spec),
    paddingMode: spec.paddingMode, labels: [...inputLabels(spec)], transposed: spec.transposed,
    numeric: spec.weightNames === null && spec.inputNames === null,
    inputCells: inputEntries(spec), weightCells: weightEntries(spec),
    outputCells: numeric ? productEntries(spec, check.product) : outputEntries(spec),
    frames: spec.outputNames.map((_, r) => windowFrame(spec, inputs[0]!.shape, r)),
  };
}

/** The weight and input of each term of frame r's dot product, in the matrix row's order. */
export function dotTerms(v: WindowView, r: number): Array<{ weight: Entry; input: Entry }> {
  const { cols, taps } = rowEntries(v.eq.matrix, r);
  return taps.map((t, k) => ({ weight: v.weightCells[t]!, input: v.inputCells[cols[k]!]! }));
}
