import { checkMatrix, checkMatrixNumeric } from '../check/matrix-check.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import type { CheckReport } from '../check/report.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { im2colMatrix } from '../matrix/im2col.ts';
import type { ConvMatrix } from '../matrix/csr.ts';
import { type MatrixEquation, type MatrixForm, matrixCounts, matrixEquation, typesettable } from './equation.ts';
import { im2colCheck, im2colEquation } from './im2col-view.ts';
import { type SummaryView, summaryFor } from './summary.ts';
import { type VerdictView, verdictView } from './verdict.ts';

export { MATRIX_FORMS, type MatrixForm, matrixForm } from './equation.ts';

/**
 * The matrix of a spec as <conv-matrix> shows it: K (or Kᵀ), or the im2col
 * matrix Z, typeset with its equation when small enough, else its structure
 * (a sparsity pattern) with the check run after the first paint. Plain data.
 */
export interface MatrixView {
  eq: MatrixEquation;
  /** null while a large spec's check is still to run (`checkedMatrixView`, after the first paint) */
  verdict: VerdictView | null;
  /** the check is exact (symbolic); past SYMBOLIC_NONZEROS it is numeric (seeded floats) */
  symbolic: boolean;
  nonzeros: number;
  storedTaps: number;
}

/**
 * Above this many nonzeros the check is numeric (seeded floats) instead of
 * symbolic: a structural view typesets no product, and a symbolic check of
 * 64×64 ⊛ 3×3 (34,596 nonzeros) made tasks of 200–290 ms on a busy machine
 * (a numeric one takes a few ms).
 */
export const SYMBOLIC_NONZEROS = 20_000;
/** The structural view handles far more than a drawing; past these the view is a summary. */
export const MATRIX_LIMITS = { drawnEntries: 12_000, taps: 60_000, terms: 600_000 };

export function matrixView(input: SpecInput, form: MatrixForm = 'conv'): MatrixView | SummaryView {
  const summary = summaryFor(input, MATRIX_LIMITS, 'the matrix');
  if (summary) return summary;
  const spec = normalized(input);
  const matrix = form === 'im2col' ? im2colMatrix(spec) : convMatrix(spec);
  const counts = matrixCounts(matrix);
  const symbolic = counts.nonzeros <= SYMBOLIC_NONZEROS;
  const equation = form === 'im2col' ? im2colEquation : matrixEquation;
  if (!typesettable(matrix)) return { eq: equation(spec, matrix, []), verdict: null, symbolic, ...counts };
  const check = run(form, spec, matrix, true);
  return { eq: equation(spec, matrix, check.product), verdict: verdictView(check.report), symbolic, ...counts };
}

/** A large view with its check done: K·z against the sliding window (numeric past SYMBOLIC_NONZEROS), or the im2col duality. */
export function checkedMatrixView(input: SpecInput, view: MatrixView): MatrixView {
  const spec = normalized(input);
  const check = run(view.eq.form, spec, view.eq.matrix, view.symbolic);
  return { ...view, verdict: verdictView(check.report, view.symbolic) };
}

/** The last spec normalised, kept for the check that follows its view (a 64×64 spec takes tens of ms to normalise). */
let last: { key: string; spec: ConvSpec } | null = null;

function normalized(input: SpecInput): ConvSpec {
  const key = JSON.stringify(input);
  if (last?.key !== key) last = { key, spec: normalizeSpec(input) };
  return last.spec;
}

function run(form: MatrixForm, spec: ConvSpec, matrix: ConvMatrix, symbolic: boolean): { product: readonly Polynomial[]; report: CheckReport } {
  if (form === 'im2col') return im2colCheck(spec, matrix);
  if (!symbolic) return { product: [], report: checkMatrixNumeric(spec, 1, { matrix }) };
  return checkMatrix(spec, { matrix });
}
