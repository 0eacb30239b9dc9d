import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { float64Ring } from '../../src/algebra/ring.ts';
import { backwardProblemOf, gradientsDirect } from '../../src/evaluate/backward.ts';
import { backwardBothWays, convBackward, gradientsByMatrix } from '../../src/evaluate/conv-backward.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { randomCase } from '../matrix/random-spec.ts';
import { lcg, randomTensor } from '../oracle.ts';
import { oracleBackward } from '../oracle-backward.ts';
import { tfGradients } from './tf-gradients.ts';

/**
 * The backward pass (Kᵀ·δ and Zᵀ·δ; the direct scatter and correlation) held
 * against tfjs's autodiff of sum(conv(x, w) ⊙ δ) and against the oracle's
 * adjoint of every multiply-add, on integer data (every float is exact).
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const outShapeOf = (inShape: number[], w: number[], o: { stride?: number[]; dilation?: number[]; padding?: Array<[number, number]> }) =>
  [w[0]!, ...inShape.slice(1).map((n, a) => Math.floor((n + o.padding![a]![0] + o.padding![a]![1] - o.dilation![a]! * (w[a + 2]! - 1) - 1) / o.stride![a]!) + 1)];

describe('backward pass', { timeout: 120_000 }, () => { // property runs on a loaded machine; no timing is asserted
  it('the oracle\'s adjoints equal tfjs\'s gradients (1–3D, groups, stride, asymmetric padding, dilation, convolution mode)', () => {
    fc.assert(fc.property(randomCase({ transposed: false }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const dy = randomTensor(outShapeOf(c.inShape, c.weightShape, c.oracle), r);
      const want = tfGradients(x, w, dy, { stride: c.oracle.stride!, dilation: c.oracle.dilation!, padding: c.oracle.padding!, groups: c.oracle.groups!, flip: !!c.oracle.flip });
      const got = oracleBackward(x, w, dy, c.oracle);
      expect(got.gradInput.data).toEqual(want.gradInput.data);
      expect(got.gradWeight.data).toEqual(want.gradWeight.data);
    }), { numRuns: 40 });
  });

  it('viaMatrix and viaDirect equal tfjs and the oracle on random specs', () => {
    fc.assert(fc.property(randomCase({ transposed: false }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const spec = normalizeSpec(c.spec);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const dy = randomTensor([...spec.outputShape], r);
      const tfp = { stride: c.oracle.stride!, dilation: c.oracle.dilation!, padding: c.oracle.padding!, groups: c.oracle.groups!, flip: !!c.oracle.flip };
      const want = tfGradients(x, w, dy, tfp);
      const oracle = oracleBackward(x, w, dy, c.oracle);
      const got = backwardBothWays(spec, w.data, x.data, dy.data, float64Ring);
      for (const g of [got.viaMatrix, got.viaDirect]) {
        expect(g.gradInput).toEqual(want.gradInput.data);
        expect(g.gradWeight).toEqual(want.gradWeight.data);
        expect(g.gradInput).toEqual(oracle.gradInput.data);
        expect(g.gradWeight).toEqual(oracle.gradWeight.data);
      }
      expect(got.agree).toBe(true);
    }), { numRuns: 60 });
  });

  it('with PyTorch\'s padding modes (reflect, replicate, circular) both ways equal tfjs (padding cells as slices) and the oracle\'s adjoints', () => {
    fc.assert(fc.property(randomCase({ transposed: false, paddingModes: true }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const spec = normalizeSpec(c.spec);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const dy = randomTensor([...spec.outputShape], r);
      const oracle = oracleBackward(x, w, dy, c.oracle);
      const want = tfGradients(x, w, dy, { stride: c.oracle.stride!, dilation: c.oracle.dilation!, padding: c.oracle.padding!, groups: c.oracle.groups!, flip: !!c.oracle.flip, paddingMode: c.oracle.paddingMode });
      expect(oracle.gradInput.data).toEqual(want.gradInput.data);
      expect(oracle.gradWeight.data).toEqual(want.gradWeight.data);
      const got = backwardBothWays(spec, w.data, x.data, dy.data, float64Ring);
      for (const g of [got.viaMatrix, got.viaDirect]) {
        expect(g.gradInput).toEqual(oracle.gradInput.data);
        expect(g.gradWeight).toEqual(oracle.gradWeight.data);
      }
    }), { numRuns: 80 });
    // reflect, padding 1 on z1..z4: the padded row is z2 z1 z2 z3 z4 z3, so δ of the first window reaches z2 twice
    const r = convBackward({ input: 4, kernel: 3, padding: 1, paddingMode: 'reflect' }, [1, 0, 0, 0]);
    expect(r.gradInput).toEqualPolynomial(['w2', 'w1 + w3', '0', '0']);
    expect(r.gradWeight).toEqualPolynomial(['z2', 'z1', 'z2']);
  });

  it('the lecture\'s 1D example (n = 6, k = 3): Kᵀδ is the transposed convolution, Zᵀδ the correlation of z with δ', () => {
    const r = convBackward({ input: 6, kernel: 3 });
    expect(r.agree).toBe(true);
    expect(r.gradOutput.map(String)).toHaveLength(4);
    const want = ['delta1*w1', 'delta1*w2 + delta2*w1', 'delta1*w3 + delta2*w2 + delta3*w1', 'delta2*w3 + delta3*w2 + delta4*w1', 'delta3*w3 + delta4*w2', 'delta4*w3'];
    want.forEach((p, i) => expect(r.gradInput[i]).toEqualPolynomial(p));
    [1, 2, 3].forEach((j) => expect(r.gradWeight[j - 1]).toEqualPolynomial([1, 2, 3, 4].map((o) => `delta${o}*z${o + j - 1}`).join(' + ')));
    r.viaMatrix.gradInput.forEach((p, i) => expect(p).toEqualPolynomial(r.viaDirect.gradInput[i]!));
  });

  it('takes numbers or names for δ and refuses a δ of the wrong length, or a transposed spec', () => {
    const r = convBackward({ input: 4, kernel: 2, weights: [1, 2], inputs: [1, 0, 0, 3] }, [1, -1, 'g']);
    expect(r.gradWeight[0]).toEqualPolynomial('1 + 0*g');
    expect(r.gradWeight[1]).toEqualPolynomial('3*g');
    expect(r.gradInput[3]).toEqualPolynomial('2*g');
    expect(() => convBackward({ input: 4, kernel: 2 }, [1, 2])).toThrow(/gradOutput: needs 3 entries/);
    expect(() => convBackward({ input: 4, kernel: 2, transposed: true })).toThrow(/regular convolution/);
  });

  it('a wrong K or Z is caught: the two ways disagree, at the entry the wrong tap feeds', () => {
    const spec = normalizeSpec({ input: 5, kernel: 3 });
    const x = [1, 2, 3, 4, 5], w = [1, 10, 100], dy = [1, 0, 0];
    const k = convMatrix(spec);
    const tap = k.tap.slice();
    tap[0] = 1; // K[0, 0] = w2 instead of w1
    const wrong = gradientsByMatrix(spec, w, x, dy, float64Ring, { k: { ...k, tap } });
    const right = gradientsDirect(backwardProblemOf(spec), w, x, dy, float64Ring);
    expect(right.gradInput).toEqual([1, 10, 100, 0, 0]);
    expect(wrong.gradInput).toEqual([10, 10, 100, 0, 0]);
    expect(wrong.gradWeight).toEqual(right.gradWeight);
  });
});
