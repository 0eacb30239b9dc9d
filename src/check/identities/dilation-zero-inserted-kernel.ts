import type { Polynomial } from '../../algebra/polynomial.ts';
import { polynomialRing } from '../../algebra/ring.ts';
import { compareMatrices } from '../compare-matrices.ts';
import { sparsePolynomialMatrix } from '../../analysis/spec-matrix.ts';
import { zeroInsertedKernel } from '../../analysis/dilation.ts';
import { SpecError } from '../../errors.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import { type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { type ClaimEntry, claimedVector } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P, SPEC_PARAMETERS } from './parameters.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, dilationEstimate } from '../../work/spec-estimate.ts';

/**
 * A kernel of k taps with dilation d is the undilated kernel of d(k−1)+1 taps
 * that holds the weights every d-th position and zeros between them. Both
 * sides are computed by the sliding window (the dilated one steps by d, the
 * other reads the zeros), and their matrices are compared entry by entry.
 */
export interface DilationClaim {
  /** the claimed zero-inserted weights, in the larger kernel's layout (a near miss: zeros in the wrong places) */
  weights?: readonly ClaimEntry[];
}

const ID = 'dilation-zero-inserted-kernel';

export function checkDilationZeroInsertedKernel(input: SpecInput, options: DilationClaim = {}): IdentityReport {
  const spec = normalizeSpec(input);
  let eq: ReturnType<typeof zeroInsertedKernel>;
  try {
    eq = zeroInsertedKernel(spec);
  } catch (e) {
    if (e instanceof SpecError && e.field.startsWith('outputPadding')) return failedReport(ID, e.message, { dilation: spec.dilation });
    throw e;
  }
  const undilated = normalizeSpec(eq.spec);
  const weights: Polynomial[] = options.weights ? claimedVector(options.weights, 'weights') : eq.weights;
  if (weights.length !== eq.weights.length) {
    throw new SpecError({ field: 'weights', value: weights.length, rule: `the zero-inserted kernel [${eq.kernel.join(', ')}] needs ${eq.weights.length} weights` });
  }
  const z = spec.inputs;
  return identityReport(ID, [
    comparePolynomials(
      evaluateByWindow(spec, spec.weights, z, polynomialRing), evaluateByWindow(undilated, weights, z, polynomialRing),
      ['dilated kernel', 'zero-inserted kernel'], spec.outputNames,
    ),
    compareMatrices(sparsePolynomialMatrix(spec), sparsePolynomialMatrix(undilated, weights), ['K (dilation d)', 'K (zero-inserted kernel)'], 'K'),
  ], { kernel: spec.kernel, dilation: spec.dilation, zeroInsertedKernel: eq.kernel });
}

export const dilationZeroInsertedKernel = defineIdentity<SpecInput, DilationClaim>({
  id: ID,
  title: 'Dilation equals a zero-inserted kernel',
  statement: 'w \\star_{d} z = \\tilde{w} \\star_{1} z, \\qquad \\tilde{w} = (w_{1}, \\underbrace{0, \\dots, 0}_{d-1}, w_{2}, \\dots, w_{k}) \\in \\mathbb{R}^{d(k-1)+1}',
  holdsWhen: 'For every regular spec (any dims, stride, padding, channels, groups, mode) and every transposed spec whose output padding is below its stride (or can move into the trailing padding): the zeros go between the taps only, d−1 of them, none at the ends.',
  failsWhen: 'Zeros at the ends instead of between the taps, d instead of d−1 zeros, or a transposed spec whose output padding ≥ s (allowed only by the dilation) and exceeds the trailing padding: it has no undilated spec of the same size.',
  parameters: [...SPEC_PARAMETERS.filter((p) => p.field !== 'dilation'), { ...P.dilation, range: 'integer ≥ 1 per axis (d = 1 is the trivial case)' }, P.paddingMode],
  examples: [
    { input: 7, kernel: 3, dilation: 2 },
    { input: [7, 7], kernel: [3, 3], dilation: 2 },
    { input: 8, kernel: 2, stride: 2, dilation: 2 },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 7, maxDilation: 3, channels: true, mode: true, asymmetricPadding: true, transposed: 'either', outputPadding: false },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkDilationZeroInsertedKernel,
  estimate: bySpecSize(dilationEstimate),
});
