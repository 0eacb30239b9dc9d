import { describe, expect, it } from 'vitest';
import { checkIdentity, im2colMatrix, type ConvMatrix } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'im2col-duality';

/** A copy of Z with the input held by nonzero number `at` moved to the next input (an entry read from the wrong place). */
function moved(m: ConvMatrix, at: number): ConvMatrix {
  const tap = m.tap.slice();
  tap[at] = tap[at]! + 1;
  return { ...m, tap };
}

describe(ID, () => {
  it('holds for random specs: dims, channels, groups, stride, padding, dilation, transposed, mode', () => {
    holdsForAll(ID, 40);
  });

  it("holds for the lecture's Z written out by hand: rows z1 z2 z3 … z4 z5 z6, and x,y,z over the padded a,b,c,d", () => {
    expect({ input: 6, kernel: 3 }).toSatisfyIdentity(ID, { matrix: [['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], ['z4', 'z5', 'z6']] });
    expect({ input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' })
      .toSatisfyIdentity(ID, { matrix: [[0, 'a', 'b'], ['a', 'b', 'c'], ['b', 'c', 'd'], ['c', 'd', 0]] });
    // convolution mode flips the kernel: row 1 of Z reads z3, z2, z1 against w1, w2, w3
    expect({ input: 4, kernel: 3, mode: 'convolution' }).toSatisfyIdentity(ID, { matrix: [['z3', 'z2', 'z1'], ['z4', 'z3', 'z2']] });
  });

  it('padding modes: Z holds the input a padding cell copies (written by hand from PyTorch\'s definitions)', () => {
    // reflect pads z2 | z1 … z5 | z4; circular pads z5 | z1 … z5 | z1; replicate pads z1 | z1 … z5 | z5
    const rows = (first: string[], last: string[]) => [first, ['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], last];
    const spec = { input: 5, kernel: 3, padding: 1 };
    expect({ ...spec, paddingMode: 'reflect' }).toSatisfyIdentity(ID, { matrix: rows(['z2', 'z1', 'z2'], ['z4', 'z5', 'z4']) });
    expect({ ...spec, paddingMode: 'circular' }).toSatisfyIdentity(ID, { matrix: rows(['z5', 'z1', 'z2'], ['z4', 'z5', 'z1']) });
    expect({ ...spec, paddingMode: 'replicate' }).toSatisfyIdentity(ID, { matrix: rows(['z1', 'z1', 'z2'], ['z4', 'z5', 'z5']) });
    // the zeros-mode Z under reflect padding misses the copied samples
    expect({ ...spec, paddingMode: 'reflect' }).not.toSatisfyIdentity(ID, { matrix: rows(['0', 'z1', 'z2'], ['z4', 'z5', '0']) });
    for (const paddingMode of ['reflect', 'replicate', 'circular']) {
      for (const s of [{ input: [4, 5], kernel: [3, 2], padding: [1, 1], inChannels: 2, outChannels: 2 }, { input: 6, kernel: 2, padding: [[1, 0]], stride: 2, dilation: 2 }]) {
        expect({ ...s, paddingMode }).toSatisfyIdentity(ID);
      }
    }
  });

  it('near miss: a Z with one entry moved is rejected, naming the output and both sides', () => {
    const spec = { input: 6, kernel: 3 };
    const r = checkIdentity(ID, spec, { matrix: moved(im2colMatrix(spec), 4) }); // row 2, second entry: z3 → z4
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'z8' });
    expect(r.differences[0]!.left).toEqualPolynomial('w1*z2 + w2*z3 + w3*z4');
    expect(r.differences[0]!.right).toEqualPolynomial('w1*z2 + w2*z4 + w3*z4');
  });

  it('near miss: a wrong claim written by hand (the last window swapped) is rejected at z10', () => {
    const spec = { input: 6, kernel: 3 };
    expect(spec).not.toSatisfyIdentity(ID, { matrix: [['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], ['z4', 'z6', 'z5']] });
    const r = checkIdentity(ID, spec, { matrix: [['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], ['z4', 'z6', 'z5']] });
    expect(r.differences.map((d) => d.name)).toEqual(['z10']);
    expect(r.differences[0]!.difference).toEqualPolynomial('w2*z5 + w3*z6 - w2*z6 - w3*z5');
  });

  it('near miss: the Z of another spec (K transposed, stride 2) has the wrong shape or entries', () => {
    const spec = { input: 6, kernel: 3 };
    expect(checkIdentity(ID, spec, { matrix: im2colMatrix({ input: 6, kernel: 3, stride: 2 }) }).reason).toMatch(/Z is 2×3, the spec needs 4×3/);
    expect(checkIdentity(ID, spec, { matrix: im2colMatrix({ input: 6, kernel: 3, mode: 'convolution' }) }).holds).toBe(false);
  });

  it('with groups, a Z whose second group reads the first group\'s channels is rejected', () => {
    const spec = { input: 2, kernel: 1, inChannels: 2, outChannels: 2, groups: 2, inputs: 'a,b,c,d' };
    // rows: channel 1 at positions 1, 2 reads a, b (w_1_1_1); channel 2 must read c, d (w_2_1_1)
    expect(spec).toSatisfyIdentity(ID, { matrix: [['a', 0], ['b', 0], [0, 'c'], [0, 'd']] });
    const r = checkIdentity(ID, spec, { matrix: [['a', 0], ['b', 0], [0, 'a'], [0, 'b']] });
    expect(r.holds).toBe(false);
    expect(r.differences.map((d) => d.name)).toEqual(['y2_1', 'y2_2']);
  });
});
