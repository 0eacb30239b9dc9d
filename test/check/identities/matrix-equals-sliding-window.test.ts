import { describe, expect, it } from 'vitest';
import { checkIdentity, convMatrix, type ConvMatrix } from '../../../src/index.ts';
import { lectureCase } from '../../cases.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'matrix-equals-sliding-window';

/** A copy of m with the weight of nonzero number `at` replaced by the next weight. */
function corrupt(m: ConvMatrix, at: number): ConvMatrix {
  const tap = m.tap.slice();
  tap[at] = (tap[at]! + 1) % (Math.max(...tap) + 1);
  return { ...m, tap };
}

describe(ID, () => {
  it('holds for random specs: dims, channels, groups, stride, padding, dilation, transposed, mode', () => {
    holdsForAll(ID, 40);
  });

  it('holds for the lecture matrices written out by hand', () => {
    for (const id of ['padded-xyz', 'padded-xyz-transposed', 'w-z-regular', 'w-z-transposed']) {
      const c = lectureCase(id);
      expect(c.expected.matrix).toMatchSlidingWindow(c.spec);
    }
  });

  it('near miss: a matrix with one wrong entry is rejected, naming the output and both sides', () => {
    const spec = { input: 6, kernel: 3 };
    const wrong = corrupt(convMatrix(spec), 4); // row 1, second nonzero: w2 → w3
    expect(convMatrix(spec)).toMatchSlidingWindow(spec);
    expect(wrong).not.toMatchSlidingWindow(spec);
    const r = checkIdentity(ID, spec, { matrix: wrong });
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'z8' });
    expect(r.differences[0]!.left).toEqualPolynomial('w1*z2 + w3*z3 + w3*z4');
    expect(r.differences[0]!.right).toEqualPolynomial('w1*z2 + w2*z3 + w3*z4');
    expect(r.differences[0]!.difference).toEqualPolynomial('w3*z3 - w2*z3');
  });

  it('near miss: the lecture matrix with one entry mistyped is rejected', () => {
    const c = lectureCase('padded-xyz');
    const typo = c.expected.matrix!.map((r) => [...r]);
    typo[3]![3] = 'x'; // the last y written as x
    expect(typo).not.toMatchSlidingWindow(c.spec);
    expect(checkIdentity(ID, c.spec, { matrix: typo }).differences[0]?.name).toBe('u4'); // u: y and z are weights
  });

  it('near miss: the matrix of another stride or output padding is rejected by its shape', () => {
    expect(convMatrix({ input: 6, kernel: 3, stride: 2 })).not.toMatchSlidingWindow({ input: 6, kernel: 3 });
    const t = { input: [3, 3], kernel: [3, 3], stride: 2, padding: 1, transposed: true };
    const r = checkIdentity(ID, { ...t, outputPadding: 1 }, { matrix: convMatrix(t) });
    expect(r).toMatchObject({ holds: false, differences: [] });
    expect(r.reason).toMatch(/25×9, the spec needs 36×9/);
  });
});
