import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, SpecError, normalizeSpec } from '../../src/index.ts';
import { IDENTITY_IDS } from '../../src/check/identities/types.ts';
import { arbitraryIdentitySpec, arbitrarySpec } from '../../src/testing/arbitrary.ts';

/** The first counterexample fast-check reports for a property that fails, after shrinking. */
function shrunk<T>(arb: fc.Arbitrary<T>, ok: (v: T) => boolean): T {
  const out = fc.check(fc.property(arb, ok), { seed: 42, numRuns: 500 });
  if (!out.failed) throw new Error('the property did not fail');
  return out.counterexample![0];
}

describe('arbitrarySpec', () => {
  it('never produces an invalid spec, whatever the options', () => {
    fc.assert(fc.property(arbitrarySpec({
      dims: [1, 2, 3], maxSize: 7, maxKernel: 5, maxStride: 4, maxDilation: 3, maxPadding: 4,
      asymmetricPadding: true, transposed: 'either', channels: { maxGroups: 3, maxPerGroup: 3 }, mode: true,
    }), (spec) => {
      const s = normalizeSpec(spec);
      expect(s.input.every((n) => n <= 7)).toBe(true);
      expect(s.kernel.every((k) => k <= 5)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('keeps to the constraints it is given', () => {
    fc.assert(fc.property(arbitrarySpec({ dims: 2, maxKernel: 1, maxStride: 1, maxPadding: 0, transposed: true }), (spec) => {
      const s = normalizeSpec(spec);
      expect([s.dims, s.transposed, s.kernel, s.stride, s.padding.flat()]).toEqual([2, true, [1, 1], [1, 1], [0, 0, 0, 0]]);
    }), { numRuns: 50 });
    fc.assert(fc.property(arbitrarySpec({ dims: 3, minKernel: 3, maxKernel: 3, maxSize: 3 }), (spec) => {
      expect(normalizeSpec(spec).kernel).toEqual([3, 3, 3]);
    }), { numRuns: 30 });
  });

  it('gives plain objects with the defaults left out', () => {
    const [spec] = fc.sample(arbitrarySpec({ maxKernel: 1, maxStride: 1, maxDilation: 1, maxPadding: 0, dims: 1 }), { seed: 1, numRuns: 1 });
    expect(Object.keys(spec!).sort()).toEqual(['input', 'kernel']);
  });

  it('shrinks to the smallest counterexample', () => {
    expect(shrunk(arbitrarySpec({ dims: [1, 2, 3] }), (s) => normalizeSpec(s).kernel.every((k) => k < 3))).toEqual({ input: [3], kernel: [3] });
    expect(shrunk(arbitrarySpec({ transposed: 'either', channels: true }), (s) => !(s.transposed && normalizeSpec(s).stride[0]! > 1)))
      .toEqual({ input: [1], kernel: [1], stride: [2], transposed: true, inChannels: 1, outChannels: 1 });
    expect(shrunk(arbitrarySpec({ channels: true }), (s) => normalizeSpec(s).groups === 1)).toEqual({ input: [1], kernel: [1], inChannels: 2, outChannels: 2, groups: 2 });
  });

  it('rejects impossible options with a typed error', () => {
    expect(() => arbitrarySpec({ dims: 4 })).toThrow(SpecError);
    expect(() => arbitrarySpec({ minKernel: 5, maxSize: 3 })).toThrow(/maxSize/);
  });

  it('stays far below the engine limits', () => {
    const [spec] = fc.sample(arbitrarySpec({ dims: 3, maxSize: 8, channels: true }), { seed: 3, numRuns: 1 });
    expect(normalizeSpec(spec!).inputShape.reduce((a, b) => a * b, 1)).toBeLessThan(LIMITS.elements);
  });
});

describe('arbitraryIdentitySpec', () => {
  it.each(IDENTITY_IDS.map((id) => [id]))('%s: every drawn spec is valid for the identity', (id) => {
    fc.assert(fc.property(arbitraryIdentitySpec(id), (spec) => {
      expect(() => JSON.stringify(spec)).not.toThrow();
    }), { numRuns: 20 });
  });
});
