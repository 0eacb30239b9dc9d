import type { ConvMatrix } from '../../src/matrix/conv-matrix.ts';
import type { ConvSpec } from '../../src/geometry/spec.ts';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { polynomialToLatex } from '../../src/algebra/print.ts';
import { latexSymbol } from '../../src/latex/escape.ts';
import { termOrder } from '../../src/check/term-order.ts';

/**
 * Reading the engine's matrix for display. Nothing here computes an index:
 * a row's nonzeros are read from the CSR arrays the engine built.
 */

/** Above this many cells (or columns) a matrix is shown as a sparsity pattern. */
export const TYPESET_CELLS = 2500;
export const TYPESET_COLUMNS = 64;

export function typesettable(m: ConvMatrix): boolean {
  return m.rows * m.cols <= TYPESET_CELLS && m.cols <= TYPESET_COLUMNS;
}

/** The columns (flat input indices) that matrix row r reads, and the weight tap at each. */
export function rowEntries(m: ConvMatrix, r: number): { cols: number[]; taps: number[] } {
  const cols: number[] = [], taps: number[] = [];
  if (r < 0 || r >= m.rows) return { cols, taps };
  for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
    cols.push(m.colIndex[k]!);
    taps.push(m.tap[k]!);
  }
  return { cols, taps };
}

/** LaTeX of each weight (by tap index). */
export function weightTex(spec: ConvSpec): string[] {
  return spec.weights.map((w) => polynomialToLatex(w));
}

/** Dense LaTeX cells of the matrix: the weight's LaTeX at each nonzero, "0" elsewhere. */
export function denseCells(m: ConvMatrix, wTex: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < m.rows; r++) {
    const row: string[] = new Array(m.cols).fill('0');
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) row[m.colIndex[k]!] = wTex[m.tap[k]!]!;
    out.push(row);
  }
  return out;
}

/** A column vector of LaTeX cells. */
export function column(texs: readonly string[]): string[][] {
  return texs.map((t) => [t]);
}

/** LaTeX of the inputs (names where they are names, values otherwise). */
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

/**
 * A window of the matrix around row r for the structural view: rows r−2…r+2
 * over the columns row r reads (± 1), with `\cdots` where columns are skipped.
 */
export interface MatrixWindow {
  rows: number[];
  /** shown columns; null marks a skipped run */
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
    const at = new Map(cs.map((c, k) => [c, taps[k]!]));
    return cols.map((c) => (c === null ? '\\cdots' : at.has(c) ? wTex[at.get(c)!]! : '0'));
  });
  return { rows, cols, cells };
}
