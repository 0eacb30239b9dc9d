import { css, html, nothing, type TemplateResult } from 'lit';
import type { DrawnGrid } from '../../src/view/grid.ts';
import { outputLine, rowEntries } from '../../src/view/equation.ts';
import type { TransposedView } from '../../src/view/transposed-view.ts';
import type { FigureChoice } from '../shared/figure-menu.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { pendingPart } from '../shared/error-template.ts';
import { paddingPhrase } from '../../src/view/padding-phrase.ts';
import { gridStyles, gridTemplate, legendTemplate, stackTemplate } from '../shared/grid-drawing.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { type CellMarkup, highlightRule, texCell } from '../shared/katex-block.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { equationHighlightCss, equationStyles, equationTemplate, liveRegion, rowAt } from '../shared/matrix-equation.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { verdictTemplate } from '../shared/verdict.ts';

/** The transposed view (src/view/transposed-view.ts), a chunk loaded before the first render. */
const views = new LazyPart('the transposed view', () => import('../../src/view/transposed-view.ts'));

/**
 * @summary The three equivalent forms of a transposed convolution side by side — Kᵀ·x, scatter, and zero insertion with a flipped kernel — each checked and linked by hover.
 *
 * @attr input - size of the transposed convolution's input, e.g. `4` or `2x2` (CLI syntax)
 * @attr kernel - kernel size
 * @attr stride - stride (the step between scattered copies in the output)
 * @attr padding - padding of the matching regular convolution
 * @attr dilation - dilation
 * @attr output-padding - extra output samples, smaller than max(stride, dilation)
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values
 * @attr inputs - input names or values, e.g. `z7,z8,z9,z10`
 * @attr mode - `correlation` (default) or `convolution`
 * @attr padding-mode - only `zeros`, as in PyTorch's ConvTranspose layers; another mode is shown as an error
 * @attr layer - PyTorch layer code (`nn.Conv2d(1, 1, 3, stride=2)`), read and never run; sets every field but input, weights and inputs
 * @attr transposed - ignored: this element is always transposed
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 * @attr active - flat index of the highlighted output
 *
 * @csspart matrix-form - the Kᵀ·x equation
 * @csspart scatter-form - the input grid, each input's scaled kernel copy placed in the output, and their overlapping sum
 * @csspart zero-insertion-form - the zero-inserted input with its padding ring (or cropping), the flipped kernel and the result
 * @csspart grid - every drawn grid; `data-shape` is its shape (`3x3`)
 * @csspart cell - every drawn cell; `data-kind` is `input`, `padding`, `inserted` or `output`
 * @csspart copy - one input's scaled kernel copy, placed in the output
 * @csspart summary - the summary shown instead of the forms for a spec too large to draw
 * @csspart equation - the typeset Kᵀ equation
 * @csspart verdict - one badge per alternative form; `data-verdict` is `pass` or `fail`
 * @csspart figure-menu - the "Save figure" menu: Download SVG, Download animated SVG, Copy TikZ (drawn from the current spec by convmat/figure)
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, outputs}`
 * @fires highlight - an output was hovered; detail `{output, name, row, inputs}`; hovering an input lights its copy
 *
 * @cssprop --conv-highlight - background of the highlighted output in every form
 * @cssprop --conv-highlight-strong - background of the inputs it reads
 */
export class ConvTransposedElement extends ConvElement<TransposedView | SummaryView> {
  static override lazyParts = [...ConvElement.lazyParts, views];
  static override styles = [...ConvElement.styles, gridStyles, equationStyles, css`
    :host { --conv-cell-size: 2.1em; }
    .forms { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
    .form { border: 1px solid var(--conv-border); border-radius: var(--conv-radius); padding: 0.5rem 0.75rem; min-width: 0; max-width: 100%; box-sizing: border-box; }
    h3 { font-size: 0.95rem; margin: 0 0 0.4rem; font-weight: 600; }
    .row { display: flex; gap: 0.9rem; flex-wrap: wrap; align-items: flex-start; }
    .copies { display: flex; gap: 0.5rem; flex-wrap: wrap; --conv-cell-size: 1.9em; font-size: 0.8rem; }
    .copy { border: 1px solid transparent; border-radius: 4px; padding: 0.15rem; }
    .copy .cell.empty { border-color: transparent; background: color-mix(in srgb, var(--conv-border) 25%, transparent); }
    .cell.output, .cell.input { padding: 0.1em 0.25em; min-width: min-content; width: auto; height: auto; min-height: var(--conv-cell-size); text-align: center; overflow: visible; }
    .row > div { position: relative; max-width: 100%; overflow-x: auto; }
    .copies { position: relative; max-width: 100%; overflow-x: auto; }
    .slice { grid-template-columns: repeat(var(--cols), minmax(var(--conv-cell-size), auto)); flex: 0 1 auto; }
    .cell[data-overlap='2'] { box-shadow: inset 0 0 0 2px color-mix(in srgb, var(--conv-accent) 35%, transparent); }
    .cell[data-overlap='3'], .cell[data-overlap='4'] { box-shadow: inset 0 0 0 3px color-mix(in srgb, var(--conv-accent) 55%, transparent); }
    .label { font-size: 0.8rem; color: var(--conv-muted); margin: 0.2rem 0; }
  `];

  private sheet = new HighlightSheet();
  /** the input whose scaled copy is lit, or null */
  private copyLit: number | null = null;


  protected override figureView(): FigureChoice { return { view: 'transposed' }; }

  protected compute(): TransposedView | SummaryView {
    return views.get().transposedView(this.specInput());
  }

  protected override specChangeDetail(f: TransposedView | SummaryView): Record<string, unknown> {
    return { spec: { ...this.specInput(), transposed: true }, outputs: isSummary(f) ? 0 : f.outputs.length };
  }

  protected override firstUpdated(): void {
    this.sheet.attach(this.shadowRoot);
  }

  /** A new spec redraws Kᵀ·x in the frame of the change; the scatter and zero-insertion forms keep their drawing until the next two tasks. */
  protected override onViewChanged(): void {
    this.reveal.again(1);
  }

  protected override updated(): void {
    this.paintHighlights();
  }

  /** Highlights are one stylesheet: the active output in all three forms, its window, and the lit copy. */
  private paintHighlights(): void {
    const f = this.view;
    if (!f || isSummary(f)) { this.sheet.set(''); return; }
    let css = '';
    const a = this.active;
    if (a !== undefined && a >= 0 && a < f.outputs.length) {
      const covered = (f.frames[a] ?? []).map((t) => `.zi [data-channel="${t.channel}"] [data-q="${t.cell}"]`);
      css += equationHighlightCss(f.eq, a) + highlightRule([`[data-out="${a}"]`, `[part="cell"]:has(> [data-out="${a}"])`], 'var(--conv-highlight)')
        + highlightRule(covered, 'var(--conv-input-highlight)');
    }
    const c = this.copyLit;
    if (c !== null && f.copies[c]) {
      css += highlightRule([`.copy[data-in="${c}"]`, `.sum [part="cell"]:has(> [data-copies~="${c}"])`, `.inp [part="cell"]:has(> [data-in="${c}"])`], 'var(--conv-highlight-strong)');
    }
    this.sheet.set(css);
  }

  private hover(e: Event): void {
    const f = this.view;
    if (!f || isSummary(f)) return;
    const path = e.composedPath() as Element[];
    const tagged = (attr: string) => path.find((n) => n instanceof Element && n.hasAttribute(attr))?.getAttribute(attr) ?? null;
    const inp = tagged('data-in');
    this.copyLit = inp === null ? null : Number(inp);
    const out = rowAt(e) ?? (tagged('data-out') !== null ? Number(tagged('data-out')) : null);
    if (out !== null) this.setActive({ output: out, row: out, name: f.eq.outputNames[out], inputs: rowEntries(f.eq.matrix, out).cols });
    this.paintHighlights();
  }

  private leave(): void {
    this.copyLit = null;
    this.setActive({ output: null });
    this.paintHighlights();
  }

  protected renderView(f: TransposedView | SummaryView): TemplateResult {
    if (isSummary(f)) return summaryTemplate(f);
    // the scatter and zero-insertion forms are typeset in the two tasks after the matrix form (after a new spec too: onViewChanged)
    this.reveal.defer(2);
    const a = this.active;
    const line = a !== undefined && a >= 0 && a < f.outputs.length ? outputLine(f.eq, a) : null;
    return html`<div class="forms" @pointerover=${(e: Event) => this.hover(e)} @pointerleave=${() => this.leave()}>
      <section class="form" part="matrix-form"><h3>1 · Kᵀ times the input</h3>
        ${f.eq.typeset ? equationTemplate(f.eq, true) : html`<p class="caption">Kᵀ is ${f.eq.matrix.rows} × ${f.eq.matrix.cols}; see &lt;conv-matrix&gt; for its structure.</p>`}
      </section>
      <section class="form" part="scatter-form"><h3>2 · Scatter: the filter scaled by each input, placed and summed</h3>
        ${this.reveal.part(1, () => html`${this.scatter(f)}
        ${verdictTemplate(f.reports.scatter)}`, pendingPart)}
      </section>
      <section class="form" part="zero-insertion-form"><h3>3 · Zero insertion, flipped kernel, stride 1</h3>
        ${this.reveal.part(2, () => html`${this.zeroInsertion(f)}
        ${verdictTemplate(f.reports.zeroInsertion)}`, pendingPart)}
      </section>
    </div>
    <p class="caption">The weights of a transposed convolution are learned: they are not the values of the transpose of some other layer's matrix.</p>
    ${liveRegion(line?.text ?? '')}`;
  }

  /** Output grids whose cells carry data-out (and their overlap), with `content` in each. */
  private outputGrid(f: TransposedView, content: (o: number) => CellMarkup | string, extra = ''): TemplateResult {
    const covering = f.covering;
    return stackTemplate(f.output, (g) => gridTemplate(g, (gr, q) => {
      const o = gr.source[q]!;
      return html`<span data-out=${o} data-overlap=${f.overlap[o]!} data-copies=${covering?.[o] ?? ''}>${content(o)}</span>`;
    }, undefined, `${extra}output ${g.shape.join(' by ')}`));
  }

  private scatter(f: TransposedView): TemplateResult {
    const inputGrid = stackTemplate(f.input, (g) => gridTemplate(g, (gr: DrawnGrid, q: number) =>
      html`<span data-in=${gr.source[q]!}>${texCell(f.inputs[gr.source[q]!]!)}</span>`, undefined, 'input'));
    const copies = f.drawCopies ? html`<div class="label">each input's copy of the kernel, scaled by it and placed at stride ${f.stride.join('×')} (hover an input to light its copy):</div>
      <div class="copies">${f.copies.map((c, i) => {
        const at = new Map(c.outputs.map((o, k) => [o, c.cells[k]!]));
        return html`<div class="copy" part="copy" data-in=${i}>${stackTemplate(f.output, (g) => gridTemplate(g, (gr, q) => {
          const t = at.get(gr.source[q]!);
          return t === undefined ? '' : texCell(t);
        }, (gr, q) => (at.has(gr.source[q]!) ? '' : 'empty'), `copy of input ${i + 1}`))}</div>`;
      })}</div>` : html`<p class="caption">${f.copies.length} copies overlap in the output; hover an input to light its copy in the sum.</p>`;
    return html`<div class="row">
        <div class="inp"><div class="label">input</div>${inputGrid}</div>
        <div class="sum"><div class="label">sum of the overlapping copies (thicker edge: more overlap)</div>${this.outputGrid(f, (o) => texCell(f.scatter[o]!), 'sum ')}</div>
      </div>${copies}`;
  }

  private zeroInsertion(f: TransposedView): TemplateResult {
    const zi = stackTemplate(f.zeroInserted, (g) => gridTemplate(g, (gr, q) => (gr.source[q]! >= 0 ? texCell(f.inputs[gr.source[q]!]!) : '0'), undefined, 'zero-inserted input'));
    const k = f.flippedKernel;
    const kernelShape = f.kernel;
    return html`<div class="caption">s − 1 zeros between samples, then d(k−1) − p: ${paddingPhrase(f.padding)}${f.outputPadded ? ' (output padding adds after)' : ''}:</div>
      <div class="row"><div class="zi">${zi}${legendTemplate(new Set(f.zeroInserted[0]?.kinds ?? []))}</div>
      ${k ? html`<div><div class="label">flipped kernel</div><div class="slice kernel" style="--cols:${kernelShape[kernelShape.length - 1]}" role="group" aria-label="flipped kernel">${k.map((t) => html`<div class="cell">${texCell(t)}</div>`)}</div></div>` : nothing}
      <div><div class="label">result (stride 1)</div>${this.outputGrid(f, (o) => texCell(f.zeroResult[o]!), 'result ')}</div></div>`;
  }
}
