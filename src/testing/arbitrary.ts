/**
 * convmat/testing/arbitrary: fast-check arbitraries that draw valid specs and
 * the inputs of one identity. It imports fast-check only (no vitest), so it
 * works with any test runner.
 */
export { arbitrarySpec, arbitraryIdentitySpec } from './arbitrary-spec.ts';
export type { ArbitrarySpecOptions } from './arbitrary-spec.ts';
