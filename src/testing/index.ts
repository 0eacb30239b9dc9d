/**
 * convmat/testing: importing this module registers convmat's vitest matchers
 * (toEqualPolynomial, toSatisfyIdentity, toMatchSlidingWindow,
 * toComputeConvolution) with
 * expect.extend. Use it from a setup file (setupFiles: ['convmat/testing']) or
 * import it in a test file. It imports vitest only; the fast-check
 * arbitraries are in convmat/testing/arbitrary (src/testing/arbitrary.ts).
 */
import { expect } from 'vitest';
import { convmatMatchers } from './matchers.ts';

export type { ConvmatMatchers } from './vitest-types.ts';

expect.extend(convmatMatchers);

export { convmatMatchers } from './matchers.ts';
export { PROBE_LIMITS, evalShapes, probeMatrix } from '../check/probe.ts';
export type { ConvolutionFn, ProbeFacts, ProbeReport } from '../check/probe.ts';
export type { MatrixLike, PolynomialsLike } from './matchers.ts';
export { diffTerms, formatTermDiff, toPolynomial } from './polynomial-diff.ts';
export type { PolynomialLike, TermDifference } from './polynomial-diff.ts';
