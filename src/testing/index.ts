/**
 * convmat/testing: importing this module registers convmat's vitest matchers
 * (toEqualPolynomial, toSatisfyIdentity, toMatchSlidingWindow) with
 * expect.extend, and exports the fast-check arbitraries for valid specs.
 * Use it from a setup file (setupFiles: ['convmat/testing']) or import it in
 * a test file. vitest and fast-check are optional peer dependencies.
 */
import { expect } from 'vitest';
import { convmatMatchers } from './matchers.ts';

export type { ConvmatMatchers } from './vitest-types.ts';

expect.extend(convmatMatchers);

export { convmatMatchers } from './matchers.ts';
export type { MatrixLike, PolynomialsLike } from './matchers.ts';
export { arbitrarySpec, arbitraryIdentitySpec } from './arbitrary-spec.ts';
export type { ArbitrarySpecOptions } from './arbitrary-spec.ts';
export { diffTerms, formatTermDiff, toPolynomial } from './polynomial-diff.ts';
export type { PolynomialLike, TermDifference } from './polynomial-diff.ts';
