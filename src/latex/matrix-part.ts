import type { Cell, MatrixPart, MathPart } from './derivation.ts';
import { DEFAULT_LIMITS, type ElisionLimits, elisionPlan, headTail } from './elide.ts';

/**
 * Building matrix parts (with elision) and writing them as LaTeX. Cells are
 * asked for only where shown, so a big matrix costs what is displayed.
 */
export const ZERO_CELL: Cell = Object.freeze({ tex: '0', text: '0' });
const ELIDED = { row: { tex: '\\vdots', text: '⋮' }, col: { tex: '\\cdots', text: '⋯' }, both: { tex: '\\ddots', text: '⋱' } };

export interface MatrixOptions {
  label?: Cell;
  limits?: ElisionLimits;
  /** the columns row r uses (its band), to keep the band visible when eliding */
  used?: (r: number) => readonly number[];
  blocks?: { rows: number; cols: number }[];
  highlightRow?: number;
}

export function matrixPart(rows: number, cols: number, cell: (r: number, c: number) => Cell, o: MatrixOptions = {}): MatrixPart {
  const limits = o.limits ?? DEFAULT_LIMITS;
  const plan = elisionPlan(rows, cols, o.used ?? (() => []), limits);
  const cells = plan.rowIndex.map((r) => plan.colIndex.map((c) => {
    if (r === null) return c === null ? ELIDED.both : ELIDED.row;
    return c === null ? ELIDED.col : cell(r, c);
  }));
  const elided = plan.rowIndex.includes(null) || plan.colIndex.includes(null);
  return {
    type: 'matrix', rows, cols, rowIndex: plan.rowIndex, colIndex: plan.colIndex, cells,
    ...(o.label ? { label: o.label } : {}),
    ...(o.blocks && !elided ? { blocks: o.blocks } : {}),
    ...(o.highlightRow !== undefined ? { highlightRow: o.highlightRow } : {}),
  };
}

/** A column vector of n cells (head and tail kept when long). */
export function vectorPart(n: number, cell: (i: number) => Cell, o: { label?: Cell; limits?: ElisionLimits } = {}): MatrixPart {
  const rowIndex = headTail(n, (o.limits ?? DEFAULT_LIMITS).maxRows);
  return {
    type: 'matrix', rows: n, cols: 1, rowIndex, colIndex: [0],
    cells: rowIndex.map((r) => [r === null ? ELIDED.row : cell(r)]),
    ...(o.label ? { label: o.label } : {}),
  };
}

export function mathPart(tex: string, text: string): MathPart {
  return { type: 'math', tex, text };
}

export const EQUALS = mathPart('=', '=');
export const TIMES = mathPart('\\cdot', '·');

/** LaTeX of a matrix part: bmatrix, or a bracketed array with block lines; label as a subscript. */
export function matrixTex(m: MatrixPart): string {
  const body = m.cells.map((row) => row.map((c) => c.tex).join(' & '));
  const label = m.label ? `_{${m.label.tex}}` : '';
  if (!m.blocks || m.blocks.length === 0) return `\\begin{bmatrix}${body.join(' \\\\ ')}\\end{bmatrix}${label}`;
  const [inner, outer] = m.blocks as [{ rows: number; cols: number }, { rows: number; cols: number } | undefined];
  const sep = (i: number, size: (b: { rows: number; cols: number }) => number): string => {
    if (outer && i % size(outer) === 0) return 'line';
    return i % size(inner) === 0 ? (outer ? 'dash' : 'line') : '';
  };
  const colSpec = m.cells[0]!.map((_, c) => (c > 0 && sep(c, (b) => b.cols) === 'line' ? '|' : c > 0 && sep(c, (b) => b.cols) === 'dash' ? ':' : '') + 'c').join('');
  const lines = body.map((row, r) => {
    const s = r > 0 ? sep(r, (b) => b.rows) : '';
    return (s === 'line' ? '\\hline ' : s === 'dash' ? '\\hdashline ' : '') + row;
  });
  return `\\left[\\begin{array}{${colSpec}}${lines.join(' \\\\ ')}\\end{array}\\right]${label}`;
}

/** LaTeX of any part. */
export function partTex(p: MatrixPart | MathPart): string {
  return p.type === 'matrix' ? matrixTex(p) : p.tex;
}
