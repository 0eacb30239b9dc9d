import { type ReceptiveField, type Stack, receptiveField, stackGeometry, stackShapes, widestReceptiveField } from '../analysis/receptive-field.ts';
import { LimitError } from '../errors.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { type InputLayer, type StackLayer, layersOfSpec, levelName, parseInputLayer, receptiveFieldClosedForm } from '../geometry/layer-stack.ts';
import { product } from '../geometry/names.ts';
import { specGeometry } from '../geometry/spec.ts';
import { type SummaryView, count, summaryOfFacts } from './summary.ts';
import type { SimpleVerdict } from './verdict.ts';

/**
 * The view of a stack of layers and the receptive field of one neuron
 * (<conv-receptive-field>, the lecture's "one neuron in layer 2 sees 4
 * inputs"): every level as a row (1D) or grid (2D) of neurons, the edges of
 * each layer read from its index map, the closed form beside the composed
 * maps, and the verdict that they agree. Plain data; `fieldFocus` answers a
 * hover on any neuron.
 */
export interface StackViewInput {
  kernel?: string | number;
  stride?: string | number;
  dilation?: string | number;
  padding?: string | number;
  layers?: string | number;
  input?: string | number;
  /** how the levels are numbered: 0 (the input is "input", the convolutions layers 1, 2, …) or 1 (the input is layer 1) */
  inputLayer?: string;
}

/** A symbol drawn at an end of a level: x₀ at the input, ŷ₁₅ at the top. */
export interface EndLabel {
  level: number;
  /** flat index of the neuron it labels */
  at: number;
  symbol: { base: string; index: number[]; accent?: 'hat' };
}

export interface ReceptiveFieldView {
  kind: 'stack';
  /** spatial axes (1: rows of circles, 2: grids) */
  dims: number;
  /** the number the input level carries in the captions (0 or 1) */
  inputLayer: InputLayer;
  /** one per level, 0 = input */
  levels: Array<{ caption: string; shape: number[]; count: number }>;
  /** per layer l (from level l+1 down to level l): [neuron above, neuron below] pairs, read from the layer's index map (1D only; empty in 2D) */
  edges: Array<Array<[number, number]>>;
  /** the layers as read (kernel, stride, dilation, padding per layer) */
  layers: StackLayer[];
  /** 1 + Σ d(k−1)·Π s per axis, and its product */
  closed: { perAxis: number[]; size: number };
  /** the top neuron the verdict is about: the widest field, nearest the middle */
  central: FieldFocus;
  /** composed maps against the closed form; null when the input is narrower than the closed form (see `note`) */
  verdict: SimpleVerdict | null;
  /** why there is no verdict, or null */
  note: string | null;
  ends: EndLabel[];
}

/** The receptive field of one neuron, lit level by level. */
export interface FieldFocus {
  layer: number;
  neuron: number;
  /** per level from the input to the neuron's: the flat indices lit */
  lit: number[][];
  /** extent per axis, first to last reached position */
  span: number[];
  /** product of the spans */
  size: number;
  /** input positions actually reached (holes of dilation excluded) */
  reached: number;
  /** the closed form of the layers up to the neuron's, per axis */
  closedForm: number[];
  /** the field is smaller than the closed form (padding at the border crops it) */
  cropped: boolean;
}

/**
 * Limits of a drawn stack (measured in Chromium: one long task stays under
 * 250 ms with the dev build of Lit): neurons drawn, edges drawn (1D), and the
 * neurons the widest-field search visits times the levels it walks.
 */
export const STACK_LIMITS = { neurons: 600, edges: 1500, search: 150_000 };

/** The lecture's k = 2, s = 2 when no kernel, stride or dilation is given; else kernel 2 and stride 1 by default. */
function readLayers(input: StackViewInput): StackLayer[] {
  const bare = input.kernel === undefined && input.stride === undefined && input.dilation === undefined;
  return layersOfSpec({ kernel: input.kernel, stride: input.stride, dilation: input.dilation, padding: input.padding, layers: input.layers },
    bare ? { kernel: 2, stride: 2 } : { kernel: 2 });
}

/** The view, or its summary when the stack is too large to draw. Throws a ConvmatError naming the field on bad input. */
export function receptiveFieldView(input: StackViewInput): ReceptiveFieldView | SummaryView {
  const inputLayer = parseInputLayer(input.inputLayer);
  const layers = readLayers(input);
  const dims = input.input === undefined ? undefined : specGeometry({ input: input.input, kernel: 1 }).dims;
  const closed = receptiveFieldClosedForm(layers, dims);
  const closedFact = `closed form 1 + Σ d(k−1)·Π s = ${closed.perAxis.join(' × ')}${closed.perAxis.length > 1 ? ` = ${count(closed.size)}` : ''} input positions`;
  const shapes = levelShapes(layers, input.input ?? closed.perAxis);
  if (typeof shapes === 'string') return summaryOfFacts(shapes, 'the layer stack', [`${layers.length} layers`, closedFact]);
  const counts = shapes.map(product);
  const neurons = counts.reduce((a, b) => a + b, 0);
  const taps = layers.reduce((acc, _, l) => acc + counts[l + 1]! * kernelSize(layers[l]!, shapes[0]!.length), 0);
  // the widest-field search walks at most 257 top neurons, each lighting at most the whole field on every level
  const searched = Math.min(counts.at(-1)!, 257) * counts.reduce((a, n) => a + Math.min(n, closed.size), 0);
  const over = neurons > STACK_LIMITS.neurons ? `${count(neurons)} neurons are more than the ${count(STACK_LIMITS.neurons)} drawn one each`
    : shapes[0]!.length === 1 && taps > STACK_LIMITS.edges ? `${count(taps)} connections are more than the ${count(STACK_LIMITS.edges)} drawn one line each`
      : searched > STACK_LIMITS.search ? `finding the widest receptive field visits ${count(searched)} neurons, more than the ${count(STACK_LIMITS.search)} visited on the page`
        : null;
  if (over) {
    return summaryOfFacts(over, 'the layer stack', [
      `${layers.length} layer${layers.length === 1 ? '' : 's'}; levels ${shapes.map((s) => s.join('×')).join(' → ')}`,
      closedFact,
    ]);
  }
  const stack = stackGeometry(layers, input.input ?? closed.perAxis);
  const central = focusOf(stack, layers, widestReceptiveField(stack));
  const agree = central.span.every((x, a) => x === closed.perAxis[a]);
  // an input narrower than the closed form crops every field: nothing to check the closed form against
  const narrow = shapes[0]!.some((n, a) => n < closed.perAxis[a]!);
  const view: ReceptiveFieldView = {
    kind: 'stack',
    dims: shapes[0]!.length,
    inputLayer,
    levels: shapes.map((shape, l) => ({ caption: levelName(l, inputLayer), shape, count: counts[l]! })),
    edges: shapes[0]!.length === 1 ? stack.layers.map((spec) => { const out: Array<[number, number]> = []; forEachTap(spec, (r, c) => { out.push([r, c]); }); return out; }) : [],
    layers, closed, central,
    verdict: narrow ? null : {
      pass: agree,
      text: `composed index maps = closed form: ${central.span.join(' × ')} ${agree ? '=' : '≠'} ${closed.perAxis.join(' × ')} (neuron ${central.neuron + 1} of the top layer, the widest field nearest the middle)`,
    },
    note: narrow ? `The input (${shapes[0]!.join(' × ')}) is narrower than the closed form (${closed.perAxis.join(' × ')}), so every field is cropped and the closed form is not checked; give an input of at least ${closed.perAxis.join(' × ')}.` : null,
    ends: shapes[0]!.length === 1 ? endLabels(counts) : [],
  };
  stacks.set(view, stack);
  return view;
}

/**
 * The shapes of a stack's levels, or, when a level is past the engine's
 * limits (50 layers of stride 2 double the length 50 times), the reason: the
 * view then summarises at once instead of counting up to that level.
 */
export function levelShapes(layers: readonly StackLayer[], input: StackViewInput['input'] | number[], transposed = false): number[][] | string {
  try {
    return stackShapes(layers, input, transposed);
  } catch (e) {
    const at = e instanceof LimitError ? /^layers\[(\d+)\]\.(\w+)$/.exec(e.field) : null;
    if (!at) throw e;
    return `layer ${Number(at[1]) + 1}: its ${at[2]} ${(e as LimitError).rule}`;
  }
}

/** Kernel taps per output of a layer (Π k over the axes). */
function kernelSize(layer: StackLayer, dims: number): number {
  const k = Array.isArray(layer.kernel) ? layer.kernel as number[] : [Number(layer.kernel ?? 1)];
  return k.length === 1 ? k[0]! ** dims : product(k);
}

/** x₀ and x_{n−1} under the input, ŷ₀ and ŷ_{m−1} over the top. */
function endLabels(counts: readonly number[]): EndLabel[] {
  const top = counts.length - 1;
  return [0, top].flatMap((level) => {
    const last = counts[level]! - 1;
    const symbol = (i: number): EndLabel['symbol'] => (level === 0 ? { base: 'x', index: [i] } : { base: 'y', index: [i], accent: 'hat' });
    return (last > 0 ? [0, last] : [0]).map((at) => ({ level, at, symbol: symbol(at) }));
  });
}

/** The built stacks of views made in this session, so a hover does not validate the layers again. */
const stacks = new WeakMap<ReceptiveFieldView, Stack>();

/** The receptive field of neuron `neuron` (flat) at level `layer` (1 = output of the first layer): what a hover lights. */
export function fieldFocus(view: ReceptiveFieldView, layer: number, neuron: number): FieldFocus {
  let stack = stacks.get(view);
  if (!stack) {
    stack = stackGeometry(view.layers, view.levels[0]!.shape);
    stacks.set(view, stack);
  }
  return focusOf(stack, view.layers, receptiveField(stack, neuron, layer));
}

function focusOf(stack: Stack, layers: readonly StackLayer[], rf: ReceptiveField): FieldFocus {
  const closedForm = receptiveFieldClosedForm(layers.slice(0, rf.layer), stack.shapes[0]!.length).perAxis;
  return {
    layer: rf.layer, neuron: rf.neuron, lit: rf.levels, span: rf.span, size: rf.size, reached: rf.positions.length,
    closedForm, cropped: rf.span.some((x, a) => x !== closedForm[a]),
  };
}

/** The sentence under the drawing: the focused neuron's field and the closed form. */
export function focusCaption(view: ReceptiveFieldView, f: FieldFocus): string {
  return `Neuron ${f.neuron + 1} of ${levelName(f.layer, view.inputLayer)}: receptive field ${f.span.join(' × ')} = ${f.size} input positions (${f.reached} reached); closed form 1 + Σ d(k−1)·Π s = ${f.closedForm.join(' × ')}.`;
}
