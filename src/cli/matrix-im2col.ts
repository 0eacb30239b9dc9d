import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { displayName } from '../algebra/latex-escape.ts';
import { checkIm2colDuality } from '../check/identities/im2col-duality.ts';
import { describeReport } from '../check/report.ts';
import { termOrder } from '../check/term-order.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { forEachEntry, nonzeros } from '../matrix/csr.ts';
import { im2colMatrix } from '../matrix/im2col.ts';
import { matVec } from '../matrix/products.ts';
import { IM2COL_WORK } from '../latex/derive-im2col.ts';
import { assertEstimate } from '../work/guard.ts';
import { MATRIX_CELL_LIMIT } from './matrix-json.ts';
import { specSummary } from './matrix-text.ts';
import { bracketColumn, bracketMatrix, operator, shortenSum, sideBySide } from './text-layout.ts';

/**
 * `convmat matrix --form im2col`: Z, the im2col matrix, whose entries are the
 * inputs (one row per output, one column per weight), Z·w, and the check
 * K(w)·z = Z(z)·w = the sliding window (the identity im2col-duality).
 */
export interface Im2colJson {
  form: 'im2col';
  /** the columns of Z: the weights, in the order [C_out, C_in/groups, k…] */
  weightNames: string[];
  inputNames: string[];
  outputNames: string[];
  /** rows × cols strings (an input's name, "0" where empty); null past 100,000 cells */
  matrix: string[][] | null;
  /** every nonzero of Z as [row, col, input] */
  entries: Array<[number, number, string]>;
  /** Z·w, one expanded string per output */
  product: string[];
  slidingWindow: string[];
  /** K(w)·z = Z(z)·w = the sliding window, exactly */
  equal: boolean;
  shape: { rows: number; cols: number };
}

/** The JSON object, and the text drawing made only when asked for (it lays out every row of Z). */
export function im2colOutput(input: SpecInput | ConvSpec): { json: Im2colJson; text: () => string } {
  // the duality's three products, then Z·w and the window again for display: the im2col topic's estimate;
  // asked on the sizes, before any name is made
  assertEstimate(IM2COL_WORK.estimate(input), { kind: 'topic', topic: 'im2col' });
  const spec = normalizeSpec(input);
  const report = checkIm2colDuality(spec);
  const Z = im2colMatrix(spec), rank = termOrder(spec);
  const text = (p: Parameters<typeof polynomialToText>[0]) => polynomialToText(p, { rank });
  const inputText = spec.inputs.map(text);
  const entries: Array<[number, number, string]> = [];
  forEachEntry(Z, (r, c, i) => entries.push([r, c, inputText[i]!]));
  let matrix: string[][] | null = null;
  if (Z.rows * Z.cols <= MATRIX_CELL_LIMIT) {
    matrix = Array.from({ length: Z.rows }, () => new Array<string>(Z.cols).fill('0'));
    for (const [r, c, e] of entries) matrix[r]![c] = e;
  }
  const json: Im2colJson = {
    form: 'im2col',
    weightNames: spec.weights.map(text),
    inputNames: spec.inputNames ? [...spec.inputNames] : inputText,
    outputNames: [...spec.outputNames],
    matrix, entries,
    product: matVec(Z, spec.inputs, spec.weights, polynomialRing).map(text),
    slidingWindow: evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing).map(text),
    equal: report.holds,
    shape: { rows: Z.rows, cols: Z.cols },
  };
  const drawing = () => {
    const cell = new Map(entries.map(([r, c, e]) => [r * Z.cols + c, e]));
    const equation = sideBySide([
      bracketMatrix(Z.rows, Z.cols, (r, c) => cell.get(r * Z.cols + c) ?? '0'),
      operator('·'),
      bracketColumn(json.weightNames.map(displayName), Z.cols),
      operator('='),
      bracketColumn((i) => shortenSum(json.product[i]!, 64), Z.rows),
      operator('='),
      bracketColumn(json.outputNames.map(displayName), Z.rows),
    ]);
    return [
      specSummary(spec),
      `Z (im2col): ${Z.rows}×${Z.cols}, ${nonzeros(Z)} nonzeros;  w: ${Z.cols};  Z·w: ${Z.rows}`,
      '', equation, '',
      `${report.holds ? '✓' : '✗'} ${describeReport(report)}`, '',
    ].join('\n');
  };
  return { json, text: drawing };
}
