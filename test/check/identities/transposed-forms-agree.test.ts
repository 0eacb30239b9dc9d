import { describe, expect, it } from 'vitest';
import { checkIdentity, convMatrix } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'transposed-forms-agree';

describe(ID, () => {
  it('holds for random transposed specs: Kᵀ·y = scatter = zero insertion with the flipped kernel', () => {
    holdsForAll(ID, 40);
  });

  it('holds for the lecture example 4 (3×3, stride 2, padding 1) with either output padding', () => {
    for (const outputPadding of [0, 1]) {
      expect({ input: [3, 3], kernel: [3, 3], stride: 2, padding: 1, outputPadding }).toSatisfyIdentity(ID);
    }
    const r = checkIdentity(ID, { input: 4, kernel: 3, transposed: true, inputs: 'z7,z8,z9,z10' });
    expect(r.comparisons.map((c) => [c.left, c.right, c.equal])).toEqual([['Kᵀ·y', 'scatter', true], ['Kᵀ·y', 'zero insertion', true]]);
  });

  it('near miss: Kᵀ built for an output padding off by one is rejected', () => {
    const spec = { input: [3, 3], kernel: [3, 3], stride: 2, padding: 1, transposed: true };
    const r = checkIdentity(ID, { ...spec, outputPadding: 1 }, { matrix: convMatrix(spec) });
    expect(r.holds).toBe(false);
    expect(r.reason).toMatch(/25×9/);
  });

  it('near miss: Kᵀ with one wrong entry is rejected by both other forms', () => {
    const spec = { input: 4, kernel: 3, transposed: true };
    const m = convMatrix(spec);
    const tap = m.tap.slice();
    tap[0] = 2; // w1 → w3 in the first row
    const r = checkIdentity(ID, spec, { matrix: { ...m, tap } });
    expect(r.holds).toBe(false);
    expect(r.comparisons.map((c) => c.equal)).toEqual([false, false]);
    expect(r.differences[0]!.name).toBe('ztilde1'); // the lecture's z̃1
    expect(r.differences[0]!.left).toEqualPolynomial('w3*z1');
    expect(r.differences[0]!.right).toEqualPolynomial('w1*z1');
  });
});
