import { css, html, nothing, type TemplateResult } from 'lit';
import type { CheckerboardView, OverlapPlot } from '../../src/view/checkerboard-view.ts';
import type { FigureChoice } from '../shared/figure-menu.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { overflowCueStyles, scrollBox } from '../shared/overflow-cue.ts';
import { type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { simpleVerdict } from '../shared/verdict.ts';

/** The overlap counts: a chunk loaded before the first render. */
const engine = new LazyPart('the overlap view', () => import('./overlap-engine.ts'));

/**
 * @summary Overlap counts of a transposed convolution — the checkerboard — as a bar strip (1D) or heat map (2D), next to resize-then-convolve.
 *
 * @attr kernel - kernel size, e.g. `3` or `3x3` (default 3); a comma list gives one value per layer of a stack of transposed convolutions (`3,2`)
 * @attr stride - stride (default 2), one value or a comma list, one per layer
 * @attr dilation - dilation (default 1), one value or a comma list, one per layer
 * @attr layers - number of layers when no attribute is a comma list (default 1; at most 64, lists too)
 * @attr input - input size of the (first) transposed convolution; default: long enough to show a full period
 * @attr padding - padding of every layer
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart transposed - the overlap counts of the transposed convolution
 * @csspart resized - the taps per output of resize-then-convolve
 * @csspart pattern - the finding: even or uneven overlap
 * @csspart verdict - the divisibility rule agrees with the counts; `data-verdict` is `pass` or `fail`
 * @csspart figure-menu - the "Save figure" menu: Download SVG, Download animated SVG, Copy TikZ (drawn from the current spec by convmat/figure)
 * @csspart error - the inline message for an invalid attribute
 * @csspart summary - shown instead of the counts when they are too many to count or draw without a freeze: the levels and the rule per layer
 *
 * @fires spec-change - the spec was accepted; detail `{spec, uniform}`
 * @fires highlight - an output position was hovered; detail `{output, count}`
 *
 * @cssprop --conv-bar - colour of the bars and heat map
 */
export class ConvCheckerboardElement extends ConvElement<CheckerboardView | SummaryView> {
  static override styles = [...ConvElement.styles, overflowCueStyles, css`
    :host { --conv-bar: var(--conv-accent); }
    .row { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
    .row > section { min-width: 0; max-width: 100%; }
    .scroll { max-width: 100%; overflow-x: auto; padding-bottom: 2px; }
    h3 { font-size: 0.95rem; margin: 0.2rem 0; font-weight: 600; }
    .strip { display: flex; width: max-content; align-items: flex-end; gap: 2px; height: 6rem; border-bottom: 1px solid var(--conv-fg); }
    .bar { flex: none; width: 1.4rem; background: var(--conv-bar); color: var(--conv-bg); font-size: 0.75rem; text-align: center; border-radius: 2px 2px 0 0; }
    .heat { display: grid; width: max-content; gap: 1px; grid-template-columns: repeat(var(--cols), 1.5rem); }
    .heat span { height: 1.5rem; display: flex; align-items: center; justify-content: center; font-size: 0.7rem; border-radius: 2px; }
    .heat span { background: color-mix(in srgb, var(--conv-bar) var(--p), var(--conv-bg)); }
    [part='pattern'] { margin: 0.4rem 0; }
  `];

  static override properties = { ...ConvElement.properties, layers: { type: String, reflect: true } };
  static override inputKeys = [...ConvElement.inputKeys, 'layers'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  declare layers?: string;

  protected override needsParser(): boolean { return false; }

  /** No figure for its layers attribute: renderFigure draws what the spec flags say, and they have no such field. */
  protected override figureView(): FigureChoice | null { return this.layers !== undefined ? null : { view: 'checkerboard' }; }

  protected compute(): CheckerboardView | SummaryView {
    rejectUnused(this.localName, this as SpecAttributes, ['input', 'kernel', 'stride', 'dilation', 'padding', 'transposed']);
    return engine.get().checkerboardView({
      kernel: this.kernel, stride: this.stride, dilation: this.dilation, padding: this.padding, layers: this.layers, input: this.input,
    });
  }

  protected override specChangeDetail(v: CheckerboardView | SummaryView): Record<string, unknown> {
    return { spec: this.specInput(), uniform: isSummary(v) ? null : v.uniform };
  }

  /** One listener per plot: the hovered cell is the plot's child at the output's position. */
  private hover(e: Event, p: OverlapPlot): void {
    const cell = e.target as Element;
    if (cell.parentElement !== e.currentTarget) return;
    const i = Array.prototype.indexOf.call(cell.parentElement!.children, cell) as number;
    this.setActive({ output: i, count: p.values[i] });
  }

  private plot(p: OverlapPlot): TemplateResult {
    const over = (e: Event) => this.hover(e, p);
    if (p.shape.length === 1) {
      return html`<div class="strip" role="img" aria-label=${`${p.label}: ${p.values.join(', ')}`} @pointerover=${over}>${p.values.map((c) => html`<div class="bar"
        style="height:${(c / p.max) * 100}%">${c}</div>`)}</div>`;
    }
    return html`<div class="heat" style="--cols:${p.shape[p.shape.length - 1]}" role="img" aria-label=${p.label} @pointerover=${over}>${p.values.map((c) => html`<span
      style="--p:${Math.round((c / p.max) * 100)}%;color:${c / p.max > 0.55 ? 'var(--conv-bg)' : 'var(--conv-fg)'}">${c}</span>`)}</div>`;
  }

  /** The active output's outline: one rule, so a hover re-renders no cell. */
  private activeStyle(): TemplateResult | typeof nothing {
    const a = this.active;
    return a === undefined ? nothing : html`<style>.strip > :nth-child(${a + 1}), .heat > :nth-child(${a + 1}) { outline: 2px solid var(--conv-fg); }</style>`;
  }

  protected renderView(v: CheckerboardView | SummaryView): TemplateResult {
    if (isSummary(v)) return summaryTemplate(v);
    return html`${this.activeStyle()}<div class="row" @pointerleave=${() => this.setActive({ output: null })}>
        <section part="transposed"><h3>${v.transposed.title}</h3>${scrollBox(html`<div>${this.plot(v.transposed)}</div>`)}</section>
        ${v.resized ? html`<section part="resized"><h3>${v.resized.title}</h3>${scrollBox(html`<div>${this.plot(v.resized)}</div>`)}</section>` : nothing}
      </div>
      <div part="pattern">${v.pattern}</div>
      ${v.verdicts.map((x) => simpleVerdict(x.pass, x.text))}
      ${v.caption ? html`<p class="caption">${v.caption}</p>` : nothing}`;
  }
}
