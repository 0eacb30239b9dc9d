import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { describeReport, type EquivalenceReport } from '../../src/check/equivalence.ts';
import { ConvElement, pendingPart } from '../shared/conv-element.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { tex } from '../shared/katex-block.ts';
import { inputTex, outputTex, productTex, rowEntries, weightTex } from '../shared/matrix-data.ts';
import { type EquationData, equationData, equationHighlightCss, equationTemplate, liveRegion, outputLine } from '../shared/matrix-equation.ts';
import { verdictTemplate } from '../shared/verdict.ts';
import { checkIndex } from '../shared/spec-from-attributes.ts';

interface WindowView {
  eq: EquationData;
  report: EquivalenceReport;
  inputCells: string[];
  outputCells: string[];
  weightCells: string[];
  /** grid widths: the last axis of the input and of the output */
  inputWidth: number;
  outputWidth: number;
}

const FRAME_MS = 900;

/**
 * @summary The sliding window over a 1D or 2D input, frame by frame, with the kernel written on the covered cells and the output cell and matrix row lit together.
 *
 * @attr input - input size (CLI syntax, as every shared attribute), e.g. `5x5`
 * @attr kernel - kernel size, e.g. `3x3`
 * @attr stride - stride per axis
 * @attr padding - padding (`1`, `same`, `1,2;0,1`…)
 * @attr dilation - dilation per axis
 * @attr transposed - boolean: step through the rows of Kᵀ
 * @attr output-padding - output padding of a transposed convolution
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values, e.g. `[[0,1,2],[2,2,0],[0,1,2]]`
 * @attr inputs - input names or values, e.g. a 5×5 JSON array
 * @attr mode - `correlation` (default) or `convolution`
 * @attr step - the current frame (0-based output index); reflects
 * @attr autoplay - boolean: start playing (ignored under prefers-reduced-motion)
 * @attr hide-matrix - boolean: do not show the matrix beside the window
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart controls - the play, pause and step buttons
 * @csspart input - the input grid
 * @csspart output - the output grid
 * @csspart equation - the matrix with the current row lit
 * @csspart dot - the dot product of the current position
 * @csspart verdict - the check badge; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, frames}`
 * @fires highlight - the frame changed; detail `{output, name, row, inputs}`
 *
 * @cssprop --conv-highlight - background of the current output cell and matrix row
 * @cssprop --conv-input-highlight - background of the covered input cells
 * @cssprop --conv-cell-size - side of one grid cell (default 2.4em)
 */
export class ConvWindowElement extends ConvElement<WindowView> {
  static override properties = {
    ...ConvElement.properties,
    step: { type: Number, reflect: true },
    autoplay: { type: Boolean, reflect: true },
    hideMatrix: { type: Boolean, reflect: true, attribute: 'hide-matrix' },
    playing: { state: true },
  };
  static override styles = [...ConvElement.styles, css`
    :host { --conv-cell-size: 2.4em; }
    .stage { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; margin: 0.5rem 0; }
    .grid { display: grid; gap: 2px; grid-template-columns: repeat(var(--cols), var(--conv-cell-size)); }
    .cell { position: relative; height: var(--conv-cell-size); border: 1px solid var(--conv-border);
      display: flex; align-items: center; justify-content: center; transition: background 150ms; }
    .cell.on { background: var(--conv-input-highlight); border-color: var(--conv-pass); }
    .out .grid { grid-template-columns: repeat(var(--cols), minmax(var(--conv-cell-size), auto)); }
    .out .cell { padding: 0 0.3em; }
    .out .cell.on { background: var(--conv-highlight-strong); border-color: var(--conv-fg); }
    .sub { position: absolute; right: 2px; bottom: 0; font-size: 0.62em; color: var(--conv-accent); }
    .label { font-size: 0.85rem; color: var(--conv-muted); margin-bottom: 0.2rem; }
    [part='controls'] { display: flex; gap: 0.4rem; align-items: center; }
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

  /** The output grid and the dot product are typeset in the task after the input grid, the matrix in the next. */
  protected override deferredParts = 2;

  protected compute(): WindowView {
    const spec = normalizeSpec(this.specInput());
    const check = checkMatrix(spec);
    const eq = equationData(spec, check.matrix, check.product);
    return {
      eq, report: check.report,
      inputCells: inputTex(spec), weightCells: weightTex(spec),
      outputCells: check.product.every((p) => p.constantValue() !== undefined) ? productTex(spec, check.product) : outputTex(spec),
      inputWidth: spec.input[spec.dims - 1]!, outputWidth: spec.output[spec.dims - 1]!,
    };
  }

  protected override specChangeDetail(v: WindowView): Record<string, unknown> {
    return { spec: this.specInput(), frames: v.eq.matrix.rows };
  }

  protected override onViewChanged(v: WindowView): void {
    const frames = v.eq.matrix.rows;
    this.step = Math.min(Math.max(this.step ?? 0, 0), frames - 1);
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
    if (!v) return;
    this.sheet.set(v.eq.typeset ? equationHighlightCss(v.eq, this.step) : '');
    if (changed.has('step') && this.step !== undefined) {
      const r = this.step;
      this.fire('highlight', { output: r, row: r, name: v.eq.spec.outputNames[r], inputs: rowEntries(v.eq.matrix, r).cols, source: this.localName });
    }
  }

  /** Moves to frame `to`, wrapping around. */
  go(to: number): void {
    const frames = this.view?.eq.matrix.rows ?? 0;
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
    const frames = this.view?.eq.matrix.rows ?? 0;
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

  protected renderView(v: WindowView): TemplateResult {
    const frames = v.eq.matrix.rows;
    const r = Math.min(checkIndex('step', this.step, this.getAttribute('step')) ?? 0, frames - 1);
    const { cols, taps } = rowEntries(v.eq.matrix, r);
    const covered = new Map(cols.map((c, k) => [c, taps[k]!]));
    const line = outputLine(v.eq, r);
    const numeric = v.eq.spec.weightNames === null && v.eq.spec.inputNames === null;
    const dot = taps.map((t, k) => `${v.weightCells[t]} \\cdot ${v.inputCells[cols[k]!]}`).join(' + ') || '0';
    return html`
      <div part="controls">
        <button @click=${() => { this.pause(); this.go(r - 1); }} aria-label="previous position">◀</button>
        <button @click=${() => (this.playing ? this.pause() : this.play())} aria-pressed=${this.playing}>${this.playing ? 'Pause' : 'Play'}</button>
        <button @click=${() => { this.pause(); this.go(r + 1); }} aria-label="next position">▶</button>
        <span class="caption">position ${r + 1} of ${frames} · arrow keys step</span>
      </div>
      <div class="stage">
        <div><div class="label">input (kernel entries written on the covered cells)</div>
          <div class="grid" part="input" style="--cols:${v.inputWidth}">
            ${v.inputCells.map((t, i) => html`<div class="cell ${covered.has(i) ? 'on' : ''}" data-index=${i}>${tex(t)}${
              covered.has(i) ? html`<span class="sub">${tex(v.weightCells[covered.get(i)!]!)}</span>` : nothing}</div>`)}
          </div></div>
        <div class="out"><div class="label">output</div>
          <div class="grid" part="output" style="--cols:${v.outputWidth}">
            ${v.outputCells.map((t, o) => html`<div class="cell ${o === r ? 'on' : ''}" data-index=${o}
              @click=${() => { this.pause(); this.go(o); }}>${this.shown(1) ? tex(t) : nothing}</div>`)}
          </div></div>
        ${this.hideMatrix || !v.eq.typeset ? nothing : html`<div><div class="label">matrix row ${r + 1}</div>${this.shown(2) ? equationTemplate(v.eq, false) : pendingPart}</div>`}
      </div>
      <div class="caption" part="dot">${this.shown(1) ? tex(numeric ? `${dot} = ${v.outputCells[r]}` : line.tex) : nothing}</div>
      ${verdictTemplate(v.report, describeReport(v.report))}
      ${liveRegion(`Position ${r + 1} of ${frames}: ${line.text}`)}`;
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
