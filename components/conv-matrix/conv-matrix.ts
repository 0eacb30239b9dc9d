import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { outputLine, rowInputs, windowAround } from '../../src/view/equation.ts';
import type { MatrixView } from '../../src/view/matrix-view.ts';
import type { FigureChoice } from '../shared/figure-menu.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { pendingPart } from '../shared/error-template.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { cellLatex, tex, texMatrix } from '../shared/katex-block.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { equationHighlightCss, equationStyles, equationTemplate, liveRegion, revealRow, rowAt } from '../shared/matrix-equation.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { SparsityPainter, cellAt, parseRgb, summedCss, tapCss } from '../shared/sparsity-canvas.ts';
import { verdictTemplate } from '../shared/verdict.ts';

/** The matrix view (src/view/matrix-view.ts), a chunk loaded before the first render. */
const views = new LazyPart('the matrix view', () => import('../../src/view/matrix-view.ts'));

/**
 * @summary The convolution matrix K (or Kᵀ) of a spec, or its im2col matrix Z, optionally as the equation K·z = result (Z(z)·w = y), with its verdict.
 *
 * @attr input - input size, e.g. `6` or `5x5` (CLI syntax, as every shared attribute)
 * @attr kernel - kernel size, e.g. `3` or `3x3`
 * @attr stride - stride per axis
 * @attr padding - `1`, `1x2`, `same`, `valid`, `full` or `1,2;0,1`
 * @attr dilation - dilation per axis
 * @attr transposed - boolean: show Kᵀ of the transposed convolution
 * @attr output-padding - output padding of a transposed convolution
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values: `w`, `x,y,z`, or a JSON array
 * @attr inputs - input names or values: `z`, `a,b,c,d`, or a JSON array
 * @attr mode - `correlation` (default) or `convolution`
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode): border entries of K become sums of weights (`w_1 + w_3`), circular padding makes K circulant
 * @attr layer - PyTorch layer code (`nn.Conv2d(1, 1, 3, stride=2)`), read and never run; sets every field but input, weights and inputs
 * @attr show - `matrix` (default) or `equation` (K·z = products = outputs)
 * @attr form - `conv` (default): K, whose entries are weights; `im2col`: Z, the im2col (unfold) matrix GEMM implementations build, whose entries are input names, with Z(z)·w = y as the equation and K(w)·z = Z(z)·w = the sliding window as the verdict
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 * @attr active - flat index of the highlighted output row
 *
 * @csspart equation - the typeset matrix or equation
 * @csspart verdict - the check badge; `data-verdict` is `pass` or `fail`
 * @csspart figure-menu - the "Save figure" menu: Download SVG, Download animated SVG, Copy TikZ (drawn from the current spec by convmat/figure)
 * @csspart error - the inline message for an invalid attribute
 * @csspart sparsity - the structural view of a large matrix
 * @csspart detail - the typeset row under the pointer in the structural view
 * @csspart legend - the key to the structural view: one colour per weight, blank for a structural zero
 * @csspart summary - shapes and the limit passed, shown instead of the matrix for a spec too large for the page
 *
 * @fires spec-change - the spec was accepted; detail `{spec, rows, cols}`
 * @fires highlight - an output row was hovered or focused; detail `{output, name, row, inputs}`
 *
 * @cssprop --conv-fg - text colour
 * @cssprop --conv-bg - background colour
 * @cssprop --conv-highlight - background of a highlighted row
 * @cssprop --conv-highlight-strong - background of the entries a highlighted row reads
 * @cssprop --conv-pass - colour of a passing verdict
 * @cssprop --conv-fail - colour of a failing verdict and of errors
 * @cssprop --conv-zero - colour of a structural zero (no tap lands there); a weight whose value is 0 keeps the text colour
 */
export class ConvMatrixElement extends ConvElement<MatrixView | SummaryView> {
  static override properties = { ...ConvElement.properties, show: { type: String, reflect: true }, form: { type: String, reflect: true } };
  static override inputKeys = [...ConvElement.inputKeys, 'form'];
  static override lazyParts = [...ConvElement.lazyParts, views];
  static override styles = [...ConvElement.styles, equationStyles, css`
    .equation { gap: 0.4rem; font-size: 1.05rem; outline: none; }
    .axes { display: inline-grid; grid-template-columns: auto auto; gap: 0.1rem 0.3rem; align-items: stretch; font-size: 0.75rem; color: var(--conv-muted); max-width: 100%; }
    .axes .x { grid-column: 2; display: flex; justify-content: space-between; gap: 0.5rem; }
    .axes .y { writing-mode: vertical-rl; display: flex; justify-content: space-between; gap: 0.5rem; }
    .legend { display: flex; gap: 0.3rem 0.8rem; flex-wrap: wrap; font-size: 0.8rem; color: var(--conv-muted); margin: 0.3rem 0; }
    .swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid var(--conv-border); margin-right: 0.25em; vertical-align: middle; }
    canvas { image-rendering: pixelated; max-width: 100%; max-height: 420px; width: auto; height: auto; border: 1px solid var(--conv-border); cursor: crosshair; display: block; }
    [part='detail'] { min-height: 2.5em; margin-top: 0.3rem; }
  `];

  declare show?: string;
  declare form?: string;
  private sheet = new HighlightSheet();
  private painter = new SparsityPainter();
  /** a large view with its check done after the first paint (the check would block the page otherwise) */
  private checked: MatrixView | null = null;

  /** No figure for the im2col form: renderFigure draws what the spec flags say, and they have no such field. */
  protected override figureView(): FigureChoice | null { return this.form !== undefined && this.form !== 'conv' ? null : { view: 'matrix' }; }

  protected compute(): MatrixView | SummaryView {
    const { matrixForm, matrixView, checkedMatrixView } = views.get();
    const input = this.specInput();
    const view = matrixView(input, matrixForm(this.form));
    if (isSummary(view) || view.verdict) return view;
    // a large spec: paint the structure first, check after the first paint so the page never stalls on it
    setTimeout(() => {
      if (this.view !== view) return;
      try {
        this.checked = checkedMatrixView(input, view);
        this.requestUpdate();
      } catch (e) {
        this.specView.fail(e);
      }
    }, 0);
    return view;
  }

  /** The view with its deferred check when it is done. */
  private shownView(v: MatrixView): MatrixView {
    return this.checked && this.checked.eq.matrix === v.eq.matrix ? this.checked : v;
  }

  protected override specChangeDetail(v: MatrixView | SummaryView): Record<string, unknown> {
    if (isSummary(v)) return { spec: this.specInput() };
    return { spec: this.specInput(), rows: v.eq.matrix.rows, cols: v.eq.matrix.cols };
  }

  protected override firstUpdated(): void {
    this.sheet.attach(this.shadowRoot);
  }

  protected override updated(changed: PropertyValues): void {
    const v = this.view;
    if (!v || isSummary(v)) { this.sheet.set(''); return; }
    this.sheet.set(v.eq.typeset ? equationHighlightCss(v.eq, this.active) : '');
    if (v.eq.typeset && (changed.has('active') || changed.size === 0)) revealRow(this.renderRoot, v.eq, this.active);
    if (!v.eq.typeset) {
      const canvas = this.renderRoot.querySelector('canvas');
      if (canvas) this.painter.paint(canvas, v.eq.matrix, v.eq.entries.length, this.active, parseRgb(getComputedStyle(this).backgroundColor));
    }
  }

  private hover(r: number | null): void {
    const v = this.view;
    if (!v || isSummary(v)) return;
    if (r === null) { this.setActive({ output: null }); return; }
    this.setActive({ output: r, row: r, name: v.eq.outputNames[r], inputs: rowInputs(v.eq, r) });
  }

  private onKey(e: KeyboardEvent): void {
    const v = this.view;
    const rows = v && !isSummary(v) ? v.eq.matrix.rows : 0;
    const cur = this.active ?? -1;
    if (e.key === 'ArrowDown') this.hover(Math.min(cur + 1, rows - 1));
    else if (e.key === 'ArrowUp') this.hover(Math.max(cur - 1, 0));
    else if (e.key === 'Escape') this.hover(null);
    else return;
    e.preventDefault();
  }

  protected renderView(view: MatrixView | SummaryView): TemplateResult {
    if (isSummary(view)) return summaryTemplate(view);
    const v = this.shownView(view);
    // an equation's z = products = outputs are typeset in the task after K (RevealController)
    if (this.show === 'equation' && v.eq.typeset) this.reveal.defer(1);
    const active = this.active;
    const line = active !== undefined && v.eq.products.length > 0 && active < v.eq.matrix.rows ? outputLine(v.eq, active) : null;
    const body = v.eq.typeset
      ? html`<div tabindex="0" @pointerover=${(e: Event) => this.hover(rowAt(e))} @pointerleave=${() => this.hover(null)}
          @keydown=${this.onKey} aria-label="convolution matrix; arrow keys step through the rows">
          ${equationTemplate(v.eq, this.show === 'equation', this.reveal.shown(1) ? undefined : pendingPart)}</div>`
      : this.renderSparsity(v, line?.tex ?? null);
    const verdict = v.verdict
      ? verdictTemplate(v.verdict)
      : html`<div class="caption">${v.eq.form === 'im2col' ? 'checking Z(z)·w against K(w)·z and the sliding window…' : 'checking K·z against the sliding window numerically…'}</div>`;
    return html`${body}${verdict}${liveRegion(line?.text ?? '')}`;
  }

  /** The typeset part being looked at: rows around the hovered one, over the columns it reads. */
  private detail(v: MatrixView, r: number, lineTex: string | null): TemplateResult {
    const w = windowAround(v.eq.matrix, v.eq.entries, r);
    const at = w.rows.indexOf(r);
    const shown = w.cols.filter((c): c is number => c !== null);
    return html`<div class="caption">rows ${w.rows[0]! + 1}–${w.rows[w.rows.length - 1]! + 1} of the matrix, over the columns row ${r + 1} reads
      (${shown.length ? `${shown[0]! + 1}–${shown[shown.length - 1]! + 1}` : 'none'}; ⋯ skips columns):</div>
      <div class="equation">${texMatrix(w.cells.map((row) => row.map((c) => (c === 'skip' ? '\\cdots' : c))), { highlightRow: at, ariaLabel: `rows around row ${r + 1}` })}</div>
      ${lineTex ? html`<div>${tex(lineTex)}</div>` : nothing}`;
  }

  /** The key to the sparsity view: one colour per weight, blank for a structural zero. */
  private legend(v: MatrixView): TemplateResult {
    const n = v.eq.entries.length;
    const shown = v.eq.entries.slice(0, 12);
    const what = v.eq.form === 'im2col' ? 'input' : 'weight';
    return html`<div class="legend" part="legend">
      ${shown.map((w, t) => html`<span><span class="swatch" style="background:${tapCss(t, n)}"></span>${tex(cellLatex(w))}</span>`)}
      ${n > shown.length ? html`<span>… ${n - shown.length} more ${what}s</span>` : nothing}
      ${v.storedTaps > v.nonzeros ? html`<span data-summed><span class="swatch" style="background:${summedCss(parseRgb(getComputedStyle(this).backgroundColor))}"></span>a sum of weights (padding that copies an input)</span>` : nothing}
      <span><span class="swatch"></span>blank: structural zero (no tap lands there)</span></div>`;
  }

  private renderSparsity(v: MatrixView, lineTex: string | null): TemplateResult {
    const { rows, cols } = v.eq.matrix;
    const onMove = (e: PointerEvent) => this.hover(cellAt(e.currentTarget as HTMLCanvasElement, v.eq.matrix, e)?.row ?? null);
    return html`<div part="sparsity">
      <div class="caption">${v.eq.name} is ${rows} × ${cols} with ${v.nonzeros} nonzeros:
        too large to typeset, so each square is one entry (colour = ${v.eq.form === 'im2col' ? 'input' : 'weight'}). Hover a row, or use the arrow keys.</div>
      <div class="axes">
        <div class="x" aria-hidden="true"><span>column 1</span><span>columns: ${v.eq.form === 'im2col' ? 'weights w' : `inputs ${v.eq.transposed ? '' : 'z'}`}→</span><span>${cols}</span></div>
        <div class="y" aria-hidden="true"><span>row 1</span><span>rows: outputs →</span><span>${rows}</span></div>
        <canvas tabindex="0" @pointermove=${onMove} @pointerleave=${() => this.hover(null)} @keydown=${this.onKey}
          role="img" aria-label="sparsity pattern of the ${rows} by ${cols} ${v.eq.form === 'im2col' ? 'im2col' : 'convolution'} matrix"></canvas>
      </div>
      ${this.legend(v)}
      <div part="detail">${this.active !== undefined && this.active < rows ? this.detail(v, this.active, lineTex) : nothing}</div>
    </div>`;
  }
}
