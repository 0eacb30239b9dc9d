import { css, html, type TemplateResult } from 'lit';
import { type MatrixEquation, rowEntries } from '../../src/view/equation.ts';
import { cellSelector, highlightRule, tex, texMatrix } from './katex-block.ts';
import { overflowCueStyles, scrollBox } from './overflow-cue.ts';

/**
 * The typeset equation K·z = products = outputs (Kᵀ for a transposed spec)
 * from the engine's MatrixEquation (src/view/matrix-view.ts). Each part is a
 * grid whose cells carry data-row / data-col inside a wrapper class (mK, mz,
 * mp, mo), so one stylesheet links them. K, `· z`, `= products` and
 * `= outputs` are groups that wrap onto lines when the width runs out; a part wider
 * than the box scrolls inside it (never the page), with the overflow cue. A
 * long z comes elided (head, ⋮, tail) from the view.
 */
const column = <T>(entries: readonly T[]) => entries.map((e) => [e]);

export function equationTemplate(d: MatrixEquation, showEquation: boolean, pending?: TemplateResult): TemplateResult {
  if (!d.cells) return html``;
  const k = html`<span class="mK">${texMatrix(d.cells, { label: d.label, ariaLabel: `matrix ${d.name}, ${d.matrix.rows} by ${d.matrix.cols}` })}</span>`;
  if (!showEquation) return scrollBox(html`<div class="equation" part="equation">${k}</div>`);
  // the vectors are typeset in a later task (RevealController): K first, `pending` in their place
  if (pending || d.products.length === 0) return scrollBox(html`<div class="equation" part="equation">${k}${pending}</div>`);
  const z = texMatrix(column(d.z), { label: d.vector.tex, rowIds: d.zRows, ariaLabel: `${d.form === 'im2col' ? 'weight' : 'input'} vector ${d.vector.text}` });
  return scrollBox(html`<div class="equation" part="equation">
    ${k}<span class="group">${tex('\\cdot')}<span class="mz">${z}</span></span>
    <span class="group">${tex('=')}<span class="mp">${texMatrix(column(d.products), { ariaLabel: 'products' })}</span></span>
    <span class="group">${tex('=')}<span class="mo">${texMatrix(column(d.outputs), { ariaLabel: 'outputs' })}</span></span>
  </div>`);
}

/** The stylesheet lighting output row r: its matrix row, its nonzeros, the inputs it reads, its product and name. */
export function equationHighlightCss(d: MatrixEquation, active: number | undefined): string {
  if (active === undefined || active < 0 || active >= d.matrix.rows) return '';
  const { cols } = rowEntries(d.matrix, active);
  const soft = [cellSelector('mK', { row: active }), cellSelector('mp', { row: active }), cellSelector('mo', { row: active })];
  const strong = [...cols.map((c) => cellSelector('mK', { row: active, col: c })), ...cols.map((c) => cellSelector('mz', { row: c }))];
  return highlightRule(soft, 'var(--conv-highlight)') + highlightRule(strong, 'var(--conv-highlight-strong)');
}

/**
 * Scrolls the equation's box (never the page) so that row r's first nonzero
 * is in view: stepping to position 16 of a 6×6 window shows the entries it lights.
 */
export function revealRow(root: ParentNode, d: MatrixEquation, r: number | undefined): void {
  if (r === undefined || r < 0 || r >= d.matrix.rows) return;
  // read the layout in the next frame, when the browser lays out anyway: never force a layout inside an update
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
  frame(() => scrollToRow(root, d, r));
}

function scrollToRow(root: ParentNode, d: MatrixEquation, r: number): void {
  const box = root.querySelector<HTMLElement>('.scroll');
  const first = rowEntries(d.matrix, r).cols[0];
  if (!box || first === undefined || box.scrollWidth <= box.clientWidth) return;
  const cell = root.querySelector<HTMLElement>(cellSelector('mK', { row: r, col: first }));
  if (!cell) return;
  const left = cell.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
  const last = root.querySelector<HTMLElement>(cellSelector('mK', { row: r, col: rowEntries(d.matrix, r).cols.at(-1)! }));
  const right = last ? last.getBoundingClientRect().right - box.getBoundingClientRect().left + box.scrollLeft : left;
  if (left < box.scrollLeft || right > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, left - 24);
}

/** The output row under a pointer (matrix, product or output cells), or null. */
export function rowAt(e: Event): number | null {
  const path = e.composedPath() as Element[];
  const cell = path.find((n) => n instanceof Element && n.classList.contains('convmat-cell'));
  if (!cell) return null;
  const part = path.find((n) => n instanceof Element && /^m[Kpo]$/.test(n.className));
  return part ? Number(cell.getAttribute('data-row')) : null;
}

export function liveRegion(text: string): TemplateResult {
  return html`<div class="sr-only" role="status" aria-live="polite">${text}</div>`;
}

export const equationStyles = css`
  ${overflowCueStyles}
  .scroll { position: relative; max-width: 100%; overflow-x: auto; overflow-y: hidden; }
  /* padding: room above the first row for an accent (h̃₁), which the box would clip */
  .equation { display: flex; align-items: center; gap: 0.6rem 0.3rem; flex-wrap: wrap; padding: 0.3em 0; }
  .equation > .group { display: inline-flex; align-items: center; gap: inherit; }
  .equation > * { flex: none; }
  .convmat-cell.convmat-zero { color: var(--conv-zero); }
`;
