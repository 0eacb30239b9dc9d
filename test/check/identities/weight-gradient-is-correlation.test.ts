import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { im2colMatrix } from '../../../src/matrix/im2col.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'weight-gradient-is-correlation';

describe(ID, () => {
  it('holds for random regular specs: Zᵀ·δ is the correlation of the padded input with δ dilated by the stride', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture\'s 1D example: ∂L/∂w_j = Σ_o δ_o z_{o+j−1}; a stride that drops samples leaves outputs beyond k', () => {
    const r = checkIdentity(ID, { input: 6, kernel: 3 });
    expect(r.holds).toBe(true);
    expect(r.facts).toMatchObject({ correlationKernel: [4], correlationDilation: [1], correlationStride: [1] });
    // n = 7, k = 2, s = 3: o = 2, the correlation (kernel 2, dilation 3) has 7 − 3 = 4 outputs, the first 2 are ∂L/∂w
    expect(checkIdentity(ID, { input: 7, kernel: 2, stride: 3 }).holds).toBe(true);
    expect(checkIdentity(ID, { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1, mode: 'convolution' }).holds).toBe(true);
  });

  it('near miss: δ not dilated by the stride is rejected, naming the weight', () => {
    const r = checkIdentity(ID, { input: 7, kernel: 3, stride: 2 }, { dilation: [1] });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.name).toBe('∂L/∂w1');
    expect(r.differences[0]!.left).toEqualPolynomial('delta1*z1 + delta2*z3 + delta3*z5');
    expect(r.differences[0]!.right).toEqualPolynomial('delta1*z1 + delta2*z2 + delta3*z3');
  });

  it('near miss: a Z with one wrong entry is rejected, naming the weight whose gradient differs', () => {
    const spec = { input: 6, kernel: 3 };
    const z = im2colMatrix(spec);
    const tap = z.tap.slice();
    tap[1] = 5; // Z[0, w2] reads z6 instead of z2
    const r = checkIdentity(ID, spec, { matrix: { ...z, tap } });
    expect(r.holds).toBe(false);
    expect(r.differences.map((d) => d.name)).toEqual(['∂L/∂w2']);
    expect(r.differences[0]!.left).toEqualPolynomial('delta1*z6 + delta2*z3 + delta3*z4 + delta4*z5');
  });
});

describe(`${ID} with padding modes`, () => {
  it('holds for reflect, replicate and circular padding: the correlation pads the input as the forward pass does', () => {
    for (const paddingMode of ['reflect', 'replicate', 'circular'] as const) {
      expect(checkIdentity(ID, { input: [5, 4], kernel: [3, 2], stride: [2, 1], padding: [[2, 1], [1, 0]], paddingMode }).holds, paddingMode).toBe(true);
    }
  });

  it('near miss: the correlation over the zero-padded input is rejected for reflect padding, naming the weight', () => {
    const spec = { input: 4, kernel: 3, padding: 1, paddingMode: 'reflect' as const };
    const zeros = im2colMatrix({ input: 4, kernel: 3, padding: 1 });
    const r = checkIdentity(ID, spec, { matrix: zeros });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.name).toBe('∂L/∂w1');
    expect(r.differences[0]!.right).toEqualPolynomial('delta1*z2 + delta2*z1 + delta3*z2 + delta4*z3');
  });
});
