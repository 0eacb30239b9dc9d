import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { DrawnGrid } from '../../src/view/grid.ts';
import { outputLine, rowEntries } from '../../src/view/equation.ts';
import type { WindowView } from '../../src/view/window-view.ts';
import type { FigureChoice } from '../shared/figure-menu.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { pendingPart } from '../shared/error-template.ts';
import { gridStyles, gridTemplate, legendTemplate, stackTemplate } from '../shared/grid-drawing.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { cellLatex, texCell, texMathmlLater } from '../shared/katex-block.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { equationHighlightCss, equationStyles, equationTemplate, liveRegion, revealRow } from '../shared/matrix-equation.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { verdictTemplate } from '../shared/verdict.ts';
import { checkIndex } from '../shared/spec-from-attributes.ts';
import { windowInputCaption } from '../../src/view/padding-phrase.ts';

/** The window view (src/view/window-view.ts), a chunk loaded before the first render. */
const views = new LazyPart('the window view', () => import('../../src/view/window-view.ts'));

const FRAME_MS = 900;

/**
 * @summary The sliding window over the drawn input, frame by frame: padding cells, stride steps, dilated taps with their holes, and (transposed) the zero-inserted input with its k−1−p ring; the kernel is written on the covered cells and the output cell and matrix row are lit together.
 *
 * @attr input - input size (CLI syntax, as every shared attribute), e.g. `5x5`
 * @attr kernel - kernel size, e.g. `3x3`
 * @attr stride - stride per axis
 * @attr padding - padding (`1`, `same`, `1,2;0,1`…)
 * @attr dilation - dilation per axis
 * @attr transposed - boolean: draw the zero-insertion form (inserted zeros, the d(k−1)−p ring, cropping, output padding) and step through the rows of Kᵀ
 * @attr output-padding - output padding of a transposed convolution
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values, e.g. `[[0,1,2],[2,2,0],[0,1,2]]`
 * @attr inputs - input names or values, e.g. a 5×5 JSON array
 * @attr mode - `correlation` (default) or `convolution`
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode): padding cells show the input they copy
 * @attr layer - PyTorch layer code (`nn.Conv2d(1, 1, 3, stride=2)`), read and never run; sets every field but input, weights and inputs
 * @attr step - the current frame (0-based output index); reflects
 * @attr autoplay - boolean: start playing (ignored under prefers-reduced-motion)
 * @attr hide-matrix - boolean: do not show the matrix beside the window
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart controls - the play, pause and step buttons
 * @csspart input - the drawn input (one grid per channel)
 * @csspart output - the output grids; hovering or clicking an output cell moves the window there
 * @csspart grid - every drawn grid; `data-shape` is its shape, e.g. `6x6` (`2x3x3` for 3D, drawn as a row of slices)
 * @csspart cell - every drawn cell; `data-kind` is `input`, `padding`, `inserted` or `output`; a padding cell of `reflect`, `replicate` or `circular` mode also has `data-copies` (the name of the input it copies, e.g. `z2`, drawn faded in the cell) and `data-copies-src` (that input's flat index, the `data-src` of its cell), is labelled "padding, copies z2", and lights the copied cell (class `copied`) on hover or focus
 * @csspart summary - the summary shown instead of the drawing for a spec too large to draw
 * @csspart equation - the matrix with the current row lit
 * @csspart dot - the dot product of the current position
 * @csspart verdict - the check badge; `data-verdict` is `pass` or `fail`
 * @csspart figure-menu - the "Save figure" menu: Download SVG, Download animated SVG, Copy TikZ (drawn from the current spec by convmat/figure)
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, frames}`
 * @fires highlight - the frame changed; detail `{output, name, row, inputs}`
 *
 * @cssprop --conv-highlight - background of the current output cell and matrix row
 * @cssprop --conv-input-highlight - background of the covered input cells
 * @cssprop --conv-cell-size - side of one grid cell (default 2.4em)
 */
export class ConvWindowElement extends ConvElement<WindowView | SummaryView> {
  static override lazyParts = [...ConvElement.lazyParts, views];
  static override properties = {
    ...ConvElement.properties,
    step: { type: Number, reflect: true },
    autoplay: { type: Boolean, reflect: true },
    hideMatrix: { type: Boolean, reflect: true, attribute: 'hide-matrix' },
    playing: { state: true },
  };
  static override styles = [...ConvElement.styles, gridStyles, equationStyles, css`
    .stage { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; margin: 0.5rem 0; }
    .stage > div { min-width: 0; max-width: 100%; }
    .cell.on { background: var(--conv-input-highlight); border-color: var(--conv-pass); border-style: solid; }
    .cell.padding.on, .cell.inserted.on { color: var(--conv-fg); }
    .out .slice { grid-template-columns: repeat(var(--cols), minmax(var(--conv-cell-size), auto)); }
    .out .cell { padding: 0 0.3em; }
    .out .cell.on { background: var(--conv-highlight-strong); border-color: var(--conv-fg); }
    .sub { position: absolute; right: 2px; bottom: 0; font-size: 0.62em; color: var(--conv-accent); }
    .label { font-size: 0.85rem; color: var(--conv-muted); margin-bottom: 0.2rem; }
    .matrix { min-width: 0; max-width: 100%; }
    [part='controls'] { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
    :host(:focus-visible) { outline: 2px solid var(--conv-accent); }
  `];

  declare step?: number;
  declare autoplay?: boolean;
  declare hideMatrix?: boolean;
  declare playing: boolean;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sheet = new HighlightSheet();
  private onKeyBound = (e: KeyboardEvent) => this.onKey(e);

  constructor() {
    super();
    this.playing = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.addEventListener('keydown', this.onKeyBound);
    if (this.autoplay && !reducedMotion()) this.play();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyBound);
    this.pause();
  }


  /** The figure of the frame shown: Download SVG and Copy TikZ give this step. */
  protected override figureView(): FigureChoice { return { view: 'window', frame: this.step }; }

  protected compute(): WindowView | SummaryView {
    return views.get().windowView(this.specInput());
  }

  private frames(): number {
    const v = this.view;
    return v && !isSummary(v) ? v.eq.matrix.rows : 0;
  }

  protected override specChangeDetail(v: WindowView | SummaryView): Record<string, unknown> {
    return { spec: this.specInput(), frames: isSummary(v) ? 0 : v.eq.matrix.rows };
  }

  protected override onViewChanged(v: WindowView | SummaryView): void {
    if (isSummary(v)) return;
    // a new spec redraws the grids in the frame of the change; the matrix row keeps its drawing until the task after
    this.reveal.again(2);
    this.step = Math.min(Math.max(this.step ?? 0, 0), v.eq.matrix.rows - 1);
    this.active = this.step;
  }

  protected override firstUpdated(): void {
    this.sheet.attach(this.shadowRoot);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.step !== undefined) this.active = this.step;
  }

  protected override updated(changed: PropertyValues): void {
    const v = this.view;
    if (!v || isSummary(v)) { this.sheet.set(''); return; }
    this.sheet.set(v.eq.typeset ? equationHighlightCss(v.eq, this.step) : '');
    if (v.eq.typeset) revealRow(this.renderRoot, v.eq, this.step);
    if (changed.has('step') && this.step !== undefined) {
      const r = this.step;
      this.fire('highlight', { output: r, row: r, name: v.eq.outputNames[r], inputs: rowEntries(v.eq.matrix, r).cols, source: this.localName });
    }
  }

  /** Moves to frame `to`, wrapping around. */
  go(to: number): void {
    const frames = this.frames();
    if (frames === 0) return;
    this.step = ((to % frames) + frames) % frames;
  }

  play(): void {
    if (this.timer) return;
    this.playing = true;
    this.timer = setInterval(() => this.go((this.step ?? 0) + 1), FRAME_MS);
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
  }

  private onKey(e: KeyboardEvent): void {
    const frames = this.frames();
    const s = this.step ?? 0;
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? s + 1
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? s - 1
      : e.key === 'Home' ? 0 : e.key === 'End' ? frames - 1 : null;
    if (e.key === ' ' && e.target === this) {
      e.preventDefault();
      if (this.playing) this.pause(); else this.play();
      return;
    }
    if (to === null) return;
    e.preventDefault();
    this.pause();
    this.go(to);
  }

  protected renderView(v: WindowView | SummaryView): TemplateResult {
    if (isSummary(v)) return summaryTemplate(v);
    // the output grid and the dot product are typeset in the task after the input grid, the matrix in the next
    this.reveal.defer(2);
    const frames = v.eq.matrix.rows;
    const r = Math.min(checkIndex('step', this.step, this.getAttribute('step')) ?? 0, frames - 1);
    const covered = v.inputs.map(() => new Map<number, number>());
    for (const t of v.frames[r] ?? []) covered[t.channel]!.set(t.cell, t.tap);
    const line = outputLine(v.eq, r);
    const dot = views.get().dotTerms(v, r).map((t) => `${cellLatex(t.weight)} \\cdot ${cellLatex(t.input)}`).join(' + ') || '0';
    const cellText = (g: DrawnGrid, q: number) => {
      const src = g.source[q]!, copy = g.copies[q]!;
      const w = covered[g.channel]!.get(q);
      const own = src >= 0 ? texCell(v.inputCells[src]!) : copy >= 0 ? html`<span class="copy">${texCell(v.inputCells[copy]!)}</span>` : '0';
      return html`${own}${w !== undefined ? html`<span class="sub">${texCell(v.weightCells[w]!)}</span>` : nothing}`;
    };
    const on = (g: DrawnGrid, q: number) => (covered[g.channel]!.has(q) ? 'on' : '');
    const outCell = (g: DrawnGrid, q: number) => (this.reveal.shown(1) ? texCell(v.outputCells[g.source[q]!]!) : nothing);
    const outOn = (g: DrawnGrid, q: number) => (g.source[q] === r ? 'on' : '');
    return html`
      <div part="controls">
        <button @click=${() => { this.pause(); this.go(r - 1); }} aria-label="previous position">◀</button>
        <button @click=${() => (this.playing ? this.pause() : this.play())} aria-pressed=${this.playing}>${this.playing ? 'Pause' : 'Play'}</button>
        <button @click=${() => { this.pause(); this.go(r + 1); }} aria-label="next position">▶</button>
        <span class="caption">position ${r + 1} of ${frames} · arrow keys step</span>
      </div>
      <div class="stage">
        <div><div class="label">${this.inputCaption(v)}</div>
          <div part="input">${stackTemplate(v.inputs, (g) => gridTemplate(g, cellText, on, `input ${g.shape.join(' by ')}`, v.labels))}</div>
          ${legendTemplate(new Set(v.kinds), v.paddingMode)}</div>
        <div class="out"><div class="label">output</div>
          <div part="output" @click=${(e: Event) => this.pointOutput(e)} @pointerover=${(e: Event) => this.pointOutput(e)}>${stackTemplate(v.outputs, (g) => gridTemplate(g, outCell, outOn, 'output'))}</div></div>
        ${this.hideMatrix || !v.eq.typeset ? nothing : html`<div class="matrix"><div class="label">matrix row ${r + 1}</div>${this.reveal.part(2, () => equationTemplate(v.eq, false), pendingPart)}</div>`}
      </div>
      <div class="caption" part="dot">${this.reveal.shown(1) ? texMathmlLater(v.numeric ? `${dot} = ${cellLatex(v.outputCells[r]!)}` : line.tex) : nothing}</div>
      ${verdictTemplate(v.verdict)}
      ${liveRegion(`Position ${r + 1} of ${frames}: ${line.text}`)}`;
  }

  /** Clicking or hovering an output cell moves the window there (and stops playing). */
  private pointOutput(e: Event): void {
    const cell = (e.composedPath() as Element[]).find((n) => n instanceof Element && n.getAttribute('part') === 'cell');
    if (!cell) return;
    const to = Number(cell.getAttribute('data-src'));
    if (e.type !== 'click' && to === this.step) return;
    this.pause();
    this.go(to);
  }

  private inputCaption(v: WindowView): string {
    return windowInputCaption(v.padding, v.transposed);
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
