import { SpecError } from '../errors.ts';
import { product } from './names.ts';
import { causalPadding, receptiveFieldRecurrence } from './output-size.ts';
import type { ConvSpec, SpecInput } from './spec.ts';
import { broadcast, parseInteger, parsePerAxis } from './spec-fields.ts';

/**
 * A stack of convolution layers, in one spelling for every surface. A layer
 * is `{kernel, stride, dilation, padding}` (values as in a spec; an array is
 * one value per axis). In a single spec, a comma list in `kernel`, `stride`
 * or `dilation` gives one value per layer (`dilation: "1,2,4"`; `x` still
 * separates axes, `"3x3,5x5"`); a single value is repeated; every list has the
 * same length. `padding` is one value for every layer, or `"causal"`: d(k−1)
 * before and none after, so each stride-1 layer keeps its length (the TCN).
 */
export type StackLayer = Pick<SpecInput, 'kernel' | 'stride' | 'dilation' | 'padding'>;

/** A spec spelling a stack: per-layer comma lists, and `layers`, the number of layers when nothing is a list. */
export type StackSpelling = StackLayer & { layers?: number | string };

/** One layer's kernel, stride and dilation per axis, all of the stack's length. */
export interface LayerAxes {
  k: number[];
  s: number[];
  d: number[];
}

const PER_LAYER = ['kernel', 'stride', 'dilation'] as const;

/** The most layers a stack may have, counted by `layers` or by a comma list. */
export const MAX_LAYERS = 64;
type PerLayerKey = (typeof PER_LAYER)[number];

/** A value split into one entry per layer: a comma list in a string, or the value itself for every layer. */
function perLayer(v: unknown): unknown[] {
  return typeof v === 'string' && v.includes(',') ? v.split(',').map((x) => x.trim()) : [v];
}

/**
 * The layers a spec spells. `defaults` fills a key that is not given; the
 * `layers` key (else `count`, default 2) is the number of layers when no key
 * is a list. Every value is checked here, so an error names the key and the
 * layer (`dilation[2]`).
 */
export function layersOfSpec(spec: StackSpelling, defaults: Partial<Record<PerLayerKey, number>> = {}, count = 2): StackLayer[] {
  const lists = PER_LAYER.map((key) => perLayer(spec[key] ?? defaults[key] ?? 1));
  const longest = lists.reduce((m, l, i) => (l.length > m.length ? { key: PER_LAYER[i]!, length: l.length } : m), { key: PER_LAYER[0] as PerLayerKey, length: 1 });
  lists.forEach((l, i) => {
    if (l.length > 1 && l.length !== longest.length) {
      throw new SpecError({
        field: PER_LAYER[i]!, value: spec[PER_LAYER[i]!],
        rule: `has ${l.length} values, one per layer, but ${longest.key} has ${longest.length}`,
        fix: 'give every comma list the same length, or one value for all layers',
      });
    }
  });
  if (longest.length > MAX_LAYERS) {
    throw new SpecError({
      field: longest.key, value: `${longest.length} comma-separated values`,
      rule: `lists ${longest.length} layers, more than the ${MAX_LAYERS} a stack may have`, fix: `give at most ${MAX_LAYERS} values`,
    });
  }
  if (longest.length > 1) count = longest.length;
  if (spec.layers !== undefined) {
    const n = parseInteger(spec.layers, 'layers', 1, MAX_LAYERS);
    if (longest.length > 1 && n !== longest.length) {
      throw new SpecError({ field: 'layers', value: spec.layers, rule: `is ${n}, but ${longest.key} lists ${longest.length} layers`, fix: 'leave layers out when a list gives the layers' });
    }
    count = n;
  }
  const layers = Array.from({ length: count }, (_, l) => {
    const layer: Record<string, unknown> = {};
    PER_LAYER.forEach((key, i) => {
      const list = lists[i]!;
      const v = list.length > 1 ? list[l] : list[0];
      layer[key] = parsePerAxis(v, list.length > 1 ? `${key}[${l}]` : key, 1);
    });
    return layer as StackLayer;
  });
  const axes = layerAxes(layers, undefined, 'lists');
  const p = spec.padding;
  if (typeof p === 'string' && p.trim().toLowerCase() === 'causal') {
    layers.forEach((layer, l) => { layer.padding = axes[l]!.k.map((k, a) => causalPadding(k, axes[l]!.d[a]!)); });
  } else if (p !== undefined) layers.forEach((layer) => { layer.padding = p; });
  return layers;
}

/**
 * Kernel, stride and dilation of each layer per axis, broadcast to one number
 * of axes (`dims`, or the most any value spells). Errors name the layer:
 * `layers[1].kernel` (library layers) or `kernel[1]` (comma lists).
 */
export function layerAxes(layers: ReadonlyArray<Pick<SpecInput, PerLayerKey>>, dims?: number, naming: 'layers' | 'lists' = 'layers'): LayerAxes[] {
  const field = (l: number, key: PerLayerKey) => (naming === 'layers' ? `layers[${l}].${key}` : layers.length > 1 ? `${key}[${l}]` : key);
  const raw = layers.map((layer, l) => PER_LAYER.map((key) => parsePerAxis(layer[key] ?? 1, field(l, key), 1)));
  const n = dims ?? Math.max(1, ...raw.flat().map((v) => v.length));
  return raw.map((values, l) => {
    const [k, s, d] = values.map((v, i) => broadcast(v, n, field(l, PER_LAYER[i]!))) as [number[], number[], number[]];
    return { k, s, d };
  });
}

/**
 * A stack of layers given as `layers`, or spelled in one spec (read by
 * layersOfSpec above): comma lists in kernel,
 * stride and dilation give one value per layer (`dilation: "1,2,4"`), a single
 * value is repeated; without lists the stack has two layers (the lecture's
 * "one neuron in layer 2"). Shared by the receptive-field derivation and the
 * work estimator.
 */
export type ReceptiveFieldInput = SpecInput & { layers?: readonly StackLayer[] };

/** The layers of a stack: `layers` as given, or the layers its spec spells. */
export function stackLayersOf(input: ReceptiveFieldInput | ConvSpec): StackLayer[] {
  if ('layers' in input && Array.isArray(input.layers)) return [...input.layers];
  return layersOfSpec(input as StackSpelling);
}

/**
 * The closed form per axis (via receptiveFieldRecurrence), and their product.
 * Padding does not enter it. Scalars apply to every axis; `dims` sets the
 * number of axes when no layer spells them out (kernel 3 on a 2D image: dims 2).
 */
export function receptiveFieldClosedForm(layers: readonly StackLayer[], dims?: number): { perAxis: number[]; size: number } {
  const last = stackRecurrence(layers, dims).at(-1);
  const perAxis = last ? last.r : Array.from({ length: dims ?? 1 }, () => 1);
  return { perAxis, size: product(perAxis) };
}

/** The recurrence per layer: jump = Π strides below it, r = the receptive field after it, each per axis. */
export function stackRecurrence(layers: readonly StackLayer[], dims?: number): Array<{ jump: number[]; r: number[] }> {
  const parsed = layerAxes(layers, dims);
  const byAxis = Array.from({ length: parsed[0]?.k.length ?? dims ?? 1 }, (_, a) => receptiveFieldRecurrence(parsed.map((p) => ({ k: p.k[a]!, s: p.s[a]!, d: p.d[a]! }))));
  return parsed.map((_, l) => ({ jump: byAxis.map((st) => st[l]!.jump), r: byAxis.map((st) => st[l]!.r) }));
}

/**
 * How the levels of a stack are numbered in words. The lecture has two ways:
 * its 1D networks call the input "the input layer" and the convolutions
 * layers 1, 2, … ("one neuron in layer 2 has a receptive field of size 4",
 * k = 2, s = 2); Lin et al.'s 3×3 figure calls the input layer 1, so its
 * layer 2 sees 3×3 = 9 inputs and its layer 3 sees 5×5 = 25.
 * `inputLayer` is the number the input carries: 0 (the 1D way) or 1.
 */
export type InputLayer = 0 | 1;

/** The name of level `level` of a stack (0 = the input). */
export function levelName(level: number, inputLayer: InputLayer = 0): string {
  if (level === 0) return inputLayer === 0 ? 'input' : 'input = layer 1';
  return `layer ${level + inputLayer}`;
}

/** The `input-layer` value of an element: 0 or 1 (unset: 0). */
export function parseInputLayer(raw: string | null | undefined): InputLayer {
  if (raw === null || raw === undefined || raw.trim() === '' || raw.trim() === '0') return 0;
  if (raw.trim() === '1') return 1;
  throw new SpecError({
    field: 'input-layer', value: raw, rule: 'must be 0 or 1 (the number the input level carries)',
    fix: 'use 0 to call the input "input" and number the convolutions from 1, or 1 to number the input as layer 1',
  });
}
