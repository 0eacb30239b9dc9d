import type { ConvmatMatchers } from './matchers.ts';

/**
 * The matchers in vitest's types: `expect(x).toEqualPolynomial(…)` and the
 * asymmetric `expect.toEqualPolynomial(…)` inside toEqual.
 */
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends ConvmatMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends ConvmatMatchers {}
}

export type { ConvmatMatchers };
