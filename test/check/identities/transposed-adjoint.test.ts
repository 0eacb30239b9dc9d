import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { arbitrarySpec } from '../../../src/testing/arbitrary.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'transposed-adjoint';

describe(ID, () => {
  it('holds for random convolutions and their transposed partners (channels, groups, uneven padding, mode)', () => {
    holdsForAll(ID, 40);
  });

  it('holds for the DESIGN example and for transposed specs', () => {
    expect({ input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 }).toSatisfyIdentity(ID);
    expect({ input: 4, kernel: 3, transposed: true, inputs: 'z7,z8,z9,z10' }).toSatisfyIdentity(ID);
    expect({ input: [3, 3], kernel: [3, 3], stride: 2, padding: 1, outputPadding: 1, transposed: true }).toSatisfyIdentity(ID);
  });

  it('states which output padding restores the input: (n + p₀ + p₁ − d(k−1) − 1) mod s', () => {
    expect(checkIdentity(ID, { input: 5, kernel: 3, stride: 2, padding: 1 }).facts.restoringOutputPadding).toEqual([0]);
    expect(checkIdentity(ID, { input: 6, kernel: 3, stride: 2, padding: 1 }).facts.restoringOutputPadding).toEqual([1]);
    expect(checkIdentity(ID, { input: 10, kernel: 2, stride: 3, dilation: 2 }).facts.restoringOutputPadding).toEqual([1]);
  });

  it('near miss: output padding off by one is rejected, for every stride ≥ 2', () => {
    fc.assert(fc.property(arbitrarySpec({ dims: [1, 2], minStride: 2, maxStride: 4, channels: true }), (spec) => {
      const right = checkIdentity(ID, spec).facts.restoringOutputPadding as number[];
      const s = spec.stride as number[];
      const off = right.map((a, i) => (i > 0 ? a : a + 1 < s[0]! ? a + 1 : a - 1));
      const r = checkIdentity(ID, { ...spec, outputPadding: off });
      expect(r.holds).toBe(false);
      expect(r.reason).toMatch(/different spaces/);
    }), { numRuns: 30 });
  });

  it('near miss: the padding pair swapped ("same" with an even kernel) is rejected with both sides', () => {
    expect({ input: 6, kernel: 4, padding: 'same' }).toSatisfyIdentity(ID);
    const r = checkIdentity(ID, { input: 6, kernel: 4, padding: 'same', transposedPadding: [[2, 1]] });
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'z7', comparison: '⟨Kx, y⟩ = ⟨x, Kᵀy⟩' });
    expect(r.differences[0]!.left).toEqualPolynomial('w2*z1 + w3*z2 + w4*z3');
    expect(r.differences[0]!.right).toEqualPolynomial('w3*z1 + w4*z2');
  });

  it('does not hold for a transposed spec whose output padding ≥ s (allowed only by dilation)', () => {
    expect({ input: 3, kernel: 2, dilation: 3, outputPadding: 2, transposed: true }).not.toSatisfyIdentity(ID);
    expect({ input: 3, kernel: 2, dilation: 3, outputPadding: 0, transposed: true }).toSatisfyIdentity(ID);
  });
});
