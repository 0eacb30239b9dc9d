import { LimitError, SpecError } from '../errors.ts';
import { PADDING, axisIndex } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec, specGeometry } from '../geometry/spec.ts';
import type { StackLayer } from '../geometry/layer-stack.ts';
import { ravel, unravel } from '../geometry/flat-index.ts';

/**
 * The receptive field of a neuron in a stack of convolutions: the input
 * positions that reach it, found by composing the layers' index maps, and the
 * closed form r = 1 + Σ_l d_l(k_l−1)·Π_{m<l} s_m beside it.
 */
export type { StackLayer };
export { receptiveFieldClosedForm, stackRecurrence } from '../geometry/layer-stack.ts';

/** A stack laid out on a given input: one validated spec per layer, and the spatial shape of every level (0 = input). */
export interface Stack {
  layers: ConvSpec[];
  shapes: number[][];
}

/** Validates each layer on the output of the one below (typed errors name the layer). */
export function stackGeometry(layers: readonly StackLayer[], input: SpecInput['input']): Stack {
  const specs: ConvSpec[] = [];
  const shapes = eachLevel(layers, input, (layer) => { const spec = normalizeSpec(layer); specs.push(spec); return spec.output; });
  return { layers: specs, shapes };
}

/**
 * The spatial shape of every level (0 = input), from the layers' geometry
 * alone: no names, no index map, so a view can size a stack before building
 * it. With `transposed`, every layer is a transposed convolution.
 */
export function stackShapes(layers: readonly StackLayer[], input: SpecInput['input'], transposed = false): number[][] {
  return eachLevel(layers, input, (layer) => specGeometry({ ...layer, transposed }).output);
}

/** Runs `next` on each layer, given the output shape of the one below; errors name the layer. */
function eachLevel(layers: readonly StackLayer[], input: SpecInput['input'], next: (layer: SpecInput) => readonly number[]): number[][] {
  if (layers.length === 0) throw new SpecError({ field: 'layers', value: [], rule: 'a stack needs at least one layer' });
  let shape = [...specGeometry({ input, kernel: 1 }).input];
  const shapes = [shape];
  layers.forEach((layer, l) => {
    try {
      shape = [...next({ ...layer, input: shape })];
    } catch (e) {
      if (e instanceof SpecError) throw new SpecError({ field: `layers[${l}].${e.field}`, value: e.value, rule: e.rule, fix: e.fix });
      if (e instanceof LimitError) throw new LimitError({ field: `layers[${l}].${e.field}`, value: e.value, rule: e.rule, fix: e.fix });
      throw e;
    }
    shapes.push(shape);
  });
  return shapes;
}

/** Cartesian product of per-axis position sets, as flat row-major indices in `shape`. */
function productSet(perAxis: readonly number[][], shape: readonly number[]): number[] {
  let acc: number[][] = [[]];
  for (const axis of perAxis) acc = acc.flatMap((prefix) => axis.map((i) => [...prefix, i]));
  return acc.map((idx) => ravel(idx, shape));
}

export interface ReceptiveField {
  /** level of the neuron (1 = output of the first layer) and its flat index there */
  layer: number;
  neuron: number;
  /** positions per level, from the input (level 0) up to the neuron's level: flat row-major indices */
  levels: number[][];
  /** input positions that reach the neuron, per axis */
  perAxis: number[][];
  /** input positions that reach the neuron (flat, ascending) */
  positions: number[];
  /** extent per axis, first to last reached position (holes included) */
  span: number[];
  /** product of the spans: the lecture's "size of the receptive field" */
  size: number;
}

/**
 * The receptive field of one neuron by composing index maps, axis by axis:
 * the neuron's position, then every input position each layer's taps read
 * from the positions of the level above (padding reads nothing).
 */
export function receptiveField(stack: Stack, neuron: number, layer = stack.layers.length): ReceptiveField {
  if (!Number.isInteger(layer) || layer < 1 || layer > stack.layers.length) {
    throw new SpecError({ field: 'layer', value: layer, rule: `must be an integer from 1 to ${stack.layers.length}` });
  }
  const top = stack.shapes[layer]!;
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= product(top)) {
    throw new SpecError({ field: 'neuron', value: neuron, rule: `must be an integer from 0 to ${product(top) - 1}` });
  }
  let sets = unravel(neuron, top).map((i) => [i]);
  const levels: number[][] = [[neuron]];
  for (let l = layer - 1; l >= 0; l--) {
    const axes = stack.layers[l]!.conv.axes;
    sets = sets.map((set, a) => {
      const reached = new Set<number>();
      for (const o of set) for (let j = 0; j < axes[a]!.k; j++) {
        const i = axisIndex(axes[a]!, o, j);
        if (i !== PADDING) reached.add(i);
      }
      return [...reached].sort((x, y) => x - y);
    });
    levels.unshift(productSet(sets, stack.shapes[l]!).sort((x, y) => x - y));
  }
  const span = sets.map((s) => (s.length === 0 ? 0 : s[s.length - 1]! - s[0]! + 1));
  return { layer, neuron, levels, perAxis: sets, positions: levels[0]!, span, size: product(span) };
}

/** For a hover view: the input positions of every neuron of a level (default: the top). */
export function receptiveFieldTable(stack: Stack, layer = stack.layers.length): number[][] {
  return Array.from({ length: product(stack.shapes[layer] ?? []) }, (_, n) => receptiveField(stack, n, layer).positions);
}

/**
 * The neuron of a level (default: the top) with the largest receptive field,
 * the one nearest the middle among equals: with padding, neurons at a border
 * see less (a causal stack's first outputs see only the start of the input).
 * At most `limit` neurons around the middle are compared.
 */
export function widestReceptiveField(stack: Stack, layer = stack.layers.length, limit = 256): ReceptiveField {
  const count = product(stack.shapes[layer] ?? []);
  const middle = Math.floor(count / 2);
  let best = receptiveField(stack, middle, layer);
  for (let step = 1; step <= limit / 2 && step <= count; step++) {
    for (const n of [middle + step, middle - step]) {
      if (n < 0 || n >= count) continue;
      const rf = receptiveField(stack, n, layer);
      if (rf.size > best.size) best = rf;
    }
  }
  return best;
}
