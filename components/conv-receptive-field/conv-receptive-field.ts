import { ViewBudget } from '../shared/view-budget.ts';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { ReceptiveField, Stack } from '../../src/analysis/receptive-field.ts';
import { forEachTap } from '../../src/geometry/index-map.ts';
import { type InputLayer, layersOfSpec, levelName, parseInputLayer } from '../../src/geometry/layer-stack.ts';
import { parsePerAxis } from '../../src/geometry/spec-fields.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { checkIndex, type SpecAttributes, rejectUnused } from '../shared/spec-from-attributes.ts';
import { simpleVerdict } from '../shared/verdict.ts';

interface FieldView {
  stack: Stack;
  closed: { perAxis: number[]; size: number };
  /** edges per layer l (from level l+1 down to level l): [output, input] pairs read from the layer's matrix rows */
  edges: Array<Array<[number, number]>>;
  /** the top neuron the verdict and the default highlight use: widest field, nearest the middle */
  central: ReceptiveField;
  /** the number the input level carries in the labels (levelName) */
  inputLayer: InputLayer;
}

const W = 640, LEVEL_H = 70, R = 7;

/** The receptive-field analysis: a chunk loaded before the first render. */
const engine = new LazyPart('the receptive-field analysis', () => import('./field-engine.ts'));

/**
 * @summary A stack of convolution layers; hovering a neuron lights its receptive field down to the input, with the closed form beside it.
 *
 * @attr kernel - kernel size per layer: one value for every layer, or a comma list with one value per layer (`3`, `3x3`, `2,3`; default 2)
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
 * @csspart verdict - composed index maps = closed form; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the stack was accepted; detail `{spec, layers, shapes}` (attribute values, number of layers, shape of every level)
 * @fires highlight - a neuron was hovered; detail `{output, layer, inputs}` (inputs: its receptive field in the input)
 *
 * @cssprop --conv-highlight-strong - fill of the neurons in the receptive field
 */
export class ConvReceptiveFieldElement extends ConvElement<FieldView> {
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
  declare focusNeuron: { layer: number; neuron: number } | null;

  constructor() {
    super();
    this.focusNeuron = null;
  }

  protected override needsParser(): boolean { return false; }

  private budget = new ViewBudget(this, { drawnEntries: 4096 }, 'the layer stack');

  protected compute(): FieldView {
    this.budget.guard({ input: this.input });
    rejectUnused(this.localName, this as SpecAttributes, ['input', 'kernel', 'stride', 'dilation', 'padding']);
    const bare = this.kernel === undefined && this.stride === undefined && this.dilation === undefined;
    const layers = layersOfSpec({
      kernel: this.kernel, stride: this.stride, dilation: this.dilation, padding: this.padding, layers: this.layers,
    }, bare ? { kernel: 2, stride: 2 } : { kernel: 2 });
    const { receptiveFieldClosedForm, stackGeometry, widestReceptiveField } = engine.get();
    const closed = receptiveFieldClosedForm(layers, this.input === undefined ? undefined : inputDims(this.input));
    const stack = stackGeometry(layers, this.input ?? closed.perAxis);
    const edges = stack.layers.map((spec) => {
      const out: Array<[number, number]> = [];
      forEachTap(spec, (r, c) => { out.push([r, c]); });
      return out;
    });
    const top = stack.layers.length;
    return { stack, closed, edges, central: widestReceptiveField(stack, top), inputLayer: parseInputLayer(this.inputLayer) };
  }

  protected override specChangeDetail(v: FieldView): Record<string, unknown> {
    return { spec: this.specInput(), layers: v.stack.layers.length, shapes: v.stack.shapes };
  }

  protected override onViewChanged(): void {
    this.focusNeuron = null;
  }

  private hover(layer: number, neuron: number): void {
    const v = this.view;
    if (!v || layer < 1) return;
    this.focusNeuron = { layer, neuron };
    const rf = engine.get().receptiveField(v.stack, neuron, layer);
    this.setActive({ output: layer === v.stack.layers.length ? neuron : null, layer, neuron, inputs: rf.positions });
  }

  protected renderView(v: FieldView): TemplateResult {
    const f = this.focusNeuron ?? { layer: v.stack.layers.length, neuron: this.activeNeuron(v) };
    const { receptiveField, receptiveFieldClosedForm } = engine.get();
    const rf = receptiveField(v.stack, Math.min(f.neuron, sizeOf(v.stack.shapes[f.layer]!) - 1), f.layer);
    const dims = v.stack.shapes[0]!.length;
    const closed = receptiveFieldClosedForm(v.stack.layers.slice(0, f.layer).map((s) => ({ kernel: [...s.kernel], stride: [...s.stride], dilation: [...s.dilation] })), dims);
    const c = v.central;
    const agree = c.span.every((x, a) => x === v.closed.perAxis[a]);
    return html`<div part="stack" @pointerleave=${() => { this.focusNeuron = null; }}>${dims === 1 ? this.drawLine(v, rf) : this.drawGrids(v, rf)}</div>
      <div part="info">Neuron ${rf.neuron + 1} of ${levelName(rf.layer, v.inputLayer)}: receptive field ${rf.span.join(' × ')} = ${rf.size} input positions
        (${rf.positions.length} reached); closed form 1 + Σ d(k−1)·Π s = ${closed.perAxis.join(' × ')}.
        ${rf.span.some((x, a) => x !== closed.perAxis[a]) ? html`<span class="caption">Cropped by padding at the border.</span>` : nothing}</div>
      ${simpleVerdict(agree, `composed index maps = closed form: ${c.span.join(' × ')} ${agree ? '=' : '≠'} ${v.closed.perAxis.join(' × ')} (neuron ${c.neuron + 1} of the top layer, the widest field nearest the middle)`)}`;
  }

  /** The `active` attribute, checked: a neuron of the top layer. */
  private activeNeuron(v: FieldView): number {
    const n = sizeOf(v.stack.shapes[v.stack.layers.length]!);
    return checkIndex('active', this.active, this.getAttribute('active'), n) ?? v.central.neuron;
  }

  /** 1D: levels as rows of circles, input at the bottom; edges read from each layer's matrix. */
  private drawLine(v: FieldView, rf: ReceptiveField): TemplateResult {
    const levels = v.stack.shapes.map((s) => s[0]!);
    const H = LEVEL_H * (levels.length - 1) + 2 * R + 50;
    const x = (l: number, i: number) => ((i + 0.5) * W) / levels[l]!;
    const y = (l: number) => H - R - 18 - l * LEVEL_H;
    const on = rf.levels.map((set) => new Set(set));
    const lit = (l: number, i: number) => l <= rf.layer && on[l]!.has(i);
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="layer stack; hover a neuron to see its receptive field">
      ${v.edges.map((pairs, l) => pairs.map(([o, i]) => svg`<line class=${lit(l + 1, o) && lit(l, i) ? 'on' : ''}
        x1=${x(l + 1, o)} y1=${y(l + 1)} x2=${x(l, i)} y2=${y(l)}></line>`))}
      ${levels.map((n, l) => Array.from({ length: n }, (_, i) => svg`<circle class=${l === rf.layer && i === rf.neuron ? 'me' : lit(l, i) ? 'on' : ''}
        cx=${x(l, i)} cy=${y(l)} r=${R} @pointerover=${() => this.hover(l, i)}></circle>`))}
      ${levels.map((_, l) => svg`<text x="2" y=${y(l) - R - (l === levels.length - 1 ? 15 : 3)}>${levelName(l, v.inputLayer)}</text>`)}
      ${[0, levels.length - 1].map((l) => {
        const last = levels[l]! - 1, name = l === 0 ? 'x' : 'ŷ', at = l === 0 ? y(l) + R + 12 : y(l) - R - 3;
        return svg`<text class="end" x=${x(l, 0)} y=${at} text-anchor="middle">${name}₀</text>${last > 0 ? svg`<text class="end" x=${x(l, last)} y=${at} text-anchor="middle">${name}${subscript(last)}</text>` : nothing}`;
      })}
    </svg>`;
  }

  /** 2D: one grid per level, input at the bottom. */
  private drawGrids(v: FieldView, rf: ReceptiveField): TemplateResult {
    const on = rf.levels.map((set) => new Set(set));
    return html`<div class="levels">${v.stack.shapes.map((shape, l) => html`<div>
      <div class="caption">${levelName(l, v.inputLayer)} (${shape.join(' × ')})</div>
      <div class="grid" style="--cols:${shape[shape.length - 1]}">${Array.from({ length: sizeOf(shape) }, (_, i) => html`<span
        class=${l === rf.layer && i === rf.neuron ? 'me' : l <= rf.layer && on[l]!.has(i) ? 'on' : ''} @pointerover=${() => this.hover(l, i)}></span>`)}</div>
    </div>`)}</div>`;
  }
}

/** 15 → ₁₅ */
function subscript(n: number): string {
  return String(n).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!);
}

function inputDims(input: string): number {
  return parsePerAxis(input, 'input', 1).length;
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
