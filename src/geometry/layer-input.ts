import { ConvmatError, LimitError, NameError, ParseError, SpecError } from '../errors.ts';
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


/** The layer's own name of each spec key it sets (its errors name the argument the user wrote, not a flag they did not). */
const ARGUMENT: Record<string, string> = {
  kernel: 'kernel_size', inChannels: 'in_channels', outChannels: 'out_channels', outputPadding: 'output_padding', paddingMode: 'padding_mode',
};

/**
 * Runs `read` on a spec with `layer`; an error about a key the layer set
 * (groups that do not divide the channels, a kernel wider than the padded
 * input) is re-labelled as the layer's: `layer: argument groups: must divide…`.
 * A key the user gave beside the layer keeps its own name.
 */
export function inLayerTerms<T>(raw: { layer?: unknown }, read: () => T): T {
  if (raw.layer === undefined) return read();
  try {
    return read();
  } catch (e) {
    const [, key = '', axis = ''] = e instanceof ConvmatError ? /^(\w+)(.*)$/.exec(e.field) ?? [] : [];
    if (!(e instanceof ConvmatError) || !(LAYER_KEYS as readonly string[]).includes(key) || (raw as Record<string, unknown>)[key] !== undefined) throw e;
    const d = { field: 'layer', value: e.value, rule: `argument ${ARGUMENT[key] ?? key}${axis}: ${e.rule}`, fix: e.fix };
    const Kind = { spec: SpecError, parse: ParseError, name: NameError, limit: LimitError }[e.kind];
    throw new Kind(d);
  }
}
