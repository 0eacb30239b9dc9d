import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../algebra/print.ts';
import { termOrder } from '../check/term-order.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { type ConvMatrix, materialize, rowColumns, rowTaps } from '../matrix/csr.ts';
import { latexSymbol } from '../algebra/latex-escape.ts';
import { inputVectorLabel, kernelLabel } from '../latex/cells.ts';
import type { Cell } from '../latex/derivation.ts';

/**
 * The matrix as the elements show it: LaTeX cells read from the engine's CSR
 * arrays (nothing here computes an index). A structural zero (no tap lands
 * there) is the empty string, so a view can draw it apart from a weight whose
 * value is 0, which is written "0".
 */
export const STRUCTURAL_ZERO = '';

/** Above this many cells (or columns) a matrix is shown as a sparsity pattern. */
export const TYPESET_CELLS = 2500;
export const TYPESET_COLUMNS = 64;

export function typesettable(m: Pick<ConvMatrix, 'rows' | 'cols'>): boolean {
  return m.rows * m.cols <= TYPESET_CELLS && m.cols <= TYPESET_COLUMNS;
}

/**
 * The columns (flat input indices) that matrix row r reads, and the weight tap
 * at each, one pair per tap: a summed entry (reflect or replicate padding)
 * repeats its column, once per tap, adjacent.
 */
export function rowEntries(m: ConvMatrix, r: number): { cols: number[]; taps: number[] } {
  return { cols: Array.from(rowColumns(m, r)), taps: Array.from(rowTaps(m, r)) };
}

export function weightTex(spec: ConvSpec): string[] {
  return spec.weights.map((w) => polynomialToLatex(w));
}

export function inputTex(spec: ConvSpec): string[] {
  return spec.inputs.map((p) => polynomialToLatex(p));
}

export function outputTex(spec: ConvSpec): string[] {
  return spec.outputNames.map(latexSymbol);
}

/** Products in the lecture's term order (w₁z₁ + w₂z₂ + w₃z₃). */
export function productTex(spec: ConvSpec, values: readonly Polynomial[]): string[] {
  const rank = termOrder(spec);
  return values.map((p) => polynomialToLatex(p, { rank }));
}

/** The LaTeX of a summed entry: its weights joined by + (w_{1} + w_{3}; a negative weight is subtracted). */
export function addTex(a: string, b: string): string {
  return b.startsWith('-') ? `${a} - ${b.slice(1)}` : `${a} + ${b}`;
}

/** Dense LaTeX cells: the weight's LaTeX at each nonzero (a sum for a summed entry), STRUCTURAL_ZERO elsewhere. */
export function denseCells(m: ConvMatrix, wTex: readonly string[]): string[][] {
  return materialize(m, wTex, { zero: STRUCTURAL_ZERO, add: addTex });
}

/** K·z = products = outputs (Kᵀ for a transposed spec), ready to typeset; cells only when small enough. */
export interface MatrixEquation {
  spec: ConvSpec;
  matrix: ConvMatrix;
  product: readonly Polynomial[];
  typeset: boolean;
  /** `K` or `K^{T}` (`X`, `X^{T}` for the lecture's weights x, y, z): the label the lecture writes under the matrix */
  label: string;
  /** the letter of the input vector: z, or a for a, b, c, d */
  vector: Cell;
  cells: string[][] | null;
  z: string[];
  products: string[] | null;
  outputs: string[];
}

export function matrixEquation(spec: ConvSpec, matrix: ConvMatrix, product: readonly Polynomial[]): MatrixEquation {
  const typeset = typesettable(matrix);
  return {
    spec, matrix, product, typeset,
    label: `${kernelLabel(spec).tex}${spec.transposed ? '^{T}' : ''}`, vector: inputVectorLabel(spec),
    cells: typeset ? denseCells(matrix, weightTex(spec)) : null,
    z: typeset ? inputTex(spec) : [],
    products: typeset && product.length ? productTex(spec, product) : null,
    outputs: typeset ? outputTex(spec) : [],
  };
}

/** LaTeX and text of one output: `z_{8} = w_{1} z_{2} + …`. */
export function outputLine(eq: MatrixEquation, r: number): { tex: string; text: string } {
  const rank = termOrder(eq.spec);
  const p = eq.product[r];
  const name = eq.spec.outputNames[r]!;
  if (!p) return { tex: latexSymbol(name), text: name };
  return { tex: `${latexSymbol(name)} = ${polynomialToLatex(p, { rank })}`, text: `${name} = ${polynomialToText(p, { rank })}` };
}

/**
 * A window of the matrix around row r for the structural view: rows r−2…r+2
 * over the columns row r reads (± 1); null marks a skipped run of columns.
 */
export interface MatrixWindow {
  rows: number[];
  cols: Array<number | null>;
  cells: string[][];
}

export function windowAround(m: ConvMatrix, wTex: readonly string[], r: number, margin = 2, maxCols = 30): MatrixWindow {
  const near = new Set<number>();
  for (const c of rowEntries(m, r).cols) for (const d of [c - 1, c, c + 1]) if (d >= 0 && d < m.cols) near.add(d);
  const sorted = [...near].sort((a, b) => a - b).slice(0, maxCols);
  const cols: Array<number | null> = [];
  sorted.forEach((c, k) => {
    if (k > 0 && c !== sorted[k - 1]! + 1) cols.push(null);
    cols.push(c);
  });
  const rows: number[] = [];
  for (let x = Math.max(0, r - margin); x <= Math.min(m.rows - 1, r + margin); x++) rows.push(x);
  const cells = rows.map((x) => {
    const { cols: cs, taps } = rowEntries(m, x);
    const at = new Map<number, string>();
    cs.forEach((c, k) => at.set(c, at.has(c) ? addTex(at.get(c)!, wTex[taps[k]!]!) : wTex[taps[k]!]!));
    return cols.map((c) => (c === null ? '\\cdots' : at.get(c) ?? STRUCTURAL_ZERO));
  });
  return { rows, cols, cells };
}
