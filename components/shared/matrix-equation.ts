import { html, type TemplateResult } from 'lit';
import type { ConvSpec } from '../../src/geometry/spec.ts';
import type { ConvMatrix } from '../../src/matrix/conv-matrix.ts';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../../src/algebra/print.ts';
import { latexSymbol } from '../../src/latex/escape.ts';
import { inputVectorLabel, kernelLabel } from '../../src/latex/cells.ts';
import { termOrder } from '../../src/check/term-order.ts';
import { cellSelector, highlightRule, tex, texMatrix } from './katex-block.ts';
import { column, denseCells, inputTex, outputTex, productTex, rowEntries, typesettable, weightTex } from './matrix-data.ts';

/**
 * The typeset equation K·z = products = outputs (or Kᵀ for a transposed
 * spec), shared by conv-matrix, conv-transposed and conv-explorer. Each part
 * is a grid whose cells carry data-row / data-col, inside a wrapper class
 * (mK, mz, mp, mo) so one stylesheet links them.
 */
export interface EquationData {
  spec: ConvSpec;
  matrix: ConvMatrix;
  product: readonly Polynomial[];
  typeset: boolean;
  cells: string[][] | null;
  z: string[];
  products: string[] | null;
  outputs: string[];
}

export function equationData(spec: ConvSpec, matrix: ConvMatrix, product: readonly Polynomial[]): EquationData {
  const typeset = typesettable(matrix);
  return {
    spec, matrix, product, typeset,
    cells: typeset ? denseCells(matrix, weightTex(spec)) : null,
    z: typeset ? inputTex(spec) : [],
    products: typeset ? productTex(spec, product) : null,
    outputs: typeset ? outputTex(spec) : [],
  };
}

/** `K` or `K^{T}` (`X`, `X^{T}` for the lecture's weights x, y, z): the label the lecture writes under the matrix. */
export function matrixLabel(spec: ConvSpec): string {
  return `${kernelLabel(spec).tex}${spec.transposed ? '^{T}' : ''}`;
}

export function equationTemplate(d: EquationData, showEquation: boolean, pending?: TemplateResult): TemplateResult {
  if (!d.cells) return html``;
  const k = html`<span class="mK">${texMatrix(d.cells, { label: matrixLabel(d.spec), ariaLabel: `matrix ${d.spec.transposed ? 'K transposed' : 'K'}, ${d.matrix.rows} by ${d.matrix.cols}` })}</span>`;
  if (!showEquation) return html`<div class="equation" part="equation">${k}</div>`;
  // the vectors are typeset in a later task (ConvElement.deferredParts): K first, `pending` in their place
  if (pending) return html`<div class="equation" part="equation">${k}${pending}</div>`;
  return html`<div class="equation" part="equation">
    ${k}<span class="mz">${texMatrix(column(d.z), { label: inputVectorLabel(d.spec).tex, ariaLabel: `input vector ${inputVectorLabel(d.spec).text}` })}</span>
    ${tex('=')}<span class="mp">${texMatrix(column(d.products!), { ariaLabel: 'products' })}</span>
    ${tex('=')}<span class="mo">${texMatrix(column(d.outputs), { ariaLabel: 'outputs' })}</span>
  </div>`;
}

/** The stylesheet lighting output row r: its matrix row, its nonzeros, the inputs it reads, its product and name. */
export function equationHighlightCss(d: EquationData, active: number | undefined): string {
  if (active === undefined || active < 0 || active >= d.matrix.rows) return '';
  const { cols } = rowEntries(d.matrix, active);
  const soft = [cellSelector('mK', { row: active }), cellSelector('mp', { row: active }), cellSelector('mo', { row: active })];
  const strong = [...cols.map((c) => cellSelector('mK', { row: active, col: c })), ...cols.map((c) => cellSelector('mz', { row: c }))];
  return highlightRule(soft, 'var(--conv-highlight)') + highlightRule(strong, 'var(--conv-highlight-strong)');
}

/** The output row under a pointer (matrix, product or output cells), or null. */
export function rowAt(e: Event): number | null {
  const path = e.composedPath() as Element[];
  const cell = path.find((n) => n instanceof Element && n.classList.contains('convmat-cell'));
  if (!cell) return null;
  const part = path.find((n) => n instanceof Element && /^m[Kpo]$/.test(n.className));
  return part ? Number(cell.getAttribute('data-row')) : null;
}

/** LaTeX and text of one output: `z_{8} = w_{1} z_{2} + …`, for the hover panel and the live region. */
export function outputLine(d: EquationData, r: number): { tex: string; text: string } {
  const rank = termOrder(d.spec);
  const p = d.product[r]!;
  const name = d.spec.outputNames[r]!;
  return { tex: `${latexSymbol(name)} = ${polynomialToLatex(p, { rank })}`, text: `${name} = ${polynomialToText(p, { rank })}` };
}

export function liveRegion(text: string): TemplateResult {
  return html`<div class="sr-only" role="status" aria-live="polite">${text}</div>`;
}

