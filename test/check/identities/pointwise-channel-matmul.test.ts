import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { lectureCase } from '../../cases.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'pointwise-channel-matmul';
const M = [['w_1_1_1', 'w_1_2_1', 'w_1_3_1'], ['w_2_1_1', 'w_2_2_1', 'w_2_3_1']];

describe(ID, () => {
  it('holds for random 1×1 convolutions (1D–3D, channels, groups)', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture: 200 channels embedded into one', () => {
    const r = checkIdentity(ID, lectureCase('one-by-one-200').spec);
    expect(r.holds).toBe(true);
    expect(r.facts).toMatchObject({ inChannels: 200, outChannels: 1, positions: 4 });
  });

  it('the mixing matrix is C_out × C_in with M[o, c] = w[o, c]', () => {
    expect(checkIdentity(ID, { input: [3, 3], inChannels: 3, outChannels: 2 }, { mixing: M }).holds).toBe(true);
  });

  it('near miss: Mᵀ is rejected (by its shape, and by its entries when square)', () => {
    const t = M[0]!.map((_, c) => M.map((row) => row[c]!));
    const r = checkIdentity(ID, { input: [3, 3], inChannels: 3, outChannels: 2 }, { mixing: t });
    expect(r.holds).toBe(false);
    expect(r.reason).toMatch(/3×2/);
    const sq = checkIdentity(ID, { input: 2, inChannels: 2, outChannels: 2 }, { mixing: [['w_1_1_1', 'w_2_1_1'], ['w_1_2_1', 'w_2_2_1']] });
    expect(sq.holds).toBe(false);
    expect(sq.differences[0]!.left).toEqualPolynomial('w_1_1_1*z_1_1 + w_2_1_1*z_2_1');
    expect(sq.differences[0]!.right).toEqualPolynomial('w_1_1_1*z_1_1 + w_1_2_1*z_2_1');
  });

  it('near miss: one entry of M wrong is rejected', () => {
    const wrong = M.map((r) => [...r]);
    wrong[1]![2] = 'w_2_2_1';
    expect({ input: [3, 3], inChannels: 3, outChannels: 2 }).not.toSatisfyIdentity(ID, { mixing: wrong });
  });
});
