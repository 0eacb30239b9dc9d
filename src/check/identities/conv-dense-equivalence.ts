import { type VecOrder } from '../../analysis/flatten.ts';
import { convAsDenseLayer } from '../dense-layer.ts';
import { SPEC_KEYS, type SpecInput } from '../../geometry/spec.ts';
import { polyMatVec, polyMatrixFromDense } from '../../matrix/poly-matrix.ts';
import { type ClaimEntry, claimedMatrix } from './claims.ts';
import { defineIdentity } from './define.ts';
import { SPEC_PARAMETERS } from './parameters.ts';
import { plainSpec } from './partners.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, flattenEstimate } from '../../work/spec-estimate.ts';

/**
 * A convolution is a dense (fully connected) layer on the flattened input:
 * vec(y) = W·vec(x), where W is the Toeplitz matrix K with its rows and
 * columns in vec order. Checked against vec of the sliding-window result.
 */
export interface DenseSpec extends SpecInput {
  /** the flattening order of both vectors (default row-major, convmat's layout) */
  order?: VecOrder;
}

export interface DenseClaim {
  /** a claimed dense weight matrix, rows and columns in `order` (a near miss: one entry wrong, or W of the other order) */
  weights?: ReadonlyArray<readonly ClaimEntry[]>;
}

const ID = 'conv-dense-equivalence';

export function checkConvDenseEquivalence(input: DenseSpec, options: DenseClaim = {}): IdentityReport {
  const layer = convAsDenseLayer(plainSpec(input, ['order']), input.order ?? 'row-major');
  const facts = { order: layer.order, rows: layer.weights.rows, cols: layer.weights.cols };
  if (!options.weights) return identityReport(ID, [...layer.report.comparisons], facts);
  const w = claimedMatrix(options.weights, 'weights');
  if (w.length !== facts.rows || (w[0]?.length ?? 0) !== facts.cols) {
    return failedReport(ID, `the weight matrix is ${w.length}×${w[0]?.length ?? 0}, the layer needs ${facts.rows}×${facts.cols}`, facts);
  }
  const dense = polyMatVec(polyMatrixFromDense(w), layer.inputVec);
  return identityReport(ID, [comparePolynomials(dense, layer.convolution, ['dense layer', 'convolution'], layer.outputNames)], facts);
}

export const convDenseEquivalence = defineIdentity<DenseSpec, DenseClaim>({
  id: ID,
  title: 'A convolution is a dense layer with a Toeplitz weight matrix',
  statement: '\\operatorname{vec}(w \\star z) = W \\operatorname{vec}(z), \\qquad W_{\\pi(o),\\,\\pi(i)} = K_{o,i} = \\sum_{j:\\; o s + j d - p_{0} = i} w_{j}',
  holdsWhen: 'For every spec, with rows and columns of W in the same flattening order as the vectors (row-major: last axis fastest, channels outermost; or column-major). With stride 1 and zeros or circular padding, W is Toeplitz: banded Toeplitz in 1D (with circular padding the band wraps around into the corners), doubly block Toeplitz in 2D, block diagonal across groups. Otherwise the identity still holds but W is not Toeplitz: with stride s > 1 each row is the row above shifted by s columns (in a transposed convolution, each column the column before shifted by s rows), and with reflect or replicate padding the border rows add the taps that read a padding cell onto the input it copies.',
  failsWhen: 'W in one order applied to the vector flattened in the other order (unless the tensor has one non-trivial axis), or any matrix other than K, differs.',
  parameters: [...SPEC_PARAMETERS, { field: 'order', symbol: '\\pi', range: 'row-major or column-major' }],
  examples: [
    { input: 6, kernel: 3 },
    { input: [3, 3], kernel: [2, 2] },
    { input: [3, 3], kernel: [2, 2], order: 'column-major' },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 4, channels: true, transposed: 'either', mode: true },
    extras: 1,
    build: (spec, ex) => ({ ...spec, ...(ex[0]! > 0 ? { order: 'column-major' as const } : {}) }),
  },
  check: checkConvDenseEquivalence,
  estimate: bySpecSize(flattenEstimate),
  specKeys: [...SPEC_KEYS, 'order'],
});
