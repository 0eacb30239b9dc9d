import { polynomialRing } from '../../algebra/ring.ts';
import { compareMatrices } from '../compare-matrices.ts';
import { pointwiseAsMatrixProduct } from '../pointwise-product.ts';
import type { SpecInput } from '../../geometry/spec.ts';
import { matMul } from '../../matrix/products.ts';
import { type ClaimEntry, claimedMatrix } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, pointwiseEstimate } from '../../work/spec-estimate.ts';

/**
 * A 1×1 convolution is a channel matrix product: with the input as the
 * C_in × HW matrix X, it computes M·X, where M[o, c] = w[o, c] (block
 * diagonal with groups); its K is M ⊗ I. The spec's kernel defaults to 1.
 */
export interface PointwiseClaim {
  /** a claimed C_out × C_in mixing matrix (a near miss: Mᵀ, or one entry wrong) */
  mixing?: ReadonlyArray<readonly ClaimEntry[]>;
}

const ID = 'pointwise-channel-matmul';

export function checkPointwiseChannelMatmul(input: SpecInput, options: PointwiseClaim = {}): IdentityReport {
  const result = pointwiseAsMatrixProduct({ kernel: 1, ...input });
  const facts = { inChannels: result.input.length, outChannels: result.convolution.length, positions: result.input[0]?.length ?? 0 };
  if (!options.mixing) return identityReport(ID, [...result.report.comparisons], facts);
  const m = claimedMatrix(options.mixing, 'mixing');
  const cols = m[0]?.length ?? 0;
  if (m.length !== facts.outChannels || cols !== facts.inChannels) {
    return failedReport(ID, `the mixing matrix is ${m.length}×${cols}, the convolution mixes ${facts.inChannels} channels into ${facts.outChannels}`, facts);
  }
  const product = matMul(m, result.input, polynomialRing);
  return identityReport(ID, [compareMatrices(product, result.convolution, ['M·X', 'K·z'], 'Y')], facts);
}

export const pointwiseChannelMatmul = defineIdentity<SpecInput, PointwiseClaim>({
  id: ID,
  title: 'A 1×1 convolution is a channel matrix product',
  statement: 'Y = M X, \\qquad M_{o,c} = w_{o,c}, \\qquad X \\in \\mathbb{R}^{C_{\\text{in}} \\times HW}, \\qquad K = M \\otimes I_{HW}',
  holdsWhen: 'For a regular convolution with kernel 1 on every axis, stride 1 and no padding, any number of axes, channels and groups (M is then block diagonal). The lecture mixes 200 channels into 1.',
  failsWhen: 'The mixing matrix is C_out × C_in, not its transpose; a kernel larger than 1, a stride or padding make it a different operation (outside the range, a typed error).',
  parameters: [P.input, { ...P.kernel, range: 'exactly 1 on every axis', min: 1, max: 1 }, { ...P.stride, range: 'exactly 1', max: 1 },
    { ...P.padding, range: 'exactly 0' }, P.channels, P.groups, P.mode],
  examples: [
    { input: [2, 2], kernel: [1, 1], inChannels: 200, outChannels: 1 },
    { input: [3, 3], kernel: [1, 1], inChannels: 3, outChannels: 2 },
    { input: 4, kernel: 1, inChannels: 4, outChannels: 2, groups: 2 },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 4, maxKernel: 1, maxStride: 1, maxDilation: 3, maxPadding: 0, channels: { maxGroups: 3, maxPerGroup: 3 }, mode: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkPointwiseChannelMatmul,
  estimate: bySpecSize(pointwiseEstimate, (r) => ({ kernel: 1, ...(r as object) })),
});
