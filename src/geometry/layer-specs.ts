import { SpecError } from '../errors.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from './spec.ts';

/** One layer of a two-layer composition: a spec without its input. */
export type ConvLayer = Pick<SpecInput, 'kernel' | 'stride' | 'dilation' | 'inChannels' | 'outChannels' | 'weights'>;

/** The two layers as specs on a given input (the second on the first's output). Default weight names: a…, b…. */
export function layerSpecs(first: ConvLayer, second: ConvLayer, input: SpecInput['input']): [ConvSpec, ConvSpec] {
  if (first.outChannels !== undefined && second.inChannels !== undefined && Number(first.outChannels) !== Number(second.inChannels)) {
    throw new SpecError({ field: 'layers[1].inChannels', value: second.inChannels, rule: `must equal the first layer's outChannels (${first.outChannels})` });
  }
  const mid = first.outChannels ?? second.inChannels ?? 1;
  const a = normalizeSpec({ ...first, input, outChannels: mid, weights: first.weights ?? 'a' });
  const b = normalizeSpec({ ...second, input: [...a.output], inChannels: mid, weights: second.weights ?? 'b' });
  return [a, b];
}

