import { SpecError } from '../errors.ts';
import { LAYER_KEYS, parseTorchLayer } from './torch-layer.ts';

/**
 * The first step of reading a spec with `layer`: the keys the layer sets,
 * merged with the spec's own `input`, `weights` and `inputs`. A key the layer
 * sets given beside it is an error naming both. readFields checks that the
 * input has the layer's number of spatial axes.
 */
export function withLayer<S extends { layer?: unknown }>(raw: S): { spec: S; dims: number } {
  const layer = parseTorchLayer(raw.layer);
  const { layer: _, ...rest } = raw as Record<string, unknown>;
  for (const key of LAYER_KEYS) {
    if (rest[key] !== undefined) {
      throw new SpecError({ field: key, value: rest[key], rule: 'conflicts with layer, which sets it', fix: `remove ${key} or change the layer` });
    }
  }
  return {
    dims: layer.dims,
    spec: {
      ...rest,
      kernel: layer.kernel, stride: layer.stride, dilation: layer.dilation, padding: layer.padding,
      transposed: layer.transposed, outputPadding: layer.outputPadding,
      inChannels: layer.inChannels, outChannels: layer.outChannels, groups: layer.groups, paddingMode: layer.paddingMode,
    } as unknown as S,
  };
}

