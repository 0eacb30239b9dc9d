import type { Polynomial } from '../algebra/polynomial.ts';
import { float64Ring } from '../algebra/ring.ts';
import { type PolyMatrix, isPolyMatrix, polyAt, polyRow } from '../matrix/poly-matrix.ts';
import { compareVectors } from '../check/equivalence.ts';
import type { Comparison } from '../check/report.ts';
import { type Rank, polyCell } from './cells.ts';
import type { Cell, MatrixPart } from './derivation.ts';
import type { ElisionLimits } from './elide.ts';
import { flatAt, gridShape } from './layout.ts';
import { matrixPart, mathPart } from './matrix-part.ts';
import { numberCell } from './steps.ts';

/**
 * Parts shared by the analysis derivations (dilation, receptive field,
 * separable, depthwise, pointwise, flatten, checkerboard): dense engine
 * matrices as matrix parts, row vectors, grids of flat values, and
 * comparisons of counts as verdict reports. Display only: no index arithmetic
 * beyond the vec(·) layout of layout.ts.
 */
export interface PartOptions {
  label?: Cell;
  limits?: ElisionLimits;
  rank?: Rank;
}

/** A polynomial matrix from the engine (dense rows or sparse); elision keeps the columns the shown rows use. */
export function denseMatrixPart(m: PolyMatrix | readonly (readonly Polynomial[])[], o: PartOptions = {}): MatrixPart {
  if (isPolyMatrix(m)) return matrixPart(m.rows, m.cols, (r, c) => polyCell(polyAt(m, r, c), o.rank), { used: (r) => polyRow(m, r), ...pick(o) });
  const cols = m[0]?.length ?? 0;
  const used = (r: number) => m[r]!.flatMap((p, c) => (p.isZero() ? [] : [c]));
  return matrixPart(m.length, cols, (r, c) => polyCell(m[r]![c]!, o.rank), { used, ...pick(o) });
}

/** A row vector (1 × n). */
export function rowVectorPart(cells: readonly Cell[], o: PartOptions = {}): MatrixPart {
  return matrixPart(1, cells.length, (_r, c) => cells[c]!, pick(o));
}

/** Values stored flat row-major in `shape`, drawn as a grid (vec(·) layout: last axis across). */
export function gridPart(shape: readonly number[], cell: (flat: number) => Cell, o: PartOptions = {}): MatrixPart {
  const [h, w] = gridShape(shape);
  return matrixPart(h, w, (r, c) => cell(flatAt(shape, r, c)), pick(o));
}

export function polyGridPart(shape: readonly number[], values: readonly Polynomial[], o: PartOptions = {}): MatrixPart {
  return gridPart(shape, (f) => polyCell(values[f]!, o.rank), o);
}

export function numberGridPart(shape: readonly number[], values: readonly number[], o: PartOptions = {}): MatrixPart {
  return gridPart(shape, (f) => numberCell(values[f]!), o);
}

/** Math between parts: `\cdot`, `=`, words. */
export const ARROW = mathPart('\\;\\to\\;', '→');

/** Two computations of the same counts (integers), compared exactly. */
export function compareCounts(a: readonly number[], b: readonly number[], labels: [string, string], names?: readonly string[]): Comparison {
  return compareVectors(a, b, { ring: float64Ring, show: String, labels, ...(names ? { names } : {}) });
}

/** 1234567 → "1,234,567" (the lecture writes 86.400; we use the English separator). */
export function groupDigits(n: number): string {
  return n.toLocaleString('en-US');
}

/** LaTeX of a grouped integer: 86{,}400. */
export function groupedCell(n: number): Cell {
  const text = groupDigits(n);
  return { tex: text.replace(/,/g, '{,}'), text };
}

function pick(o: PartOptions): { label?: Cell; limits?: ElisionLimits } {
  return { ...(o.label ? { label: o.label } : {}), ...(o.limits ? { limits: o.limits } : {}) };
}
