import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/errors.ts';
import { checkIdentity, convMatrix } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'input-gradient-is-transposed';

describe(ID, () => {
  it('holds for random regular specs: Kᵀ·δ is the transposed convolution of δ with the restoring output padding', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture\'s 1D example and a stride-2 2D one; the output padding that restores n is computed and reported', () => {
    const r = checkIdentity(ID, { input: 6, kernel: 3 });
    expect(r.holds).toBe(true);
    expect(r.facts.outputPadding).toEqual([0]);
    // n = 6, k = 3, s = 2: o = 2, and (6 − 3) mod 2 = 1 restores the sixth sample
    const s2 = checkIdentity(ID, { input: [6, 5], kernel: [3, 3], stride: 2, padding: 1 });
    expect(s2.holds).toBe(true);
    expect(s2.facts.outputPadding).toEqual([1, 0]);
  });

  it('near miss: the output padding 0 where the stride drops a sample maps δ to another length', () => {
    const r = checkIdentity(ID, { input: 6, kernel: 3, stride: 2 }, { outputPadding: 0 });
    expect(r.holds).toBe(false);
    expect(r.reason).toMatch(/maps δ \(2 entries\) to 5 values, but the input has 6: only output padding 1 restores n = 6/);
  });

  it('near miss: a K with one wrong entry is rejected, naming the input whose gradient differs', () => {
    const spec = { input: 6, kernel: 3 };
    const m = convMatrix(spec);
    const tap = m.tap.slice();
    tap[4] = 2; // row 1 (z7 = w1 z2 + w2 z3 + w3 z4): its w2 becomes w3
    const r = checkIdentity(ID, spec, { matrix: { ...m, tap } });
    expect(r.holds).toBe(false);
    expect(r.differences.map((d) => d.name)).toEqual(['∂L/∂z3']);
    expect(r.differences[0]!.left).toEqualPolynomial('delta1*w3 + delta2*w3 + delta3*w1');
    expect(r.differences[0]!.right).toEqualPolynomial('delta1*w3 + delta2*w2 + delta3*w1');
  });

  it('refuses a transposed spec, naming the field', () => {
    expect(() => checkIdentity(ID, { input: 4, kernel: 3, transposed: true })).toThrow(/transposed: .*gradients of a regular convolution/);
  });
});

describe(`${ID} with padding modes`, () => {
  it('refuses reflect padding as outside its hypothesis, and says why: the padding cells send their gradient to the inputs they copy', () => {
    expect(() => checkIdentity(ID, { input: 6, kernel: 3, padding: 1, paddingMode: 'reflect' })).toThrow(SpecError);
    expect(() => checkIdentity(ID, { input: 6, kernel: 3, padding: 1, paddingMode: 'reflect' })).toThrow(/paddingMode: .*with padding mode reflect the padding cells copy inputs/);
    expect(checkIdentity(ID, { input: 6, kernel: 3, padding: 1, paddingMode: 'zeros' }).holds).toBe(true);
    expect(checkIdentity(ID, { input: 6, kernel: 3, padding: 0, paddingMode: 'circular' }).holds).toBe(true); // no padding cell, nothing copied
  });
});
