import { css } from 'lit';
import { type Entry, type EntryTerm, greekGlyph } from '../../src/view/entry.ts';

/**
 * A light typesetting path for large matrices of simple entries. A
 * convolution matrix holds only `0` and the weights, so when every cell is
 * an integer, a letter (Latin, or a lowercase Greek one such as δ), or a
 * letter with one numeric subscript (`w_{3}`, the lecture's z̃₁, δ₂), the
 * cells are written with KaTeX's own fonts and classes as a few spans each,
 * instead of KaTeX's full layout: a 36×49 matrix becomes ~30 KB of HTML
 * instead of ~600 KB. It prints the view's entries (symbols as
 * structure, src/view/entry.ts); anything else returns null and goes through
 * KaTeX. The grid has an accessible name; the typeset row under the pointer
 * and the live region carry the math for screen readers. Smaller matrices use
 * the same cells inside KaTeX's MathML-carrying matrix (katex-render.ts `lightCell`).
 */
const LETTER = /^[A-Za-z]$/;
const DIGITS = /^\d+$/;
/** Letters whose ink rises above the x-height (ascenders, capitals, the dots of i and j; β δ ζ θ λ ξ). */
const TALL = /^[A-Zbdfhijkltβδζθλξ]$/u;

/** The HTML of a simple entry, or null. */
export function fastCell(e: Entry): string | null {
  const inner = fastCellInner(e);
  return inner === null ? null : `<span class="katex fm">${inner}</span>`;
}

const inners = new WeakMap<Entry, string | null>();

/**
 * The glyphs of a simple entry without the `katex fm` wrapper: integer
 * coefficients and single letters (or z̃) with at most one numeric
 * subscript, multiplied by juxtaposition, joined by + and −. Only digits,
 * one ASCII letter per symbol and the two operators reach the output.
 */
export function fastCellInner(e: Entry): string | null {
  let h = inners.get(e);
  if (h === undefined) { h = printSimple(e); inners.set(e, h); }
  return h;
}

function printSimple(e: Entry): string | null {
  if (e.terms.length < e.total) return null;
  if (e.total === 0) return '0';
  const out: string[] = [];
  for (let i = 0; i < e.terms.length; i++) {
    const t = e.terms[i]!;
    const sign = t.negative ? '−' : '+';
    // <wbr>: a drawn cell too narrow for the whole sum breaks it after an operator (a matrix cell never wraps: nowrap)
    if (i > 0) out.push(`<span class="fm-op">${sign}</span><wbr>`);
    else if (t.negative) out.push(`<span class="mord">${sign}</span>`);
    const body = term(t);
    if (body === null) return null;
    out.push(body);
  }
  return out.join('');
}

function term(t: EntryTerm): string | null {
  if (t.coef.d !== '1' || !DIGITS.test(t.coef.n)) return null;
  const parts: string[] = t.factors.length === 0 || t.coef.n !== '1' ? [t.coef.n] : [];
  for (const { symbol: s, power } of t.factors) {
    const glyph = LETTER.test(s.base) ? s.base : greekGlyph(s.base);
    if (power !== 1 || s.channel !== undefined || glyph === undefined || s.index.length > 1) return null;
    if (s.accent !== undefined && s.accent !== 'tilde') return null;
    const sub = s.index[0];
    if (sub !== undefined && !DIGITS.test(sub)) return null;
    // a letter, or the lecture's z̃ (the tilde as KaTeX sets it: its ~ glyph centred over the letter, raised)
    // over a letter with an ascender (h̃) the tilde sits higher, clear of its stem: a low one makes h̃ read as ħ
    const tilde = TALL.test(glyph) ? 'fm-tilde fm-tall' : 'fm-tilde';
    const letter = s.accent ? `<span class="fm-acc"><span class="mathnormal">${glyph}</span><span class="${tilde}">~</span></span>` : `<span class="mathnormal">${glyph}</span>`;
    parts.push(`${letter}${sub !== undefined ? `<span class="fm-sub">${sub}</span>` : ''}`);
  }
  return parts.join('');
}

/** Each cell's HTML in the light path, row by row, with the cell hooks (convmat-cell, data-row, data-col); null if a cell is not simple. null cells are structural zeros. */
export function fastMatrixCells(cells: readonly (readonly (Entry | null)[])[]): string[] | null {
  const out: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length; c++) {
      const e = row[c]!;
      const h = e === null ? '0' : fastCellInner(e);
      if (h === null) return null;
      // a structural zero is classed apart from a weight whose value is 0
      out.push(`<span class="convmat-cell${e === null ? ' convmat-zero' : ''}" data-row="${r}" data-col="${c}">${h}</span>`);
    }
  }
  return out;
}

/** The bracketed matrix around its grid of `cols` columns: the grid is empty when `cellsHtml` is. */
export function fastMatrixShell(cols: number, ariaLabel: string, labelHtml = '', cellsHtml = ''): string {
  const name = ariaLabel.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<span class="convmat-matrix fm-matrix" role="img" aria-label="${name}"><span class="fm-bracket fm-left"></span>`
    + `<span class="convmat-grid fm-grid katex fm" style="grid-template-columns:repeat(${cols},auto)">${cellsHtml}</span>`
    + `<span class="fm-bracket fm-right"></span>${labelHtml ? `<span class="fm-label">${labelHtml}</span>` : ''}</span>`;
}

export const fastMatrixStyles = css`
  .fm-matrix { display: inline-flex; align-items: stretch; vertical-align: middle; }
  .fm-grid { display: inline-grid; column-gap: 1.21em; grid-auto-rows: 1.45em; align-items: center; justify-items: center; padding: 0 0.3em; font-size: 1.21em; }
  .fm-sub { font-family: KaTeX_Main; font-size: 0.7em; position: relative; top: 0.25em; margin-right: 0.05em; }
  .fm-op { font-family: KaTeX_Main; margin: 0 0.2222em; }
  .fm-acc { position: relative; }
  .fm-tilde { position: absolute; left: calc(50% - 0.17em); top: -0.3em; font-family: KaTeX_Main; font-style: normal; }
  .fm-tilde.fm-tall { top: -0.56em; left: calc(50% - 0.1em); }
  .katex.fm { white-space: nowrap; }
  .fm-bracket { display: inline-block; width: 0.3em; border: solid currentColor; margin: 0.15em 0; }
  .fm-left { border-width: 0.06em 0 0.06em 0.06em; }
  .fm-right { border-width: 0.06em 0.06em 0.06em 0; }
  .fm-label { align-self: flex-end; font-size: 0.85em; margin-bottom: -0.2em; }
`;
