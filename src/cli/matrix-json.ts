import { polynomialToText } from '../algebra/print.ts';
import type { MatrixCheck, Timings } from '../check/matrix-check.ts';
import { termOrder } from '../check/term-order.ts';
import { forEachCell } from '../matrix/csr.ts';
import { sumPolys } from '../algebra/polynomial.ts';
import { torchCode } from '../geometry/torch-code.ts';

/**
 * The `convmat matrix --json` contract of DESIGN.md, built from a check.
 * Names: `inputNames` are the input symbols; when an input is a number or an
 * expression (`--inputs 3,1,2`), its printed text stands in its place.
 */
export interface MatrixJson {
  inputNames: string[];
  outputNames: string[];
  /** rows × cols strings, "0" where empty; null past MATRIX_CELL_LIMIT cells */
  matrix: string[][] | null;
  /** every nonzero entry as [row, col, expression], once per (row, col): a summed entry's expression is the sum (w1 + w3) */
  entries: Array<[number, number, string]>;
  timings: Timings;
  /** K·z, one expanded string per output */
  product: string[];
  slidingWindow: string[];
  equal: boolean;
  shape: { rows: number; cols: number };
  /** the spec as PyTorch layer code with bias=False; null when no Conv layer pads that way (torchNote says what does) */
  torch: string | null;
  /** what the code alone does not say (uneven padding, a true convolution's flipped weight), else null */
  torchNote: string | null;
}

export const MATRIX_CELL_LIMIT = 100_000;

export function matrixJson(check: MatrixCheck): MatrixJson {
  const { spec, matrix: m } = check;
  const rank = termOrder(spec);
  const weightText = spec.weights.map((w) => polynomialToText(w, { rank }));
  const entries: Array<[number, number, string]> = [];
  forEachCell(m, (r, c, taps) => {
    if (taps.length === 1) {
      if (!spec.weights[taps[0]!]!.isZero()) entries.push([r, c, weightText[taps[0]!]!]);
      return;
    }
    const sum = sumPolys(taps.map((t) => spec.weights[t]!));
    if (!sum.isZero()) entries.push([r, c, polynomialToText(sum, { rank })]);
  });
  let matrix: string[][] | null = null;
  if (m.rows * m.cols <= MATRIX_CELL_LIMIT) {
    matrix = Array.from({ length: m.rows }, () => new Array<string>(m.cols).fill('0'));
    for (const [r, c, e] of entries) matrix[r]![c] = e;
  }
  const torch = torchCode(spec);
  const text = (p: (typeof check.product)[number]) => polynomialToText(p, { rank });
  return {
    inputNames: spec.inputNames ? [...spec.inputNames] : spec.inputs.map(text),
    outputNames: [...spec.outputNames],
    matrix,
    entries,
    timings: { ...check.timings },
    product: check.product.map(text),
    slidingWindow: check.slidingWindow.map(text),
    equal: check.report.holds,
    shape: { rows: m.rows, cols: m.cols },
    torch: torch.code,
    torchNote: torch.note,
  };
}
