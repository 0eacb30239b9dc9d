/**
 * KaTeX rendering, as pure functions returning HTML strings (no lit, no DOM).
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
export declare const KATEX_OPTIONS: Readonly<{
    trust: false;
    throwOnError: true;
    maxSize: 20;
    maxExpand: 200;
    output: 'htmlAndMathml';
    strict: 'ignore';
}>;
export interface RenderOptions {
    /** Display (block) style; default inline. */
    display?: boolean;
}
/** HTML (with MathML) of one LaTeX string. Throws KaTeX's ParseError for invalid input. */
export declare function renderTex(tex: string, opts?: RenderOptions): string;
/** Checks that a string typesets with the same options; returns KaTeX's message, or null when it parses. */
export declare function texError(tex: string): string | null;
export interface MatrixRenderOptions {
    /** LaTeX of a subscript label written after the closing bracket (`K`, `z`, `K^{T}`). */
    label?: string;
    /** Row (0-based) to highlight, e.g. the one a hovered output term comes from. */
    highlightRow?: number;
    /** Column (0-based) to highlight. */
    highlightColumn?: number;
    /** Accessible name for the matrix; defaults to the MathML reading. */
    ariaLabel?: string;
}
/** Forgets cached cell renders (benchmarks use it to measure cold renders). */
export declare function clearRenderCache(): void;
/**
 * HTML of a bracketed matrix of LaTeX cells. Cells carry `data-row`/`data-col`
 * for linked hover. Throws if any cell does not parse.
 */
export declare function renderMatrixHtml(cells: readonly (readonly string[])[], opts?: MatrixRenderOptions): string;
