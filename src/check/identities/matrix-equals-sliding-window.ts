import { polynomialRing } from '../../algebra/ring.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ConvMatrix, isConvMatrix, nonzeros } from '../../matrix/csr.ts';
import { checkMatrix } from '../matrix-check.ts';
import { type ClaimEntry, claimedMatrix } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, work } from '../../work/spec-estimate.ts';
import { productTerms } from '../../work/spec-size.ts';

/**
 * K·z = the sliding window, for every spec: 1D/2D/3D, channels, groups,
 * stride, padding, dilation, transposed, both modes. A claimed matrix (a
 * ConvMatrix, or dense rows of entries) replaces K: one wrong entry is caught.
 */
export interface MatrixClaim {
  matrix?: ConvMatrix | ReadonlyArray<readonly ClaimEntry[]>;
}

const ID = 'matrix-equals-sliding-window';

function checkDense(spec: ConvSpec, rows: ReadonlyArray<readonly ClaimEntry[]>): IdentityReport {
  const m = claimedMatrix(rows, 'matrix');
  const cols = m[0]?.length ?? 0;
  const want = { rows: spec.outputNames.length, cols: spec.inputs.length };
  if (m.length !== want.rows || cols !== want.cols) {
    return failedReport(ID, `the matrix is ${m.length}×${cols}, the spec needs ${want.rows}×${want.cols}`);
  }
  const product = m.map((row) => polynomialRing.sum(row.map((v, c) => polynomialRing.mul(v, spec.inputs[c]!))));
  const window = evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing);
  return identityReport(ID, [comparePolynomials(product, window, ['matrix', 'sliding window'], spec.outputNames)], { rows: m.length, cols });
}

export function checkMatrixEqualsSlidingWindow(input: SpecInput | ConvSpec, options: MatrixClaim = {}): IdentityReport {
  const spec = normalizeSpec(input);
  const claimed = options.matrix;
  if (claimed !== undefined && !isConvMatrix(claimed)) return checkDense(spec, claimed);
  if (claimed && (claimed.rows !== spec.outputNames.length || claimed.cols !== spec.inputs.length)) {
    return failedReport(ID, `the matrix is ${claimed.rows}×${claimed.cols}, the spec needs ${spec.outputNames.length}×${spec.inputs.length}`);
  }
  const result = checkMatrix(spec, claimed ? { matrix: claimed } : {});
  return identityReport(ID, [...result.report.comparisons], { rows: result.matrix.rows, cols: result.matrix.cols, nonzeros: nonzeros(result.matrix) });
}

export const matrixEqualsSlidingWindow = defineIdentity<SpecInput, MatrixClaim>({
  id: ID,
  title: 'The matrix form equals the sliding window',
  statement: 'K z = w \\star z \\quad\\text{where}\\quad (w \\star z)_{o} = \\sum_{j} w_{j}\\, z_{o s + j d - p_{0}}',
  holdsWhen: 'For every valid spec: 1, 2 or 3 spatial axes, channels and groups, stride, padding, dilation, transposed (Kᵀ against the zero-inserted window) and both modes. Taps that land on padding read zero.',
  failsWhen: 'It fails for any other matrix: one wrong, missing or extra entry, or a matrix of another spec (other stride, padding or output padding), which the report names by output entry.',
  parameters: [...SPEC_PARAMETERS, P.paddingMode],
  examples: [
    { input: 6, kernel: 3 },
    { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' },
    { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 },
    { input: [4, 4, 4], kernel: [3, 3, 3] },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 5, channels: true, transposed: 'either', mode: true, asymmetricPadding: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkMatrixEqualsSlidingWindow,
  // a claimed dense matrix is the caller's, already in memory: its size is not the spec's work
  estimate: bySpecSize((_c, s) => work(s.nonzeros, 2 * productTerms(s), 0)),
});
