import type { ConvSpec, SpecInput } from './spec.ts';

/** The geometry of a normalised spec as a plain spec (no weights or inputs), to derive a variant from it. */
export function geometryOf(spec: ConvSpec): SpecInput {
  return {
    input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as const), transposed: spec.transposed,
    outputPadding: [...spec.outputPadding], inChannels: spec.inChannels, outChannels: spec.outChannels,
    groups: spec.groups, mode: spec.mode, paddingMode: spec.paddingMode,
  };
}
