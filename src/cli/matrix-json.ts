import { polynomialToText } from '../algebra/print.ts';
import type { MatrixCheck, Timings } from '../check/matrix-check.ts';
import { termOrder } from '../check/term-order.ts';
import { forEachCell } from '../matrix/csr.ts';
import { type Polynomial, sumPolys } from '../algebra/polynomial.ts';
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
  const { matrix: m } = check;
  const text = textOf(check);
  const entries = entriesOf(check, text, 0, m.rows);
  let matrix: string[][] | null = null;
  if (m.rows * m.cols <= MATRIX_CELL_LIMIT) {
    matrix = Array.from({ length: m.rows }, () => new Array<string>(m.cols).fill('0'));
    for (const [r, c, e] of entries) matrix[r]![c] = e;
  }
  return { ...head(check, text), matrix, entries, timings: { ...check.timings }, product: check.product.map(text), slidingWindow: check.slidingWindow.map(text), ...tail(check) };
}

/**
 * The same JSON text as JSON.stringify(matrixJson(check)), written in pieces
 * of ROWS_PER_PIECE rows: a large 1D matrix (500,000 outputs) never holds its
 * whole text, nor every entry's string, at once.
 */
export function writeMatrixJson(check: MatrixCheck, write: (text: string) => void): void {
  const { matrix: m } = check;
  if (m.rows * m.cols <= MATRIX_CELL_LIMIT) { write(`${JSON.stringify(matrixJson(check))}\n`); return; }
  const text = textOf(check), entryText = weightsOnce(check, text);
  const h = head(check, text);
  write(`{"inputNames":${JSON.stringify(h.inputNames)},"outputNames":${JSON.stringify(h.outputNames)},"matrix":null,"entries":`);
  pieces(m.rows, (from, to) => entriesOf(check, entryText, from, to), write);
  write(`,"timings":${JSON.stringify(check.timings)},"product":`);
  for (const side of ['product', 'slidingWindow'] as const) {
    if (side === 'slidingWindow') write(',"slidingWindow":');
    pieces(m.rows, (from, to) => Array.from({ length: to - from }, (_, i) => text(check.polynomialAt(side, from + i))), write);
  }
  write(`,${JSON.stringify(tail(check)).slice(1)}\n`);
}

const ROWS_PER_PIECE = 1024;

/** A JSON array written piece by piece: `[`, the items of each piece, `]`. */
function pieces(n: number, items: (from: number, to: number) => unknown[], write: (text: string) => void): void {
  write('[');
  let first = true;
  for (let from = 0; from < n; from += ROWS_PER_PIECE) {
    const part = items(from, Math.min(n, from + ROWS_PER_PIECE));
    if (part.length === 0) continue;
    write(`${first ? '' : ','}${JSON.stringify(part).slice(1, -1)}`);
    first = false;
  }
  write(']');
}

function head(check: MatrixCheck, text: (p: Polynomial) => string): Pick<MatrixJson, 'inputNames' | 'outputNames'> {
  const { spec } = check;
  return { inputNames: spec.inputNames ? [...spec.inputNames] : spec.inputs.map(text), outputNames: [...spec.outputNames] };
}

function tail(check: MatrixCheck): Pick<MatrixJson, 'equal' | 'shape' | 'torch' | 'torchNote'> {
  const torch = torchCode(check.spec);
  return { equal: check.report.holds, shape: { rows: check.matrix.rows, cols: check.matrix.cols }, torch: torch.code, torchNote: torch.note };
}

function textOf(check: MatrixCheck): (p: Polynomial) => string {
  const rank = termOrder(check.spec);
  return (p) => polynomialToText(p, { rank });
}

/** The nonzero entries of rows [from, to) as [row, col, expression], a summed entry once as its sum. */
function entriesOf(check: MatrixCheck, text: (p: Polynomial) => string, from: number, to: number): Array<[number, number, string]> {
  const { spec, matrix: m } = check;
  const entries: Array<[number, number, string]> = [];
  forEachCell(m, (r, c, taps) => {
    const w = taps.length === 1 ? spec.weights[taps[0]!]! : sumPolys(taps.map((t) => spec.weights[t]!));
    if (!w.isZero()) entries.push([r, c, text(w)]);
  }, from, to);
  return entries;
}

/** A printer that prints each weight once: a matrix of a million entries holds a handful of weights, and the same strings. */
function weightsOnce(check: MatrixCheck, text: (p: Polynomial) => string): (p: Polynomial) => string {
  const printed = new Map<Polynomial, string>();
  const weights = new Set(check.spec.weights);
  return (p) => {
    if (!weights.has(p)) return text(p);
    let s = printed.get(p);
    if (s === undefined) printed.set(p, (s = text(p)));
    return s;
  };
}
