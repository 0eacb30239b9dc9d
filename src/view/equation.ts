import type { Polynomial } from '../algebra/polynomial.ts';
import { type Entry, polynomialEntry, symbolEntry } from '../algebra/print.ts';
import { termOrder } from '../check/term-order.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { type ConvMatrix, materialize, nonzeros, rowColumns, rowTaps, storedTaps } from '../matrix/csr.ts';

export type { ConvMatrix } from '../matrix/csr.ts';
/** Visits a matrix's entries row by row (the structural view paints them); the CSR layout stays src/matrix's. */
export { forEachCell } from '../matrix/csr.ts';
import { ParseError } from '../errors.ts';
import { inputVectorLabel, kernelLabel } from '../latex/cells.ts';
import { headTail } from '../latex/elide.ts';
import type { Cell } from '../latex/derivation.ts';
import { type ViewCell, addEntries, entryToLatex, entryToText } from './entry.ts';

/**
 * The matrix as the elements show it: cells are entries (symbols as
 * structure, entry.ts) read from the engine's CSR arrays (nothing here
 * computes an index). A structural zero (no tap lands there) is null, so a
 * renderer can draw it apart from a weight whose value is 0.
 */
export const STRUCTURAL_ZERO = null;

/** The forms of a matrix view: K (the convolution matrix) or Z (the im2col matrix). */
export const MATRIX_FORMS = ['conv', 'im2col'] as const;
export type MatrixForm = (typeof MATRIX_FORMS)[number];

/** An element's `form` attribute (the CLI's `--form`); anything else is a ParseError naming the allowed values. */
export function matrixForm(value: string | undefined | null, field = 'form'): MatrixForm {
  if (value === undefined || value === null) return 'conv';
  if ((MATRIX_FORMS as readonly string[]).includes(value)) return value as MatrixForm;
  throw new ParseError({ field, value, rule: `must be one of ${MATRIX_FORMS.join(', ')}`, fix: 'im2col shows Z(z)·w; conv, the default, shows K·z' });
}

/** Above this many cells (or columns) a matrix is shown as a sparsity pattern. */
export const TYPESET_CELLS = 2500;
export const TYPESET_COLUMNS = 64;

/**
 * The typesetting budget of one drawing, in printed terms (KaTeX's cost, not
 * the engine's): past it, each long entry is elided to its first terms and
 * `+ ⋯ (N terms)`, so no view hands KaTeX more than about this many terms.
 */
export const TYPESET_TERMS = 3000;

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

/** Entries (nonzeros) and stored taps of a matrix, for captions. */
export function matrixCounts(m: ConvMatrix): { nonzeros: number; storedTaps: number } {
  return { nonzeros: nonzeros(m), storedTaps: storedTaps(m) };
}

/** Entries of polynomials, each elided to `maxTerms` (the typesetting budget, see elision). */
export function polynomialEntries(values: readonly Polynomial[], opts: { rank?: (id: number) => number; maxTerms?: number } = {}): Entry[] {
  return values.map((p) => polynomialEntry(p, opts));
}

/** The most terms an entry may print so that `count` entries of up to `most` terms stay within TYPESET_TERMS. */
export function elision(count: number, most: number): number | undefined {
  if (count * most <= TYPESET_TERMS) return undefined;
  return Math.max(3, Math.floor(TYPESET_TERMS / Math.max(1, count)));
}

function mostTerms(values: readonly Polynomial[]): number {
  let m = 1;
  for (const p of values) if (p.size > m) m = p.size;
  return m;
}

export function weightEntries(spec: ConvSpec, maxTerms?: number): Entry[] {
  return polynomialEntries(spec.weights, maxTerms === undefined ? {} : { maxTerms });
}

export function inputEntries(spec: ConvSpec, maxTerms?: number): Entry[] {
  return polynomialEntries(spec.inputs, maxTerms === undefined ? {} : { maxTerms });
}

export function outputEntries(spec: ConvSpec): Entry[] {
  return spec.outputNames.map(symbolEntry);
}

/** Products in the lecture's term order (w₁z₁ + w₂z₂ + w₃z₃), elided past the typesetting budget. */
export function productEntries(spec: ConvSpec, values: readonly Polynomial[]): Entry[] {
  const maxTerms = elision(values.length, mostTerms(values));
  return polynomialEntries(values, { rank: termOrder(spec), ...(maxTerms === undefined ? {} : { maxTerms }) });
}

/** Dense cells: the weight's entry at each nonzero (a sum for a summed entry), null elsewhere. */
export function denseCells(m: ConvMatrix, entries: readonly Entry[]): ViewCell[][] {
  return materialize<ViewCell>(m, entries, { zero: STRUCTURAL_ZERO, add: (a, b) => addEntries(a!, b!) });
}

/**
 * K·z = products = outputs (Kᵀ for a transposed spec), or Z(z)·w for the
 * im2col form (im2col-view.ts): plain data (the CSR matrix is typed arrays,
 * structured-cloneable); cells only when small enough to typeset.
 */
export interface MatrixEquation {
  /** `conv`: K holds weights and multiplies the inputs; `im2col`: Z holds inputs and multiplies the weights */
  form: MatrixForm;
  matrix: ConvMatrix;
  transposed: boolean;
  /** the matrix in words, for captions and screen readers: `K`, `K transposed`, `Z (im2col)` */
  name: string;
  /** what the nonzeros hold: the weights of K, the inputs of Z */
  entries: Entry[];
  typeset: boolean;
  /** `K` or `K^{T}` (`X`, `X^{T}` for the lecture's weights x, y, z): the label the lecture writes under the matrix */
  label: string;
  /** the letter of the input vector: z, or a for a, b, c, d */
  vector: Cell;
  cells: ViewCell[][] | null;
  /** the vector the matrix multiplies (typeset only): its shown rows, ELIDED_ROW (⋮) where a long vector is cut (see vectorRows) */
  z: Array<Entry | typeof ELIDED_ROW>;
  /** the source index of each shown row of z (null at the ⋮), for the renderers' data-row */
  zRows: Array<number | null>;
  /** one product per output (typeset only, and empty until computed: printing every product of a large matrix would block the page) */
  products: Entry[];
  /** the output symbols (typeset only) */
  outputs: Entry[];
  outputNames: string[];
}

/** The ⋮ row of an elided vector, as a renderer's LaTeX cell. */
export const ELIDED_ROW = '\\vdots';
/** A vector up to this many rows is never elided. */
export const VECTOR_ROWS = 9;

/**
 * The rows of a column vector of n entries printed beside a matrix of
 * `beside` rows: all of them, or, when it would stand far taller than the
 * matrix (the 25 inputs beside a 9 × 25 K), its head and tail with ⋮
 * between, the rule matrices are elided by (latex/elide.ts).
 */
export function vectorRows(n: number, beside: number): Array<number | null> {
  return headTail(n, Math.max(VECTOR_ROWS, beside + 2));
}

/** The shown rows of a vector (vectorRows) and their entries, ELIDED_ROW at the cut. */
export function elidedVector(entries: readonly Entry[], beside: number): Pick<MatrixEquation, 'z' | 'zRows'> {
  const zRows = vectorRows(entries.length, beside);
  return { zRows, z: zRows.map((i) => (i === null ? ELIDED_ROW : entries[i]!)) };
}

export function matrixEquation(spec: ConvSpec, matrix: ConvMatrix, product: readonly Polynomial[]): MatrixEquation {
  const typeset = typesettable(matrix);
  const cut = typeset ? elision(Math.min(matrix.rows * matrix.cols, spec.weights.length), mostTerms(spec.weights)) : undefined;
  const entries = weightEntries(spec, cut);
  return {
    form: 'conv', matrix, transposed: spec.transposed, typeset, name: spec.transposed ? 'K transposed' : 'K', entries,
    label: `${kernelLabel(spec).tex}${spec.transposed ? '^{T}' : ''}`, vector: inputVectorLabel(spec),
    cells: typeset ? denseCells(matrix, entries) : null,
    ...(typeset ? elidedVector(inputEntries(spec, elision(spec.inputs.length, mostTerms(spec.inputs))), matrix.rows) : { z: [], zRows: [] }),
    products: typeset && product.length ? productEntries(spec, product) : [],
    outputs: typeset ? outputEntries(spec) : [], outputNames: [...spec.outputNames],
  };
}

/** The flat input indices output row r reads: K's columns, or the inputs Z's row holds. */
export function rowInputs(eq: Pick<MatrixEquation, 'form' | 'matrix'>, r: number): number[] {
  const e = rowEntries(eq.matrix, r);
  return eq.form === 'im2col' ? e.taps : e.cols;
}

/** LaTeX and text of one output: `z_{8} = w_{1} z_{2} + …`. */
export function outputLine(eq: Pick<MatrixEquation, 'products' | 'outputs' | 'outputNames'>, r: number): { tex: string; text: string } {
  const p = eq.products[r];
  const out = eq.outputs[r];
  const name = eq.outputNames[r] ?? '';
  if (!out) return { tex: '', text: name };
  if (!p) return { tex: entryToLatex(out), text: name };
  return { tex: `${entryToLatex(out)} = ${entryToLatex(p)}`, text: `${name} = ${entryToText(p)}` };
}

/**
 * A window of the matrix around row r for the structural view: rows r−2…r+2
 * over the columns row r reads (± 1); null marks a skipped run of columns,
 * 'skip' the cells under it.
 */
export interface MatrixWindow {
  rows: number[];
  cols: Array<number | null>;
  cells: Array<Array<ViewCell | 'skip'>>;
}

export function windowAround(m: ConvMatrix, entries: readonly Entry[], r: number, margin = 2, maxCols = 30): MatrixWindow {
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
    const at = new Map<number, Entry>();
    cs.forEach((c, k) => { const e = entries[taps[k]!]!; const prev = at.get(c); at.set(c, prev ? addEntries(prev, e) : e); });
    return cols.map((c) => (c === null ? 'skip' as const : at.get(c) ?? STRUCTURAL_ZERO));
  });
  return { rows, cols, cells };
}
