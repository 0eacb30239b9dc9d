import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'dilation-zero-inserted-kernel';

describe(ID, () => {
  it('holds for random dilated specs (regular and transposed, channels, groups, mode)', () => {
    holdsForAll(ID, 40);
  });

  it('a 3-tap kernel with dilation 2 is the 5-tap kernel w1, 0, w2, 0, w3', () => {
    const r = checkIdentity(ID, { input: 7, kernel: 3, dilation: 2 });
    expect(r.holds).toBe(true);
    expect(r.facts.zeroInsertedKernel).toEqual([5]);
    expect(checkIdentity(ID, { input: 7, kernel: 3, dilation: 2 }, { weights: ['w1', 0, 'w2', 0, 'w3'] }).holds).toBe(true);
    expect(checkIdentity(ID, { input: [7, 7], kernel: [3, 3], dilation: [2, 3] }).facts.zeroInsertedKernel).toEqual([5, 7]);
  });

  it('near miss: the zeros at the end instead of between the taps are rejected', () => {
    const r = checkIdentity(ID, { input: 7, kernel: 3, dilation: 2 }, { weights: ['w1', 'w2', 'w3', 0, 0] });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.name).toBe('z8');
    expect(r.differences[0]!.left).toEqualPolynomial('w1*z1 + w2*z3 + w3*z5');
    expect(r.differences[0]!.right).toEqualPolynomial('w1*z1 + w2*z2 + w3*z3');
  });

  it('near miss: one zero too many between the taps (d zeros instead of d − 1) has the wrong length', () => {
    expect(() => checkIdentity(ID, { input: 7, kernel: 3, dilation: 2 }, { weights: ['w1', 0, 0, 'w2', 0, 0, 'w3'] })).toThrow(/needs 5 weights/);
  });

  it('does not hold for a transposed spec whose output padding ≥ s has no trailing padding to absorb it', () => {
    const r = checkIdentity(ID, { input: 3, kernel: 2, dilation: 3, outputPadding: 2, transposed: true });
    expect(r.holds).toBe(false);
    expect(r.reason).toMatch(/no undilated equivalent/);
    expect({ input: 3, kernel: 2, dilation: 3, outputPadding: 2, padding: [[0, 2]], transposed: true }).toSatisfyIdentity(ID);
  });
});
