import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { FieldFocus, ReceptiveFieldView } from '../../src/view/receptive-field-view.ts';
import type { FigureChoice } from '../shared/figure-menu.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { checkIndex, type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { simpleVerdict } from '../shared/verdict.ts';

const W = 640, LEVEL_H = 70, R = 7;

/** The receptive-field analysis: a chunk loaded before the first render. */
const engine = new LazyPart('the receptive-field view', () => import('./field-engine.ts'));

/**
 * @summary A stack of convolution layers; hovering a neuron lights its receptive field down to the input, with the closed form beside it.
 *
 * @attr kernel - kernel size per layer: one value for every layer, or a comma list with one value per layer (`3`, `3x3`, `2,3`; default 2; at most 64 layers)
 * @attr stride - stride per layer, one value or a comma list (default 1; 2 when no kernel, stride or dilation is given: the lecture's k = 2, s = 2)
 * @attr dilation - dilation per layer, one value or a comma list (`1,2,4`; default 1)
 * @attr padding - padding of every layer (CLI syntax), or `causal`: d(k−1) zeros on the left only, so each stride-1 layer keeps its length (the TCN)
 * @attr layers - number of layers when no attribute is a comma list (default 2)
 * @attr input - input size (default: the closed-form receptive field, so the top layer has one neuron)
 * @attr input-layer - how the levels are numbered: `0` (default) labels the input `input` and the convolutions layer 1, 2, … (the lecture's 1D networks); `1` numbers the input as layer 1 and the convolutions from 2 (Lin et al.'s 3×3 figure in the lecture)
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 * @attr active - flat index of the highlighted neuron in the top layer
 *
 * @csspart stack - the drawing of the levels (SVG in 1D, grids in 2D)
 * @csspart info - the size of the highlighted receptive field
 * @csspart verdict - composed index maps = closed form; `data-verdict` is `pass` or `fail` (absent when the input is narrower than the closed form)
 * @csspart note - why there is no verdict: the input is narrower than the closed form, so every field is cropped
 * @csspart figure-menu - the "Save figure" menu: Download SVG, Download animated SVG, Copy TikZ (drawn from the current spec by convmat/figure)
 * @csspart error - the inline message for an invalid attribute
 * @csspart summary - shown instead of the drawing when the stack is too large to draw without a freeze: the levels and the closed form
 *
 * @fires spec-change - the stack was accepted; detail `{spec, layers, shapes}` (attribute values, number of layers, shape of every level)
 * @fires highlight - a neuron was hovered; detail `{output, layer, inputs}` (inputs: its receptive field in the input)
 *
 * @cssprop --conv-highlight-strong - fill of the neurons in the receptive field
 */
export class ConvReceptiveFieldElement extends ConvElement<ReceptiveFieldView | SummaryView> {
  static override properties = {
    ...ConvElement.properties,
    layers: { type: String, reflect: true },
    inputLayer: { type: String, reflect: true, attribute: 'input-layer' },
    focusNeuron: { state: true },
  };
  static override inputKeys = [...ConvElement.inputKeys, 'layers', 'inputLayer'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  static override styles = [...ConvElement.styles, css`
    svg { max-width: 100%; height: auto; }
    circle { fill: var(--conv-bg); stroke: var(--conv-fg); stroke-width: 1.2; cursor: pointer; }
    circle.on { fill: var(--conv-highlight-strong); }
    circle.me { fill: var(--conv-accent); }
    line { stroke: var(--conv-border); stroke-width: 1; }
    line.on { stroke: var(--conv-accent); stroke-width: 2; }
    text { fill: var(--conv-muted); font-size: 12px; }
    .levels { display: flex; flex-direction: column-reverse; gap: 0.6rem; }
    .grid { display: grid; gap: 1px; grid-template-columns: repeat(var(--cols), 1rem); }
    .grid span { height: 1rem; border: 1px solid var(--conv-border); cursor: pointer; }
    .grid span.on { background: var(--conv-highlight-strong); }
    .grid span.me { background: var(--conv-accent); }
  `];

  declare layers?: string;
  declare inputLayer?: string;
  /** the hovered neuron's receptive field, until the pointer leaves */
  declare focusNeuron: FieldFocus | null;

  constructor() {
    super();
    this.focusNeuron = null;
  }

  protected override needsParser(): boolean { return false; }

  /** No figure for its layers attribute: renderFigure draws what the spec flags say, and they have no such field. */
  protected override figureView(): FigureChoice | null { return this.layers !== undefined || this.inputLayer !== undefined ? null : { view: 'receptive-field' }; }

  protected compute(): ReceptiveFieldView | SummaryView {
    rejectUnused(this.localName, this as SpecAttributes, ['input', 'kernel', 'stride', 'dilation', 'padding']);
    return engine.get().receptiveFieldView({
      kernel: this.kernel, stride: this.stride, dilation: this.dilation, padding: this.padding, layers: this.layers, input: this.input,
      inputLayer: this.inputLayer,
    });
  }

  protected override specChangeDetail(v: ReceptiveFieldView | SummaryView): Record<string, unknown> {
    return isSummary(v) ? { spec: this.specInput(), layers: null, shapes: null }
      : { spec: this.specInput(), layers: v.levels.length - 1, shapes: v.levels.map((l) => l.shape) };
  }

  protected override onViewChanged(): void {
    this.focusNeuron = null;
  }

  private hover(layer: number, neuron: number): void {
    const v = this.view;
    if (!v || isSummary(v) || layer < 1) return;
    const f = engine.get().fieldFocus(v, layer, neuron);
    this.focusNeuron = f;
    this.setActive({ output: layer === v.levels.length - 1 ? neuron : null, layer, neuron, inputs: f.lit[0]! });
  }

  protected renderView(v: ReceptiveFieldView | SummaryView): TemplateResult {
    if (isSummary(v)) return summaryTemplate(v);
    const f = this.focusNeuron ?? this.activeFocus(v);
    return html`<div part="stack" @pointerleave=${() => { this.focusNeuron = null; }}>${v.dims === 1 ? this.drawLine(v, f) : this.drawGrids(v, f)}</div>
      <div part="info">${engine.get().focusCaption(v, f)}
        ${f.cropped ? html`<span class="caption">Cropped by padding at the border.</span>` : nothing}</div>
      ${v.verdict ? simpleVerdict(v.verdict.pass, v.verdict.text) : html`<p class="caption" part="note">${v.note}</p>`}`;
  }

  /** The field the `active` attribute asks for (a neuron of the top layer), else the verdict's. */
  private activeFocus(v: ReceptiveFieldView): FieldFocus {
    const top = v.levels.length - 1;
    const n = checkIndex('active', this.active, this.getAttribute('active'), v.levels[top]!.count);
    return n === undefined || n === v.central.neuron ? v.central : engine.get().fieldFocus(v, top, n);
  }

  /** 1D: levels as rows of circles, input at the bottom; edges from the view (each layer's index map). */
  private drawLine(v: ReceptiveFieldView, f: FieldFocus): TemplateResult {
    const counts = v.levels.map((l) => l.count);
    const H = LEVEL_H * (counts.length - 1) + 2 * R + 50;
    const x = (l: number, i: number) => ((i + 0.5) * W) / counts[l]!;
    const y = (l: number) => H - R - 18 - l * LEVEL_H;
    const on = f.lit.map((set) => new Set(set));
    const lit = (l: number, i: number) => l <= f.layer && on[l]!.has(i);
    const top = counts.length - 1;
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="layer stack; hover a neuron to see its receptive field">
      ${v.edges.map((pairs, l) => pairs.map(([o, i]) => svg`<line class=${lit(l + 1, o) && lit(l, i) ? 'on' : ''}
        x1=${x(l + 1, o)} y1=${y(l + 1)} x2=${x(l, i)} y2=${y(l)}></line>`))}
      ${counts.map((n, l) => Array.from({ length: n }, (_, i) => svg`<circle class=${l === f.layer && i === f.neuron ? 'me' : lit(l, i) ? 'on' : ''}
        cx=${x(l, i)} cy=${y(l)} r=${R} @pointerover=${() => this.hover(l, i)}></circle>`))}
      ${v.levels.map((level, l) => svg`<text x="2" y=${y(l) - R - (l === top ? 15 : 3)}>${level.caption}</text>`)}
      ${v.ends.map((e) => svg`<text class="end" x=${x(e.level, e.at)} y=${e.level === 0 ? y(0) + R + 12 : y(e.level) - R - 3} text-anchor="middle">${symbolText(e.symbol)}</text>`)}
    </svg>`;
  }

  /** 2D: one grid per level, input at the bottom. */
  private drawGrids(v: ReceptiveFieldView, f: FieldFocus): TemplateResult {
    const on = f.lit.map((set) => new Set(set));
    return html`<div class="levels">${v.levels.map((level, l) => html`<div>
      <div class="caption">${level.caption} (${level.shape.join(' × ')})</div>
      <div class="grid" style="--cols:${level.shape[level.shape.length - 1]}">${Array.from({ length: level.count }, (_, i) => html`<span
        class=${l === f.layer && i === f.neuron ? 'me' : l <= f.layer && on[l]!.has(i) ? 'on' : ''} @pointerover=${() => this.hover(l, i)}></span>`)}</div>
    </div>`)}</div>`;
  }
}

/** {base: 'y', index: [15], accent: 'hat'} → ŷ₁₅ (the SVG's text form of a symbol) */
function symbolText(s: ReceptiveFieldView['ends'][number]['symbol']): string {
  const sub = s.index.join(',').replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!);
  return `${s.base}${s.accent === 'hat' ? '\u0302' : ''}${sub}`.normalize('NFC');
}
