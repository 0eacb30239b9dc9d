import { LIMITS } from '../../geometry/spec.ts';
import type { IdentityParameter } from './types.ts';

/** The parameters most identities range over, stated once. */
export const P = {
  input: { field: 'input', symbol: 'n', range: `integer ≥ 1 per axis, 1 to ${LIMITS.dims} axes`, min: 1, max: LIMITS.size },
  kernel: { field: 'kernel', symbol: 'k', range: 'integer ≥ 1 per axis, with d(k−1)+1 ≤ n + p₀ + p₁', min: 1, max: LIMITS.size },
  stride: { field: 'stride', symbol: 's', range: 'integer ≥ 1 per axis', min: 1, max: LIMITS.size },
  padding: { field: 'padding', symbol: 'p', range: 'integers ≥ 0 per side, or valid, same (stride 1), full', min: 0 },
  dilation: { field: 'dilation', symbol: 'd', range: 'integer ≥ 1 per axis', min: 1, max: LIMITS.size },
  outputPadding: { field: 'outputPadding', symbol: 'a', range: 'integer with 0 ≤ a < max(s, d)', min: 0 },
  channels: { field: 'inChannels, outChannels', symbol: 'C', range: `integers from 1 to ${LIMITS.channels}`, min: 1, max: LIMITS.channels },
  groups: { field: 'groups', symbol: 'g', range: 'an integer dividing both channel counts', min: 1, max: LIMITS.channels },
  mode: { field: 'mode', symbol: '\\star', range: 'correlation or convolution' },
  paddingMode: { field: 'paddingMode', symbol: '\\mathrm{pad}', range: 'zeros, reflect (p < n), replicate or circular (p ≤ n); regular convolutions only' },
} as const satisfies Record<string, IdentityParameter>;

/** The parameters of a general spec. */
export const SPEC_PARAMETERS: readonly IdentityParameter[] = [
  P.input, P.kernel, P.stride, P.padding, P.dilation, P.channels, P.groups, P.mode,
];

/** The keys of an identity over a stack of layers (its spec replaces a plain spec). */
export const STACK_KEYS: readonly string[] = ['input', 'layers'];
