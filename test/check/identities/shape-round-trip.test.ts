import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentity, normalizeSpec } from '../../../src/index.ts';
import { arbitrarySpec } from '../../../src/testing/arbitrary.ts';
import { oracleConvTranspose } from '../../oracle.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'shape-round-trip';

describe(ID, () => {
  it('holds for random convolutions with the restoring output padding', () => {
    holdsForAll(ID, 60);
  });

  it('the restoring output padding agrees with the independent oracle', () => {
    fc.assert(fc.property(arbitrarySpec({ dims: [1, 2], maxSize: 9, maxStride: 4, maxDilation: 3, asymmetricPadding: true }), (spec) => {
      const conv = normalizeSpec(spec);
      const op = checkIdentity(ID, spec).facts.restoringOutputPadding as number[];
      const x = { data: Array(conv.output.reduce((a, b) => a * b, 1)).fill(1), shape: [1, ...conv.output] };
      const w = { data: Array(conv.kernel.reduce((a, b) => a * b, 1)).fill(1), shape: [1, 1, ...conv.kernel] };
      const back = oracleConvTranspose(x, w, {
        stride: [...conv.stride], dilation: [...conv.dilation], padding: conv.padding.map(([a, b]) => [a, b]), outputPadding: op,
      });
      expect(back.shape).toEqual([1, ...conv.input]);
    }), { numRuns: 60 });
  });

  it('the lecture: 4×4 → 2×2 → 4×4 with k = 3, s = 1, p = 0; and which output padding each of 5 and 6 needs at s = 2', () => {
    expect(checkIdentity(ID, { input: [4, 4], kernel: [3, 3] }).facts).toMatchObject({ output: [1, 2, 2], roundTrip: [1, 4, 4] });
    const five = checkIdentity(ID, { input: 5, kernel: 3, stride: 2, padding: 1 });
    const six = checkIdentity(ID, { input: 6, kernel: 3, stride: 2, padding: 1 });
    expect([five.facts.output, six.facts.output]).toEqual([[1, 3], [1, 3]]);
    expect([five.facts.restoringOutputPadding, six.facts.restoringOutputPadding]).toEqual([[0], [1]]);
  });

  it('near miss: output padding off by one misses n, and the report names the axis with both sizes', () => {
    const r = checkIdentity(ID, { input: 6, kernel: 3, stride: 2, padding: 1, outputPadding: 0 });
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'axis 0', left: '6', right: '5' });
    expect({ input: [5, 5], kernel: [3, 3], stride: 2, padding: 1, outputPadding: 1 }).not.toSatisfyIdentity(ID);
  });

  it('"same" with an even kernel round-trips only with the same uneven pair, never with a symmetric padding', () => {
    for (const k of [2, 4, 6]) {
      expect({ input: 8, kernel: k, padding: 'same' }).toSatisfyIdentity(ID);
      for (let p = 0; p <= k; p++) expect({ input: 8, kernel: k, padding: 'same', transposedPadding: p }).not.toSatisfyIdentity(ID);
    }
    for (const k of [3, 5]) expect({ input: 8, kernel: k, padding: 'same', transposedPadding: (k - 1) / 2 }).toSatisfyIdentity(ID);
  });
});
