import { css, html, nothing, type TemplateResult } from 'lit';
import type { CostTable, SeparableView } from '../../src/view/separable-view.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { tex, texMatrix } from '../shared/katex-block.ts';
import { simpleVerdict } from '../shared/verdict.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';

/** The separable view (the factorisation, the cost tables): a chunk loaded before the first render. */
const engine = new LazyPart('the separable view', () => import('./separable-engine.ts'));

/**
 * @summary Sobel's factorisation into a column times a row, and the multiplication counts of spatially and depthwise separable convolutions, computed from the matrices.
 *
 * @attr weights - the 2D kernel to factor, a JSON array (default Sobel's G_x `[[1,0,-1],[2,0,-2],[1,0,-1]]`)
 * @attr spatial-input - input of the spatially separable count (default `5x5`, the lecture's 81 against 45 + 27); past 120,000 taps the table gives the closed forms only, and says so
 * @attr input - input of the depthwise-separable count (default `7x7`: 5×5 positions)
 * @attr kernel - kernel of the depthwise-separable count (default `3x3`)
 * @attr in-channels - input channels (default 3)
 * @attr out-channels - output channels (default 128; the lecture's 86,400 against 675 + 9,600)
 * @attr stride - stride of the depthwise-separable count
 * @attr padding - padding of the depthwise-separable count
 * @attr show - which parts to show: `factorisation`, `spatial`, `depthwise`, or a comma list of them (default all three)
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart factorisation - the kernel = column × row
 * @csspart spatial-cost - the spatially separable table
 * @csspart depthwise-cost - the depthwise-separable table
 * @csspart verdict - the factorisation multiplies back, and the counts match the closed forms; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the attributes were accepted; detail `{spec, rank1, standard, separable}`
 */
export class ConvSeparableElement extends ConvElement<SeparableView> {
  static override properties = {
    ...ConvElement.properties,
    spatialInput: { type: String, reflect: true, attribute: 'spatial-input' },
    show: { type: String, reflect: true },
  };
  static override inputKeys = [...ConvElement.inputKeys, 'spatialInput', 'show'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  static override styles = [...ConvElement.styles, css`
    section { margin: 0.6rem 0; }
    h3 { font-size: 0.95rem; margin: 0.2rem 0 0.4rem; font-weight: 600; }
    .math { display: flex; align-items: center; gap: 0.4rem; flex-wrap: wrap; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    td, th { border: 1px solid var(--conv-border); padding: 0.2rem 0.6rem; text-align: right; }
    th { font-weight: 600; text-align: left; }
    tr.total td { font-weight: 600; border-top: 2px solid var(--conv-fg); }
  `];

  declare spatialInput?: string;
  declare show?: string;

  protected compute(): SeparableView {
    rejectUnused(this.localName, this as SpecAttributes, ['weights', 'input', 'kernel', 'stride', 'padding', 'inChannels', 'outChannels']);
    return engine.get().separableView({
      weights: this.weights, spatialInput: this.spatialInput, input: this.input, kernel: this.kernel, stride: this.stride,
      padding: this.padding, inChannels: this.inChannels, outChannels: this.outChannels, show: this.show,
    });
  }

  protected override specChangeDetail(v: SeparableView): Record<string, unknown> {
    const d = v.depthwise && !isSummary(v.depthwise) ? v.depthwise : null;
    return { spec: this.specInput(), rank1: v.factorisation.rank1, standard: d?.standard ?? null, separable: d?.separable ?? null };
  }

  protected renderView(v: SeparableView): TemplateResult {
    return html`${v.show.includes('factorisation') ? html`<section part="factorisation"><h3>Spatially separable kernel</h3>${this.factorisation(v)}</section>` : nothing}
      ${v.spatial ? html`<section part="spatial-cost"><h3>Spatially separable: multiplications</h3>${costTable(v.spatial)}</section>` : nothing}
      ${v.depthwise ? html`<section part="depthwise-cost"><h3>Depthwise separable: multiplications</h3>${costTable(v.depthwise)}</section>` : nothing}
      ${v.verdict ? simpleVerdict(v.verdict.pass, v.verdict.text) : nothing}`;
  }

  private factorisation(v: SeparableView): TemplateResult {
    const f = v.factorisation;
    const g = texMatrix(v.kernel, { ariaLabel: 'kernel' });
    if (!f.rank1) return html`<div class="math">${g}</div>${simpleVerdict(false, f.verdict.text)}`;
    const col = texMatrix(f.column.map((e) => [e]), { ariaLabel: 'column factor' });
    const row = texMatrix([f.row], { ariaLabel: 'row factor' });
    return html`<div class="math">${g}${tex('=')}${col}${tex('\\times')}${row}</div>
      <p class="caption">${f.caption}</p>
      ${simpleVerdict(f.verdict.pass, f.verdict.text)}`;
  }
}

/** Multiplications as the lecture counts them: every tap of every window, those by padding zeros included. */
function costTable(t: CostTable | SummaryView): TemplateResult {
  if (isSummary(t)) return summaryTemplate(t);
  const pad = (x: string | null) => (t.padded ? html`<td>${x ?? ''}</td>` : nothing);
  return html`<table>
    <tr><th>convolution</th><th>multiplications</th>${t.padded ? html`<th>of them on padding zeros</th>` : nothing}<th>parameters</th></tr>
    ${t.rows.map((r) => html`<tr><td style="text-align:left">${r.label}</td><td>${r.multiplications}</td>${pad(r.paddingTaps)}<td>${r.parameters}</td></tr>`)}
    <tr class="total"><td style="text-align:left">separable total</td><td>${t.total.multiplications}</td>${pad('')}<td>${t.total.parameters}</td></tr>
  </table><p class="caption">${t.caption}</p>`;
}
