import { css } from 'lit';

/**
 * A light typesetting path for large matrices of simple entries. A
 * convolution matrix holds only `0` and the weights, so when every cell is
 * an integer, a letter, or a letter with a numeric subscript (`w_{3}`, the
 * lecture's `\tilde{z}_{1}`), the cells are written with KaTeX's own fonts and classes as a few spans each,
 * instead of KaTeX's full layout: a 36×49 matrix becomes ~30 KB of HTML
 * instead of ~600 KB. Anything else returns null and goes through KaTeX.
 * The grid has an accessible name; the typeset row under the pointer and the
 * live region carry the math for screen readers. Smaller matrices use the same
 * cells inside KaTeX's MathML-carrying matrix (katex-render.ts `lightCell`).
 */
const INTEGER = /^-?\d+$/;
const SYMBOL = /^(?:([A-Za-z])|\\tilde\{([A-Za-z])\})(?:_\{(\d+)\})?$/;

/**
 * HTML of one simple cell, or null. Simple: integers and letters (or z̃) with a
 * numeric subscript, multiplied by juxtaposition and joined by + and −
 * (`w_{5} z_{1} + w_{4} z_{2}`, as the engine prints sums of products). Only
 * digits, one ASCII letter per symbol and the two operators reach the output.
 */
export function fastCell(tex: string): string | null {
  const inner = fastCellInner(tex);
  return inner === null ? null : `<span class="katex fm">${inner}</span>`;
}

/** The glyphs of a simple cell without the `katex fm` wrapper (a light matrix puts that class on its grid once). */
function fastCellInner(tex: string): string | null {
  const tokens = tex.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '+' || t === '-') {
      const sign = t === '+' ? '+' : '−';
      out.push(i === 0 ? `<span class="mord">${sign}</span>` : `<span class="fm-op">${sign}</span>`);
      continue;
    }
    if (INTEGER.test(t)) { out.push(t.replace('-', '−')); continue; }
    const m = SYMBOL.exec(t);
    if (!m) return null;
    // a letter, or the lecture's z̃ (the tilde as KaTeX sets it: its ~ glyph centred over the letter, raised)
    const letter = m[1] ? `<span class="mathnormal">${m[1]}</span>` : `<span class="fm-acc"><span class="mathnormal">${m[2]}</span><span class="fm-tilde">~</span></span>`;
    out.push(`${letter}${m[3] ? `<span class="fm-sub">${m[3]}</span>` : ''}`);
  }
  return out.length ? out.join('') : null;
}

/** Each cell's HTML in the light path, row by row, with the cell hooks (convmat-cell, data-row, data-col); null if a cell is not simple. */
export function fastMatrixCells(cells: readonly (readonly string[])[]): string[] | null {
  const cache = new Map<string, string | null>();
  const out: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    for (let c = 0; c < row.length; c++) {
      const t = row[c]!;
      let h = cache.get(t);
      if (h === undefined) { h = fastCellInner(t === '' ? '0' : t); cache.set(t, h); }
      if (h === null) return null;
      // '' is a structural zero, classed apart from a weight whose value is 0
      out.push(`<span class="convmat-cell${t === '' ? ' convmat-zero' : ''}" data-row="${r}" data-col="${c}">${h}</span>`);
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
  .katex.fm { white-space: nowrap; }
  .fm-bracket { display: inline-block; width: 0.3em; border: solid currentColor; margin: 0.15em 0; }
  .fm-left { border-width: 0.06em 0 0.06em 0.06em; }
  .fm-right { border-width: 0.06em 0.06em 0.06em 0; }
  .fm-label { align-self: flex-end; font-size: 0.85em; margin-bottom: -0.2em; }
`;
