import { ViewBudget } from '../shared/view-budget.ts';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { RankOneResult } from '../../src/analysis/rank-one.ts';
import type { StagedCost } from '../../src/analysis/cost.ts';
import { polynomialToLatex } from '../../src/algebra/print.ts';
import { ParseError } from '../../src/errors.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { tex, texMatrix } from '../shared/katex-block.ts';
import { simpleVerdict } from '../shared/verdict.ts';

/** The factorisation and the cost counts: a chunk loaded before the first render. */
const engine = new LazyPart('the separability engine', () => import('./separable-engine.ts'));

const SOBEL = '[[1,0,-1],[2,0,-2],[1,0,-1]]';

/** The parts `show` may name, in the order they are drawn. */
const PARTS = ['factorisation', 'spatial', 'depthwise'] as const;
type Part = (typeof PARTS)[number];

interface SeparableView {
  show: ReadonlySet<Part>;
  kernel: string[][];
  factor: RankOneResult;
  factorOk: boolean;
  spatial: StagedCost;
  depthwise: StagedCost;
}

/**
 * @summary Sobel's factorisation into a column times a row, and the multiplication counts of spatially and depthwise separable convolutions, computed from the matrices.
 *
 * @attr weights - the 2D kernel to factor, a JSON array (default Sobel's G_x `[[1,0,-1],[2,0,-2],[1,0,-1]]`)
 * @attr spatial-input - input of the spatially separable count (default `5x5`, the lecture's 81 against 45 + 27)
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

  private budget = new ViewBudget(this, { drawnEntries: 100_000, taps: 4_000_000, terms: 4_000_000 }, 'the cost tables');

  protected compute(): SeparableView {
    this.budget.guard(this.specInput());
    rejectUnused(this.localName, this as SpecAttributes, ['weights', 'input', 'kernel', 'stride', 'padding', 'inChannels', 'outChannels']);
    const show = parseShow(this.show);
    const { depthwiseSeparableCost, factorRankOne, isFactorization, readKernel2D, spatiallySeparableCost } = engine.get();
    const k = this.weights ?? SOBEL;
    const poly = readKernel2D(k, 'weights');
    const factor = factorRankOne(k);
    const shape = `${poly.length}x${poly[0]!.length}`;
    return {
      show,
      kernel: poly.map((r) => r.map((p) => polynomialToLatex(p))),
      factor,
      factorOk: factor.rank1 && isFactorization(k, factor.column, factor.row),
      spatial: spatiallySeparableCost({ input: this.spatialInput ?? '5x5', kernel: shape }),
      depthwise: depthwiseSeparableCost({
        input: this.input ?? '7x7', kernel: this.kernel ?? '3x3', stride: this.stride, padding: this.padding,
        inChannels: this.inChannels ?? 3, outChannels: this.outChannels ?? 128,
      }),
    };
  }

  protected override specChangeDetail(v: SeparableView): Record<string, unknown> {
    return { spec: this.specInput(), rank1: v.factor.rank1, standard: v.depthwise.standard.multiplications, separable: v.depthwise.multiplications };
  }

  protected renderView(v: SeparableView): TemplateResult {
    const counts = [v.show.has('spatial') ? v.spatial : null, v.show.has('depthwise') ? v.depthwise : null].filter((c) => c !== null);
    return html`${v.show.has('factorisation') ? html`<section part="factorisation"><h3>Spatially separable kernel</h3>${this.factorisation(v)}</section>` : nothing}
      ${v.show.has('spatial') ? html`<section part="spatial-cost"><h3>Spatially separable: multiplications</h3>${costTable(v.spatial)}</section>` : nothing}
      ${v.show.has('depthwise') ? html`<section part="depthwise-cost"><h3>Depthwise separable: multiplications</h3>${costTable(v.depthwise)}</section>` : nothing}
      ${counts.length ? simpleVerdict(counts.every(countsAgree), 'entries of K plus taps on padding = multiplications, for every row') : nothing}`;
  }

  private factorisation(v: SeparableView): TemplateResult {
    const f = v.factor;
    const g = texMatrix(v.kernel, { ariaLabel: 'kernel' });
    if (!f.rank1) {
      return html`<div class="math">${g}</div>${simpleVerdict(false, `not separable: ${f.reason}`)}`;
    }
    const col = texMatrix(f.column.map((p) => [polynomialToLatex(p)]), { ariaLabel: 'column factor' });
    const row = texMatrix([f.row.map((p) => polynomialToLatex(p))], { ariaLabel: 'row factor' });
    return html`<div class="math">${g}${tex('=')}${col}${tex('\\times')}${row}</div>
      <p class="caption">${f.column.length}×1 then 1×${f.row.length}: ${f.column.length + f.row.length} weights instead of ${f.column.length * f.row.length}.</p>
      ${simpleVerdict(v.factorOk, v.factorOk ? 'column × row multiplies back to the kernel, exactly' : 'the factors do not multiply back to the kernel')}`;
  }
}

/** The `show` attribute: a comma list of parts, every part when unset. */
function parseShow(value: string | undefined): ReadonlySet<Part> {
  if (value === undefined || value === null) return new Set(PARTS);
  const names = value.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  const bad = names.find((n) => !(PARTS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new ParseError({ field: 'show', value, rule: `must name one or more of ${PARTS.join(', ')}, separated by commas`, fix: 'for example show="depthwise"' });
  }
  return new Set(names as Part[]);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function countsAgree(c: StagedCost): boolean {
  return [c.standard, ...c.stages.map((s) => s.cost)].every((x) => x.multiplications + x.paddingTaps === x.closedForm);
}

function describeSpec(s: { kernel?: unknown; inChannels?: unknown; outChannels?: unknown; groups?: unknown }): string {
  const k = Array.isArray(s.kernel) ? s.kernel.join('×') : String(s.kernel ?? '');
  const ch = s.inChannels !== undefined ? `, ${String(s.inChannels)} → ${String(s.outChannels)} channels` : '';
  return `${k} kernel${ch}${s.groups !== undefined && s.groups !== 1 ? `, groups ${String(s.groups)}` : ''}`;
}

/** Multiplications as the lecture counts them: every tap of every window, those by padding zeros included. */
function costTable(c: StagedCost): TemplateResult {
  const all = [c.standard, ...c.stages.map((s) => s.cost)];
  const padded = all.some((x) => x.paddingTaps > 0);
  const pad = (x: { paddingTaps: number }) => (padded ? html`<td>${fmt(x.paddingTaps)}</td>` : nothing);
  return html`<table>
    <tr><th>convolution</th><th>multiplications</th>${padded ? html`<th>of them on padding zeros</th>` : nothing}<th>parameters</th></tr>
    <tr><td style="text-align:left">standard</td><td>${fmt(c.standard.closedForm)}</td>${pad(c.standard)}<td>${fmt(c.standard.parameters)}</td></tr>
    ${c.stages.map((s) => html`<tr><td style="text-align:left">${s.name} (${describeSpec(s.spec)})</td>
      <td>${fmt(s.cost.closedForm)}</td>${pad(s.cost)}<td>${fmt(s.cost.parameters)}</td></tr>`)}
    <tr class="total"><td style="text-align:left">separable total</td><td>${c.stages.map((s) => fmt(s.cost.closedForm)).join(' + ')} = ${fmt(c.stages.reduce((a, s) => a + s.cost.closedForm, 0))}</td>
      ${padded ? html`<td></td>` : nothing}<td>${fmt(c.parameters)}</td></tr>
  </table><p class="caption">Multiplications count every tap of every window position (positions × kernel size), as the lecture does; products by zero weights are not left out.</p>`;
}
