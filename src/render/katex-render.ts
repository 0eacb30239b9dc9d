import katex from 'katex';

/**
 * KaTeX rendering, as pure functions returning HTML strings (no lit, no DOM),
 * shared by the surfaces: the CLI's HTML page, the components (loaded lazily
 * by components/shared/katex-block.ts) and the docs build. It lives outside
 * src/ because the engine never imports KaTeX, and outside components/
 * because the CLI must not depend on the elements.
 *
 * - `renderTex` typesets one LaTeX string with the safe options below.
 * - `renderMatrixHtml` lays a matrix out as a CSS grid with CSS brackets and
 *   typesets each DISTINCT cell once: a convolution matrix has only K+1
 *   distinct entries, so a 36×49 matrix costs ~10 KaTeX calls instead of one
 *   1,764-cell `bmatrix` (~280 ms). Screen readers get one MathML tree for the
 *   whole matrix (built from the cached per-cell MathML); the grid is aria-hidden.
 *
 * Every input is LaTeX. Safety does not depend on the caller: KaTeX runs with
 * `trust: false` (no \href, \url, \htmlClass, \includegraphics…), bounded
 * `maxSize`/`maxExpand` (no macro bombs), and `throwOnError: true`.
 */
export const KATEX_OPTIONS = Object.freeze({
  trust: false,
  throwOnError: true,
  maxSize: 20,
  maxExpand: 200,
  output: 'htmlAndMathml' as const,
  strict: 'ignore' as const,
});

export interface RenderOptions {
  /** Display (block) style; default inline. */
  display?: boolean;
  /** MathML only (no KaTeX HTML), for a page without KaTeX's stylesheet */
  mathml?: boolean;
}

/** HTML (with MathML) of one LaTeX string. Throws KaTeX's ParseError for invalid input. */
export function renderTex(tex: string, opts: RenderOptions = {}): string {
  return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: opts.display ?? false, ...(opts.mathml ? { output: 'mathml' as const } : {}) });
}

/** Checks that a string typesets with the same options; returns KaTeX's message, or null when it parses. */
export function texError(tex: string): string | null {
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, output: 'mathml' });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export interface MatrixRenderOptions {
  /** LaTeX of a subscript label written after the closing bracket (`K`, `z`, `K^{T}`). */
  label?: string;
  /** Row (0-based) to highlight, e.g. the one a hovered output term comes from. */
  highlightRow?: number;
  /** Column (0-based) to highlight. */
  highlightColumn?: number;
  /** Accessible name for the matrix; defaults to the MathML reading. */
  ariaLabel?: string;
  /**
   * A lighter HTML for the visible glyphs of the cell at (row, col), or null
   * to typeset it with KaTeX (the elements print their entries' structure,
   * fast-matrix.ts). The MathML for screen readers is KaTeX's either way.
   */
  lightCell?: (row: number, col: number) => string | null;
  /** The source row of each shown row (an elided vector's, src/view/equation.ts `zRows`), written as `data-row`; null (the ⋮) gets `data-row="elided"`. Default: the row itself. */
  rowIds?: readonly (number | null)[];
  /** True for a structural zero (no tap lands there), classed `convmat-zero`; default: the cell is ''. */
  zero?: (row: number, col: number) => boolean;
}

interface CellRender { html: string; mathml: string }

const CACHE_LIMIT = 4096;
const cellCache = new Map<string, CellRender>();

/** Forgets cached cell renders (benchmarks use it to measure cold renders). */
export function clearRenderCache(): void {
  cellCache.clear();
}

function renderCell(tex: string): CellRender {
  const hit = cellCache.get(tex);
  if (hit) return hit;
  const base = { ...KATEX_OPTIONS, displayMode: false };
  const html = katex.renderToString(tex, { ...base, output: 'html' });
  const mathml = innerMathml(katex.renderToString(tex, { ...base, output: 'mathml' }));
  const r = { html, mathml };
  if (cellCache.size >= CACHE_LIMIT) cellCache.delete(cellCache.keys().next().value!);
  cellCache.set(tex, r);
  return r;
}

/** The presentation MathML of a KaTeX `output: 'mathml'` render, without <math>/<semantics>/<annotation>. */
function innerMathml(s: string): string {
  const start = s.indexOf('<semantics>');
  const end = s.lastIndexOf('<annotation');
  return start >= 0 && end > start ? s.slice(start + '<semantics>'.length, end) : '<mrow></mrow>';
}

const HIGHLIGHT = 'background:var(--convmat-highlight,#fff1a8);border-radius:0.15em;';
/** Sizes match KaTeX's bmatrix at 1.21em: arraycolsep 2×5pt, row pitch 1.2em. */
const GRID = 'display:inline-grid;column-gap:1.21em;row-gap:0;align-items:center;justify-items:center;grid-auto-rows:1.45em;padding:0 0.12em;';
const BRACKET = 'display:inline-block;width:0.25em;border:solid currentColor;align-self:stretch;margin:0.1em 0;';

/**
 * HTML of a bracketed matrix of LaTeX cells. Cells carry `data-row`/`data-col`
 * for linked hover. Throws if any cell does not parse.
 */
export function renderMatrixHtml(cells: readonly (readonly string[])[], opts: MatrixRenderOptions = {}): string {
  const m = renderMatrix(cells, opts);
  return m.html.replace(MATHML_SLOT, `${MATHML_SLOT}${m.mathml}`);
}

/** Opening of the visually hidden box that holds a matrix's MathML (empty in `renderMatrix`'s html). */
export const MATHML_SLOT = '<span class="convmat-mathml" style="position:absolute;clip:rect(1px,1px,1px,1px);padding:0;border:0;height:1px;width:1px;overflow:hidden">';

/**
 * The matrix as two pieces: the visible HTML with an empty MathML box
 * (`.convmat-mathml`), and the `<math>` for that box. A page can insert the
 * MathML after the frame (katex-block.ts does, in idle time): it is what a
 * screen reader reads, and a third of what there is to lay out.
 */
export function renderMatrix(cells: readonly (readonly string[])[], opts: MatrixRenderOptions = {}): { html: string; mathml: string } {
  const rows = cells.length;
  const cols = rows ? Math.max(...cells.map((r) => r.length)) : 0;
  const grid: string[] = [];
  const mrows: string[] = [];
  for (let r = 0; r < rows; r++) {
    const mtds: string[] = [];
    const id = opts.rowIds ? opts.rowIds[r] ?? 'elided' : r;
    for (let c = 0; c < cols; c++) {
      // '' is a structural zero (no tap lands there): written 0, classed apart from a weight whose value is 0
      const t = cells[r]![c] ?? '';
      const cell = renderCell(t === '' ? '0' : t);
      const visible = opts.lightCell?.(r, c) ?? cell.html;
      const hl = r === opts.highlightRow || c === opts.highlightColumn ? ` style="${HIGHLIGHT}"` : '';
      const zero = opts.zero ? opts.zero(r, c) : t === '';
      grid.push(`<span class="convmat-cell${zero ? ' convmat-zero' : ''}" data-row="${id}" data-col="${c}"${hl}>${visible}</span>`);
      mtds.push(`<mtd>${cell.mathml}</mtd>`);
    }
    mrows.push(`<mtr>${mtds.join('')}</mtr>`);
  }
  const table = `<mrow><mo fence="true">[</mo><mtable>${mrows.join('')}</mtable><mo fence="true">]</mo></mrow>`;
  const label = opts.label === undefined ? null : renderCell(opts.label);
  const math = label ? `<msub>${table}<mrow>${label.mathml}</mrow></msub>` : table;
  const aria = opts.ariaLabel === undefined ? '' : ` role="math" aria-label="${escapeAttr(opts.ariaLabel)}"`;
  const labelHtml = label
    ? `<span class="convmat-matrix-label" style="align-self:flex-end;font-size:0.7em;margin-bottom:-0.2em">${label.html}</span>`
    : '';
  const html =
    `<span class="convmat-matrix"${aria} style="display:inline-flex;vertical-align:middle;align-items:stretch">` +
    `${MATHML_SLOT}</span>` +
    `<span aria-hidden="true" style="display:inline-flex;align-items:stretch">` +
    `<span class="convmat-bracket" style="${BRACKET}border-width:0.06em 0 0.06em 0.07em"></span>` +
    `<span class="convmat-grid" style="${GRID}grid-template-columns:repeat(${cols},auto)">${grid.join('')}</span>` +
    `<span class="convmat-bracket" style="${BRACKET}border-width:0.06em 0.07em 0.06em 0"></span>` +
    `${labelHtml}</span></span>`;
  return { html, mathml: `<math xmlns="http://www.w3.org/1998/Math/MathML">${math}</math>` };
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
