import { type StackLayer, receptiveField, receptiveFieldClosedForm, stackGeometry } from '../../analysis/receptive-field.ts';
import { product } from '../../geometry/names.ts';
import { receptiveFieldSize } from '../../geometry/output-size.ts';
import type { SpecInput } from '../../geometry/spec.ts';
import { broadcast, parsePerAxis } from '../../geometry/spec-fields.ts';
import { defineIdentity } from './define.ts';
import { P, STACK_KEYS } from './parameters.ts';
import { compareIntegers, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { stackEstimate } from '../../work/stack-estimate.ts';

/**
 * The receptive field of a neuron at the top of a stack, found by composing
 * the layers' index maps down to the input, spans r = 1 + Σ d_l(k_l − 1)·Π_{m<l} s_m
 * positions on each axis, for every neuron of an unpadded stack.
 */
export interface ReceptiveFieldSpec {
  input: SpecInput['input'];
  /** the stack, bottom first: kernel, stride, dilation, padding per layer */
  layers: readonly StackLayer[];
}

export interface ReceptiveFieldClaim {
  /** a claimed size per axis instead of the closed form (a near miss: a formula that forgets the strides) */
  size?: number | readonly number[];
}

const ID = 'receptive-field-closed-form';

export function checkReceptiveFieldClosedForm(spec: ReceptiveFieldSpec, options: ReceptiveFieldClaim = {}): IdentityReport {
  const stack = stackGeometry(spec.layers ?? [], spec.input);
  const top = stack.shapes[stack.shapes.length - 1]!;
  const closed = receptiveFieldClosedForm(spec.layers).perAxis;
  const claimed = options.size === undefined ? closed : broadcast(parsePerAxis(options.size as number[], 'size', 1), top.length, 'size');
  const spans: number[] = [], expected: number[] = [], names: string[] = [];
  for (let n = 0; n < product(top); n++) {
    receptiveField(stack, n).span.forEach((s, a) => { spans.push(s); expected.push(claimed[a]!); names.push(`neuron ${n}, axis ${a}`); });
  }
  return identityReport(ID, [compareIntegers(spans, expected, ['composed index maps', 'closed form'], names)], {
    closedForm: closed, size: product(closed), topShape: top, layers: spec.layers.length,
  });
}

export const receptiveFieldIdentity = defineIdentity<ReceptiveFieldSpec, ReceptiveFieldClaim>({
  id: ID,
  title: 'The receptive field has a closed form',
  statement: 'r = 1 + \\sum_{l=1}^{L} d_{l}\\,(k_{l} - 1) \\prod_{m<l} s_{m}',
  holdsWhen: 'For every neuron of the top layer of an unpadded stack of any depth, per axis, with any kernels, strides and dilations (the lecture: k = 2, s = 2 twice gives 4; with dilation 2 on both layers, 7; the TCN with d = 1, 2, 4 and k = 3 gives 15).',
  failsWhen: 'With padding, neurons at the border reach padding instead of input, so their fields are smaller (the closed form holds only away from the borders); a formula that omits the product of the earlier strides undercounts as soon as a stride exceeds 1.',
  parameters: [P.input,
    { field: 'layers[].kernel', symbol: 'k_{l}', range: 'integer ≥ 1 per axis, each layer fitting the output of the one below', min: 1 },
    { field: 'layers[].stride', symbol: 's_{l}', range: 'integer ≥ 1 per axis', min: 1 },
    { field: 'layers[].dilation', symbol: 'd_{l}', range: 'integer ≥ 1 per axis', min: 1 },
    { field: 'layers[].padding', symbol: 'p_{l}', range: 'holds for every neuron only with 0', min: 0, max: 0 }],
  examples: [
    { input: 4, layers: [{ kernel: 2, stride: 2 }, { kernel: 2, stride: 2 }] },
    { input: 7, layers: [{ kernel: 2, stride: 2, dilation: 2 }, { kernel: 2, stride: 2, dilation: 2 }] },
    { input: 16, layers: [{ kernel: 3 }, { kernel: 3, dilation: 2 }, { kernel: 3, dilation: 4 }] },
    { input: [7, 7], layers: [{ kernel: [3, 3] }, { kernel: [3, 3] }, { kernel: [3, 3] }] },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 8, maxPadding: 0 },
    extras: 4,
    build: (spec, ex) => {
      const k = spec.kernel as number[];
      const ones = k.map(() => 1);
      const first = { kernel: k, stride: (spec.stride as number[] | undefined) ?? ones, dilation: (spec.dilation as number[] | undefined) ?? ones };
      const more = [{ k: 1 + (Math.abs(ex[0]!) % 3), s: 1 + (Math.abs(ex[1]!) % 2), d: 1 + (Math.abs(ex[2]!) % 2) }];
      if (ex[3]! > 1) more.push({ k: 2, s: 1, d: 1 });
      const need = k.map((_, a) => receptiveFieldSize([{ k: k[a]!, s: first.stride[a]!, d: first.dilation[a]! }, ...more]));
      const layers: StackLayer[] = [first, ...more.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d }))];
      return { input: (spec.input as number[]).map((n, a) => Math.max(n, need[a]!)), layers };
    },
  },
  check: checkReceptiveFieldClosedForm,
  // traces the field of every top neuron
  estimate: (spec) => stackEstimate(spec, 'identity'),
  specKeys: STACK_KEYS,
});
