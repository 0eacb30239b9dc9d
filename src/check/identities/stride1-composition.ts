import { type ConvLayer } from '../../geometry/layer-specs.ts';
import { checkComposition } from '../composition-check.ts';
import { composeLayers, naiveComposition } from '../../analysis/composition.ts';
import { SpecError } from '../../errors.ts';
import { receptiveFieldSize } from '../../geometry/output-size.ts';
import type { SpecInput } from '../../geometry/spec.ts';
import type { PaddingValue } from '../../geometry/spec-fields.ts';
import { defineIdentity } from './define.ts';
import { P, STACK_KEYS } from './parameters.ts';
import { compareIntegers, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { compositionEstimate } from '../../work/stack-estimate.ts';

/**
 * Two stride-1 convolutions in a row are one convolution whose kernel is the
 * full convolution of the two kernels, of size k₁ + k₂ − 1 (the receptive
 * field of the pair). The check multiplies the two layer matrices (B·A) and
 * compares them with K of that single convolution. The second layer may have
 * a stride s₂: the single convolution then has stride s₂.
 */
export type CompositionLayer = ConvLayer & { padding?: PaddingValue };

export interface CompositionSpec {
  input: SpecInput['input'];
  /** exactly two layers: kernel, stride, dilation, channels, weights (default names a…, b…); padding makes it fail */
  layers: readonly CompositionLayer[];
}

const unpadded = (l: CompositionLayer): ConvLayer => {
  const { padding: _padding, ...rest } = l;
  return rest;
};

const ID = 'stride1-composition';

export function checkStride1Composition(spec: CompositionSpec): IdentityReport {
  if (!spec || !Array.isArray(spec.layers) || spec.layers.length !== 2) {
    throw new SpecError({ field: 'layers', value: spec?.layers, rule: 'needs exactly two layers', fix: 'for example layers: [{kernel: 3}, {kernel: 2}]' });
  }
  // the single convolution is read from the unpadded layers; B·A keeps any padding, which then shows as a difference
  const [first, second] = spec.layers as [CompositionLayer, CompositionLayer];
  const naive = naiveComposition(unpadded(first), unpadded(second));
  const composed = composeLayers(unpadded(first), unpadded(second));
  const result = checkComposition(first, second, spec.input, naive);
  return identityReport(ID, [
    compareIntegers(composed.kernel, naive.kernel, ['receptive field of the pair', 'k₁ + k₂ − 1'], composed.kernel.map((_, a) => `axis ${a}`)),
    ...result.report.comparisons,
  ], { fullConvolutionKernel: naive.kernel, composedKernel: composed.kernel, composedStride: composed.stride });
}

export const stride1Composition = defineIdentity<CompositionSpec, Record<string, never>>({
  id: ID,
  title: 'Two stride-1 convolutions compose into one',
  statement: 'b \\star (a \\star z) = (a * b) \\star z, \\qquad (a * b)_{j} = \\sum_{i} a_{i}\\, b_{j-i}, \\qquad |a * b| = k_{1} + k_{2} - 1',
  holdsWhen: 'For two unpadded, undilated convolutions (any dims and channels, cross-correlation) when the first has stride 1; the second may have stride s₂, which the single convolution inherits. Its kernel, of size k₁ + k₂ − 1, is the receptive field of the pair.',
  failsWhen: 'With a first stride s₁ > 1 the composite kernel is a ∗ (b spread out by s₁), of size k₁ + s₁(k₂ − 1) and stride s₁s₂, not the full convolution of the kernels; with dilation the kernels must be zero-inserted first; any padding changes the size of B·A against the unpadded single convolution, and padding between the layers does not compose at all (padded zeros are not the first layer applied to padded input).',
  parameters: [
    P.input,
    { field: 'layers[].kernel', symbol: 'k_{1}, k_{2}', range: 'integers ≥ 1 per axis with k₁ + k₂ − 1 ≤ n', min: 1 },
    { field: 'layers[0].stride', symbol: 's_{1}', range: 'holds only for 1', min: 1, max: 1 },
    { field: 'layers[1].stride', symbol: 's_{2}', range: 'integer ≥ 1', min: 1 },
    { field: 'layers[].dilation', symbol: 'd', range: 'holds only for 1', min: 1, max: 1 },
    { ...P.channels, field: 'layers[].inChannels, layers[].outChannels' },
    { field: 'layers[].padding', symbol: 'p', range: 'holds only for 0', min: 0, max: 0 },
  ],
  examples: [
    { input: 6, layers: [{ kernel: 3 }, { kernel: 3 }] },
    { input: [5, 5], layers: [{ kernel: [3, 3] }, { kernel: [2, 2] }] },
    { input: 7, layers: [{ kernel: 2 }, { kernel: 3, stride: 2 }] },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, maxStride: 1, maxDilation: 1, maxPadding: 0, channels: { maxGroups: 1, maxPerGroup: 2 } },
    extras: 4,
    build: (spec, ex) => {
      const k1 = spec.kernel as number[];
      const k2 = k1.map((_, a) => 1 + (Math.abs(ex[a]!) % 3));
      const n = (spec.input as number[]).map((x, a) => Math.max(x, receptiveFieldSize([{ k: k1[a]!, s: 1, d: 1 }, { k: k2[a]!, s: 1, d: 1 }])));
      const mid = 1 + (Math.abs(ex[2]!) % 2);
      const channels = spec.inChannels !== undefined;
      return {
        input: n,
        layers: [
          { kernel: k1, ...(channels ? { inChannels: spec.inChannels, outChannels: mid } : {}) },
          { kernel: k2, ...(ex[3]! > 1 ? { stride: 2 } : {}), ...(channels ? { inChannels: mid, outChannels: spec.outChannels } : {}) },
        ],
      };
    },
  },
  check: checkStride1Composition,
  estimate: compositionEstimate,
  specKeys: STACK_KEYS,
});
