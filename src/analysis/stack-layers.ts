import type { SpecInput } from '../geometry/spec.ts';
import type { StackLayer } from './receptive-field.ts';

/**
 * A stack of layers spelled in one spec: `layers`, or comma lists in kernel,
 * stride and dilation giving one value per layer (`dilation: "1,2,4"`), a
 * single value repeated; without lists the stack has two layers (the
 * lecture's "one neuron in layer 2"). Shared by the receptive-field
 * derivation and the work estimator.
 */
export type ReceptiveFieldInput = SpecInput & { layers?: readonly StackLayer[] };

const KEYS = ['kernel', 'stride', 'dilation'] as const;

/** The layers a spec spells: per-layer comma lists, or the spec repeated twice. */
export function stackLayersOf(input: ReceptiveFieldInput | object): StackLayer[] {
  if ('layers' in input && input.layers) return [...input.layers];
  const lists = KEYS.map((key) => {
    const v = (input as SpecInput)[key];
    return typeof v === 'string' && v.includes(',') ? v.split(',').map((x) => x.trim()) : [v];
  });
  const longest = Math.max(...lists.map((l) => l.length));
  return Array.from({ length: longest > 1 ? longest : 2 }, (_, l) => {
    const layer: StackLayer = {};
    KEYS.forEach((key, i) => {
      const v = lists[i]!.length > 1 ? lists[i]![l] : lists[i]![0];
      if (v !== undefined) (layer as Record<string, unknown>)[key] = Array.isArray(v) ? [...v] : v;
    });
    const p = (input as SpecInput).padding;
    if (p !== undefined) layer.padding = p as StackLayer['padding'];
    return layer;
  });
}
