import { ViewBudget } from '../shared/view-budget.ts';
import { css, html, type TemplateResult } from 'lit';
import { checkerboard, isUniformAwayFromBorders, overlapCounts, predictsUniformOverlap } from '../../src/analysis/overlap.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { broadcast, parsePerAxis } from '../../src/geometry/spec-fields.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { rowEntries } from '../../src/view/matrix-view.ts';
import { simpleVerdict } from '../shared/verdict.ts';

interface CheckerboardView {
  k: number[];
  s: number[];
  d: number[];
  shape: number[];
  counts: number[];
  uniform: boolean;
  interiorValues: number[];
  predicted: boolean;
  /** taps per output of nearest-neighbour resize then a stride 1 "same" convolution, same output shape */
  resized: number[];
}

/**
 * @summary Overlap counts of a transposed convolution — the checkerboard — as a bar strip (1D) or heat map (2D), next to resize-then-convolve.
 *
 * @attr kernel - kernel size, e.g. `3` or `3x3` (default 3)
 * @attr stride - stride (default 2)
 * @attr dilation - dilation (default 1)
 * @attr input - input size of the transposed convolution; default: long enough to show a full period
 * @attr padding - padding (only with `input`)
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

  private budget = new ViewBudget(this, { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 }, 'the overlap counts');

  protected compute(): CheckerboardView {
    const raw = this.specInput();
    this.budget.guard({ ...raw, transposed: true });
    const k = parsePerAxis(raw.kernel ?? 3, 'kernel', 1);
    const s = parsePerAxis(raw.stride ?? 2, 'stride', 1);
    const d = parsePerAxis(raw.dilation ?? 1, 'dilation', 1);
    const dims = Math.max(k.length, s.length, d.length, raw.input === undefined ? 1 : parsePerAxis(raw.input, 'input', 1).length);
    const [kk, ss, dd] = [broadcast(k, dims, 'kernel'), broadcast(s, dims, 'stride'), broadcast(d, dims, 'dilation')];
    const counted = raw.input === undefined
      ? checkerboard({ kernel: kk, stride: ss, dilation: dd })
      : (() => {
        const spec = { input: raw.input, kernel: kk, stride: ss, dilation: dd, padding: raw.padding, transposed: true };
        return { ...overlapCounts(spec), ...isUniformAwayFromBorders(spec) };
      })();
    const alt = convMatrix(normalizeSpec({ input: counted.shape, kernel: kk, padding: 'same' }));
    const resized = Array.from({ length: alt.rows }, (_, r) => rowEntries(alt, r).cols.length);
    return {
      k: kk, s: ss, d: dd, shape: counted.shape, counts: counted.counts, uniform: counted.uniform,
      interiorValues: counted.interiorValues, predicted: kk.every((x, a) => predictsUniformOverlap(x, ss[a]!, dd[a]!)), resized,
    };
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
    const ks = v.k.join('×'), ss = v.s.join('×');
    const pattern = v.uniform
      ? `Even overlap: every interior output receives ${v.interiorValues[0]} taps.`
      : `Uneven overlap (${listing(v.interiorValues)} taps): a checkerboard pattern.`;
    const rule = `rule "s divides k (and gcd(s, d) = 1)" predicts ${v.predicted ? 'even' : 'uneven'} overlap, and the counts agree`;
    return html`<div class="row" @pointerleave=${() => this.setActive({ output: null })}>
        <section part="transposed"><h3>transposed convolution, k = ${ks}, s = ${ss}</h3>${this.plot(v.counts, v.shape, 'overlap counts')}</section>
        <section part="resized"><h3>resize ×${ss} (nearest), then a stride 1 "same" convolution</h3>${this.plot(v.resized, v.shape, 'taps per output')}</section>
      </div>
      <div part="pattern">${pattern}</div>
      ${v.predicted === v.uniform ? simpleVerdict(true, rule) : simpleVerdict(false, `the rule predicts ${v.predicted ? 'even' : 'uneven'} overlap but the counts are ${v.uniform ? 'even' : 'uneven'}`)}`;
  }
}

/** 1 and 2; 1, 2 and 4 */
function listing(xs: readonly number[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
