import { html, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import type { MatrixRenderOptions } from '../../src/render/katex-render.ts';
import { type Entry, entryToLatex } from '../../src/view/entry.ts';
import { fastCell, fastCellInner, fastMatrixCells } from './fast-matrix.ts';
import { fastMatrix } from './fast-matrix-part.ts';
import { fragment } from './parsed-markup.ts';
import { LazyPart } from './lazy-part.ts';

/** Matrices with more cells than this take the light path when their cells allow it (see fast-matrix.ts). */
export const FAST_MATRIX_CELLS = 200;

/**
 * Lit templates around KaTeX. The only place a component turns HTML into
 * DOM: the input is LaTeX built by the engine's escaping emitters,
 * typeset by KaTeX with `trust: false`, so no user text reaches the DOM raw.
 *
 * KaTeX (~77 KB gzip) is a separate chunk: `loadKatex()` fetches it once,
 * and every element awaits it before its first render (ConvElement), so the
 * bundle's start stays small and nothing renders half-typeset.
 */
export const katexPart = new LazyPart('KaTeX', () => import('../../src/render/katex-render.ts'));

export function loadKatex(): Promise<unknown> {
  return katexPart.load();
}

/**
 * Typesets a small sample of what the elements show (subscripts, products,
 * sums, a matrix), so the first element on a page does not pay KaTeX's
 * first-run cost inside its own render. Call it in a task of its own.
 */
export function warmKatex(): void {
  const k = katexNow();
  k.renderTex('z_{1} = w_{1} \\cdot x_{1} + w_{2} x_{2} - \\frac{1}{2}\\,\\left[0,\\ 1\\right]', { display: true });
  k.renderMatrixHtml([['w_{1}', '0'], ['x^{2}', '-3']], { label: 'K^{T}' });
}

function katexNow(): typeof import('../../src/render/katex-render.ts') {
  return katexPart.get();
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 2048;

function cached(key: string, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, v);
  }
  return v;
}

/**
 * KaTeX markup is parsed once into a <template>, then cloned (parsed-markup.ts),
 * and `guard` keeps an unchanged cell's DOM untouched on re-render. The markup
 * is KaTeX's own output (see above); no user text reaches it raw.
 */
function markupPart(markup: string): DirectiveResult {
  return guard([markup], () => fragment(markup));
}

/** Inline (or display) math. */
export function tex(source: string, display = false): TemplateResult {
  const markup = cached(`${display ? 'D' : 'I'}${source}`, () => katexNow().renderTex(source, { display }));
  return html`<span class="tex" part="tex">${markupPart(markup)}</span>`;
}

/**
 * Inline math that changes with every step of an animation (the window's dot
 * product): shown at once, its MathML (what a screen reader reads, and what
 * costs the browser most to lay out) follows in idle time, as a matrix's does.
 */
export function texMathmlLater(source: string): TemplateResult {
  const markup = cached(`I${source}`, () => katexNow().renderTex(source));
  const m = MATHML.exec(markup);
  if (!m) return tex(source);
  const [, before, mathml, after] = m;
  return html`<span class="tex" part="tex">${guard([markup], () => withMathmlLater(fragment(before! + after!), mathml!))}</span>`;
}

/** KaTeX's markup around its MathML: everything before the <math>, the <math>, everything after. */
const MATHML = /^([\s\S]*?<span class="katex-mathml">)(<math[\s\S]*?<\/math>)(<\/span>[\s\S]*)$/;

/**
 * What a cell shows: a view's entry (symbols as structure, src/view/entry.ts),
 * null for a structural zero, or LaTeX built by the engine's emitters (a
 * derivation's cells, labels).
 */
export type MathCell = Entry | null | string;

const latexOf = new WeakMap<Entry, string>();

/** The LaTeX of a cell (a structural zero is written 0), cached per entry. */
export function cellLatex(cell: MathCell): string {
  if (cell === null || cell === '') return '0';
  if (typeof cell === 'string') return cell;
  let t = latexOf.get(cell);
  if (t === undefined) { t = entryToLatex(cell); latexOf.set(cell, t); }
  return t;
}

/** What texCell gives: a template (KaTeX's markup), or the light path's markup as a part of its own. */
export type CellMarkup = TemplateResult | DirectiveResult;

/**
 * One cell of a drawn grid: a simple entry (an integer, or a letter with a
 * numeric subscript such as z₇) is written with KaTeX's fonts as two spans
 * (see fast-matrix.ts), far lighter to lay out than KaTeX's full markup;
 * anything else is typeset by KaTeX.
 */
export function texCell(cell: MathCell): CellMarkup {
  const inner = typeof cell === 'object' && cell !== null ? fastCellInner(cell) : null;
  // one span that is both the part and KaTeX's box, and no template of its own: grids hold hundreds of these
  return inner !== null ? markupPart(`<span class="tex katex fm" part="tex">${inner}</span>`) : tex(cellLatex(cell));
}

/**
 * A bracketed matrix of cells; cells carry data-row / data-col, so
 * highlighting is a stylesheet rule (see highlightRules) and needs no re-render.
 */
export function texMatrix(cells: readonly (readonly MathCell[])[], opts: Omit<MatrixRenderOptions, 'lightCell'> = {}): TemplateResult {
  const count = cells.length * (cells[0]?.length ?? 0);
  const structured = cells.every((row) => row.every((c) => typeof c !== 'string'));
  if (structured && count > FAST_MATRIX_CELLS && opts.highlightRow === undefined && opts.highlightColumn === undefined) {
    const label = opts.label === undefined ? '' : cached(`I${opts.label}`, () => katexNow().renderTex(opts.label!));
    const fast = fastMatrixCells(cells as readonly (readonly (Entry | null)[])[]);
    if (fast !== null) return html`${fastMatrix(fast, cells[0]?.length ?? 0, opts.ariaLabel ?? `matrix, ${cells.length} by ${cells[0]?.length ?? 0}`, label)}`;
  }
  // simple cells are drawn with the light spans (far less to lay out); the MathML stays KaTeX's
  const lightCell = (r: number, c: number): string | null => {
    const cell = cells[r]?.[c];
    if (cell === null) return ZERO_HTML;
    return cell === undefined || typeof cell === 'string' ? null : fastCell(cell);
  };
  const m = katexNow().renderMatrix(cells.map((row) => row.map(cellLatex)), { lightCell, zero: (r, c) => cells[r]?.[c] === null || cells[r]?.[c] === '', ...opts });
  return html`${guard([m.html, m.mathml], () => withMathmlLater(fragment(m.html), m.mathml))}`;
}

const ZERO_HTML = fastCell({ terms: [], total: 0 });

/**
 * The matrix's MathML (what a screen reader reads) goes into its hidden box
 * in idle time, after the frame that shows the change: a control that
 * changes the matrix stays within one frame. Boxes are filled in order.
 */
const pendingMathml: Array<[Element, string]> = [];

function withMathmlLater(f: DocumentFragment, mathml: string): DocumentFragment {
  const box = f.querySelector('.convmat-mathml, .katex-mathml');
  if (box) {
    if (pendingMathml.length === 0) whenIdle(fillMathml);
    pendingMathml.push([box, mathml]);
  }
  return f;
}

function fillMathml(deadline?: IdleDeadline): void {
  while (pendingMathml.length && (!deadline || deadline.didTimeout || deadline.timeRemaining() > 1)) {
    const [box, mathml] = pendingMathml.shift()!;
    // a box that was replaced meanwhile is filled all the same (it costs no layout): one moved to another place stays readable
    if (!box.firstChild) box.append(fragment(mathml));
  }
  if (pendingMathml.length) whenIdle(fillMathml);
}

function whenIdle(run: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 250 });
  else setTimeout(run, 0);
}

/** Resolves once every matrix's MathML is in place (for tests that read it). */
export function mathmlSettled(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (pendingMathml.length ? whenIdle(check) : resolve());
    check();
  });
}

/** Selects cells of the matrices inside `.scope` by row and/or column. */
export function cellSelector(scope: string, at: { row?: number; col?: number }): string {
  const row = at.row === undefined ? '' : `[data-row="${Number(at.row)}"]`;
  const col = at.col === undefined ? '' : `[data-col="${Number(at.col)}"]`;
  return `.${scope} .convmat-cell${row}${col}`;
}

/** One rule giving the selected cells a highlight colour. */
export function highlightRule(selectors: readonly string[], color: string): string {
  return selectors.length ? `${selectors.join(',')}{background:${color};border-radius:0.15em}` : '';
}
