import { describe, expect, it } from 'vitest';
import { checkIdentity, evaluateByWindow, float64Ring, normalizeSpec } from '../../../src/index.ts';
import { lectureCase } from '../../cases.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'correlation-convolution-flip';

describe(ID, () => {
  it('holds for random specs (regular and transposed, channels, groups, uneven padding)', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture 5×5 example: correlation gives 12, 12, 17, …; convolution with the flipped filter gives the same', () => {
    const c = lectureCase('conv2d-5x5-numbers');
    const flipped = [[2, 1, 0], [0, 2, 2], [2, 1, 0]];
    const conv = normalizeSpec({ ...c.spec, weights: flipped, mode: 'convolution' });
    expect(evaluateByWindow(conv, conv.weights.map((p) => Number(p.constantValue()!.n)), conv.inputs.map((p) => Number(p.constantValue()!.n)), float64Ring))
      .toEqual(c.expected.values);
    expect(c.spec).toSatisfyIdentity(ID);
  });

  it('near miss: correlation with the unflipped kernel differs from convolution', () => {
    const r = checkIdentity(ID, { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' }, { weights: ['x', 'y', 'z'] });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.left).toEqualPolynomial('a*y + b*x');
    expect(r.differences[0]!.right).toEqualPolynomial('a*y + b*z');
  });

  it('near miss: a 2D kernel flipped on one axis only is rejected', () => {
    const spec = { input: [4, 4], kernel: [2, 2] };
    expect(spec).toSatisfyIdentity(ID, { weights: ['w4', 'w3', 'w2', 'w1'] });
    expect(spec).not.toSatisfyIdentity(ID, { weights: ['w3', 'w4', 'w1', 'w2'] });
  });

  it('a symmetric kernel needs no flip', () => {
    const r = checkIdentity(ID, { input: 5, kernel: 3, weights: [1, 2, 1] }, { weights: [1, 2, 1] });
    expect(r.holds).toBe(true);
    expect(r.facts.symmetricKernel).toBe(true);
  });
});
