import type { ConvSpec, SpecInput } from '../geometry/spec.ts';
import { type StackSpelling, layersOfSpec } from '../geometry/layer-stack.ts';
import type { StackLayer } from './receptive-field.ts';

/**
 * A stack of layers given as `layers`, or spelled in one spec (read by the one
 * layer-stack parser, src/geometry/layer-stack.ts): comma lists in kernel,
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
