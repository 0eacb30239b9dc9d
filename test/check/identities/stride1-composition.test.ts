import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'stride1-composition';

describe(ID, () => {
  it('holds for random pairs of stride-1 layers (the second may have a stride)', () => {
    holdsForAll(ID, 30);
  });

  it('two 3-tap kernels give the 5-tap full convolution a ∗ b', () => {
    const r = checkIdentity(ID, { input: 6, layers: [{ kernel: 3 }, { kernel: 3 }] });
    expect(r.holds).toBe(true);
    expect(r.facts).toMatchObject({ fullConvolutionKernel: [5], composedKernel: [5] });
  });

  it('does not hold with a first stride > 1: the composite kernel is k₁ + s₁(k₂ − 1) wide', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 3 }), (s1, k1, k2) => {
      const r = checkIdentity(ID, { input: 12, layers: [{ kernel: k1, stride: s1 }, { kernel: k2 }] });
      expect(r.holds).toBe(k2 === 1); // a 1-tap second layer is the only exception
      expect(r.facts.composedKernel).toEqual([k1 + s1 * (k2 - 1)]);
    }), { numRuns: 20 });
  });

  it('near misses: dilation, or padding between the layers', () => {
    expect({ input: 9, layers: [{ kernel: 3, dilation: 2 }, { kernel: 2 }] }).not.toSatisfyIdentity(ID);
    expect({ input: 9, layers: [{ kernel: 3 }, { kernel: 2, padding: 1 }] }).not.toSatisfyIdentity(ID);
  });
});
