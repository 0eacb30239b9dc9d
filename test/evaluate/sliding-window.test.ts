/**
 * The sliding window, the check on every matrix, held directly against the
 * independent oracle: numerically (float64 ring, integer data, so exact) on
 * random 1–3D problems with channels, groups, stride, every padding form,
 * dilation, and both modes. The window problem is built here from the
 * oracle's parameters, not through the engine's spec.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring } from '../../src/algebra/ring.ts';
import { type WindowProblem, slidingWindow } from '../../src/evaluate/sliding-window.ts';
import { type OracleParams, type Tensor, lcg, oracleConv, randomTensor } from '../oracle.ts';
import { type RandomCase, randomCase } from '../matrix/random-spec.ts';

function problemOf(c: RandomCase): WindowProblem {
  const o = c.oracle;
  return {
    input: c.inShape.slice(1), kernel: c.weightShape.slice(2), stride: o.stride!, dilation: o.dilation!, padding: o.padding!,
    inChannels: c.inShape[0]!, outChannels: c.weightShape[0]!, groups: o.groups!, flip: o.flip!,
  };
}

function window(p: WindowProblem, x: Tensor, w: Tensor): Tensor {
  const r = slidingWindow(p, w.data, x.data, float64Ring);
  return { data: r.values, shape: r.shape };
}

describe('slidingWindow = oracle', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('on random regular 1–3D problems: channels, groups, stride, padding, dilation, both modes', () => {
    const seen = { dims: new Set<number>(), flip: new Set<boolean>(), grouped: false };
    fc.assert(fc.property(randomCase({ transposed: false }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const want = oracleConv(x, w, c.oracle as OracleParams);
      const got = window(problemOf(c), x, w);
      expect(got.shape).toEqual(want.shape);
      expect(got.data).toEqual(want.data);
      seen.dims.add(c.inShape.length - 1); seen.flip.add(c.oracle.flip!); seen.grouped ||= (c.oracle.groups ?? 1) > 1;
    }), { numRuns: 300 });
    // the property ranged over what it claims to
    expect([...seen.dims].sort()).toEqual([1, 2, 3]);
    expect([...seen.flip].sort()).toEqual([false, true]);
    expect(seen.grouped).toBe(true);
  });

  it('a 1D example by hand: [1,2,3,4] with [1,0,−1], padding 1, stride 2', () => {
    const x = { shape: [1, 4], data: [1, 2, 3, 4] }, w = { shape: [1, 1, 3], data: [1, 0, -1] };
    const p: WindowProblem = { input: [4], kernel: [3], stride: [2], dilation: [1], padding: [[1, 1]], inChannels: 1, outChannels: 1, groups: 1, flip: false };
    expect(window(p, x, w).data).toEqual(oracleConv(x, w, { stride: [2], padding: [[1, 1]] }).data);
    expect(window(p, x, w).data).toEqual([-2, -2]); // (0·1 + 1·0 + 2·−1), (2·1 + 3·0 + 4·−1)
  });
});
