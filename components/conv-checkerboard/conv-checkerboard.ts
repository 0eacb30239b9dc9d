import { ViewBudget } from '../shared/view-budget.ts';
import { css, html, nothing, type TemplateResult } from 'lit';
import { forEachTap } from '../../src/geometry/index-map.ts';
import { layerAxes, layersOfSpec } from '../../src/geometry/layer-stack.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { simpleVerdict } from '../shared/verdict.ts';

interface LayerRule {
  k: number[];
  s: number[];
  d: number[];
  /** the rule "s divides k and gcd(s, d) = 1" on every axis */
  predicted: boolean;
  /** the layer's own interior counts are even */
  uniform: boolean;
}

interface CheckerboardView {
  layers: LayerRule[];
  shape: number[];
  counts: number[];
  uniform: boolean;
  interiorValues: number[];
  /** one layer: taps per output of nearest-neighbour resize then a stride 1 "same" convolution, same output shape */
  resized: number[] | null;
}

/** The overlap counts: a chunk loaded before the first render. */
const engine = new LazyPart('the overlap analysis', () => import('./overlap-engine.ts'));

/**
 * @summary Overlap counts of a transposed convolution — the checkerboard — as a bar strip (1D) or heat map (2D), next to resize-then-convolve.
 *
 * @attr kernel - kernel size, e.g. `3` or `3x3` (default 3); a comma list gives one value per layer of a stack of transposed convolutions (`3,2`)
 * @attr stride - stride (default 2), one value or a comma list, one per layer
 * @attr dilation - dilation (default 1), one value or a comma list, one per layer
 * @attr layers - number of layers when no attribute is a comma list (default 1)
 * @attr input - input size of the (first) transposed convolution; default: long enough to show a full period
 * @attr padding - padding of every layer
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart transposed - the overlap counts of the transposed convolution
 * @csspart resized - the taps per output of resize-then-convolve
 * @csspart pattern - the finding: even or uneven overlap
 * @csspart verdict - the divisibility rule agrees with the counts; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, uniform}`
 * @fires highlight - an output position was hovered; detail `{output, count}`
 *
 * @cssprop --conv-bar - colour of the bars and heat map
 */
export class ConvCheckerboardElement extends ConvElement<CheckerboardView> {
  static override styles = [...ConvElement.styles, css`
    :host { --conv-bar: var(--conv-accent); }
    .row { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
    h3 { font-size: 0.95rem; margin: 0.2rem 0; font-weight: 600; }
    .strip { display: flex; align-items: flex-end; gap: 2px; height: 6rem; border-bottom: 1px solid var(--conv-fg); }
    .bar { width: 1.4rem; background: var(--conv-bar); color: var(--conv-bg); font-size: 0.75rem; text-align: center; border-radius: 2px 2px 0 0; }
    .heat { display: grid; gap: 1px; grid-template-columns: repeat(var(--cols), 1.5rem); }
    .heat span { height: 1.5rem; display: flex; align-items: center; justify-content: center; font-size: 0.7rem; border-radius: 2px; }
    [data-on] { outline: 2px solid var(--conv-fg); }
    [part='pattern'] { margin: 0.4rem 0; }
  `];

  static override properties = { ...ConvElement.properties, layers: { type: String, reflect: true } };
  static override inputKeys = [...ConvElement.inputKeys, 'layers'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  declare layers?: string;

  protected override needsParser(): boolean { return false; }

  private budget = new ViewBudget(this, { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 }, 'the overlap counts');

  protected compute(): CheckerboardView {
    this.budget.guard({ input: this.input });
    rejectUnused(this.localName, this as SpecAttributes, ['input', 'kernel', 'stride', 'dilation', 'padding', 'transposed']);
    const stack = layersOfSpec({
      kernel: this.kernel, stride: this.stride, dilation: this.dilation, padding: this.padding, layers: this.layers,
    }, { kernel: 3, stride: 2 }, 1);
    const dims = this.input === undefined ? undefined : normalizeSpec({ input: this.input, kernel: 1 }).dims;
    const { checkerboard, predictsUniformOverlap, stackOverlapCounts } = engine.get();
    const axes = layerAxes(stack, dims, 'lists');
    const counted = stackOverlapCounts(stack, this.input);
    const layers = axes.map(({ k, s, d }) => ({
      k, s, d, predicted: k.every((x, a) => predictsUniformOverlap(x, s[a]!, d[a]!)), uniform: checkerboard({ kernel: k, stride: s, dilation: d }).uniform,
    }));
    let resized: number[] | null = null;
    if (stack.length === 1) {
      const alt = normalizeSpec({ input: counted.shape, kernel: axes[0]!.k, padding: 'same' });
      resized = new Array<number>(counted.counts.length).fill(0);
      forEachTap(alt, (row) => { resized![row]!++; });
    }
    return { layers, shape: counted.shape, counts: counted.counts, uniform: counted.uniform, interiorValues: counted.interiorValues, resized };
  }

  protected override specChangeDetail(v: CheckerboardView): Record<string, unknown> {
    return { spec: this.specInput(), uniform: v.uniform };
  }

  private hover(i: number, count: number): void {
    this.setActive({ output: i, count });
  }

  private plot(values: readonly number[], shape: readonly number[], label: string): TemplateResult {
    const max = Math.max(1, ...values);
    if (shape.length === 1) {
      return html`<div class="strip" role="img" aria-label=${`${label}: ${values.join(', ')}`}>${values.map((c, i) => html`<div class="bar"
        style="height:${(c / max) * 100}%" ?data-on=${this.active === i} @pointerover=${() => this.hover(i, c)}>${c}</div>`)}</div>`;
    }
    return html`<div class="heat" style="--cols:${shape[shape.length - 1]}" role="img" aria-label=${label}>${values.map((c, i) => html`<span
      style="background:color-mix(in srgb, var(--conv-bar) ${Math.round((c / max) * 100)}%, var(--conv-bg));color:${c / max > 0.55 ? 'var(--conv-bg)' : 'var(--conv-fg)'}"
      ?data-on=${this.active === i} @pointerover=${() => this.hover(i, c)}>${c}</span>`)}</div>`;
  }

  protected renderView(v: CheckerboardView): TemplateResult {
    const axes = (xs: readonly number[]) => xs.join('×');
    const one = v.layers.length === 1 ? v.layers[0]! : null;
    const title = one
      ? `transposed convolution, k = ${axes(one.k)}, s = ${axes(one.s)}${one.d.some((d) => d > 1) ? `, d = ${axes(one.d)}` : ''}`
      : `${v.layers.length} transposed convolutions, k = ${v.layers.map((l) => axes(l.k)).join(', ')}, s = ${v.layers.map((l) => axes(l.s)).join(', ')}`;
    const pattern = v.uniform
      ? `Even overlap: every interior output receives ${v.interiorValues[0]} ${one ? 'taps' : 'paths of taps'}.`
      : `Uneven overlap (${listing(v.interiorValues)} ${one ? 'taps' : 'paths'}): a checkerboard pattern.`;
    return html`<div class="row" @pointerleave=${() => this.setActive({ output: null })}>
        <section part="transposed"><h3>${title}</h3>${this.plot(v.counts, v.shape, 'overlap counts')}</section>
        ${v.resized && one ? html`<section part="resized"><h3>resize ×${axes(one.s)} (nearest), then a stride 1 "same" convolution</h3>${this.plot(v.resized, v.shape, 'taps per output')}</section>` : nothing}
      </div>
      <div part="pattern">${pattern}</div>
      ${one ? ruleVerdict(one, v.uniform) : html`${v.layers.map((l, i) => ruleVerdict(l, l.uniform, `layer ${i + 1}: `))}
        <p class="caption">The rule is stated for one layer; a later layer can even out (or not) the pattern of an earlier one, so the stack's counts are shown as counted.</p>`}`;
  }
}

/** The verdict of the divisibility rule against counted overlap. */
function ruleVerdict(l: LayerRule, uniform: boolean, prefix = ''): TemplateResult {
  const even = (b: boolean) => (b ? 'even' : 'uneven');
  return l.predicted === uniform
    ? simpleVerdict(true, `${prefix}rule "s divides k (and gcd(s, d) = 1)" predicts ${even(l.predicted)} overlap, and the counts agree`)
    : simpleVerdict(false, `${prefix}the rule predicts ${even(l.predicted)} overlap but the counts are ${even(uniform)}`);
}

/** 1 and 2; 1, 2 and 4 */
function listing(xs: readonly number[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
