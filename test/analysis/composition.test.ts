import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rToNumber } from '../../src/algebra/rational.ts';
import { checkComposition } from '../../src/check/composition-check.ts';
import { composeLayers, naiveComposition } from '../../src/analysis/composition.ts';
import { receptiveFieldClosedForm } from '../../src/analysis/receptive-field.ts';
import { lcg, oracleConv, randomTensor } from '../oracle.ts';

describe('two convolutions compose into one', () => {
  it('stride 1: the kernel is the full convolution of the two kernels, size k1 + k2 − 1', () => {
    const c = composeLayers({ kernel: 3 }, { kernel: 2 });
    expect(c.kernel).toEqual([4]);
    expect(c.stride).toEqual([1]);
    expect(c.weights).toEqualPolynomial(['a1*b1', 'a1*b2 + a2*b1', 'a2*b2 + a3*b1', 'a3*b2']);
    expect(checkComposition({ kernel: 3 }, { kernel: 2 }, 8).report.holds).toBe(true);
  });

  it('the same kernel twice gives squares (w1², …): 3×3 then 3×3 is one 5×5', () => {
    const c = composeLayers({ kernel: 3, weights: 'w' }, { kernel: 3, weights: 'w' });
    expect(c.weights).toEqualPolynomial(['w1^2', '2*w1*w2', '2*w1*w3 + w2^2', '2*w2*w3', 'w3^2']);
    expect(c.kernel).toEqual([5]);
  });

  it('stride s1 > 1 in the first layer spreads the second kernel by s1; the naive full convolution is wrong', () => {
    const first = { kernel: 2, stride: 2 }, second = { kernel: 2 };
    const c = composeLayers(first, second);
    expect(c).toMatchObject({ kernel: [4], stride: [2] });
    expect(c.weights).toEqualPolynomial(['a1*b1', 'a2*b1', 'a1*b2', 'a2*b2']);
    expect(checkComposition(first, second, 8).report.holds).toBe(true);
    const naive = naiveComposition(first, second);
    expect(naive).toMatchObject({ kernel: [3], stride: [2] });
    const miss = checkComposition(first, second, 8, naive);
    expect(miss.report.holds).toBe(false);
    expect(miss.report.differences[0]?.name).toBe('K[0,1]');
  });

  it('the lecture’s k = 2, s = 2 stack with weights {0.5, 1.0}: one layer-2 neuron is ¼z1 + ½z2 + ½z3 + z4', () => {
    const layer = { kernel: 2, stride: 2, weights: '1/2,1' };
    const c = composeLayers(layer, layer);
    expect(c).toMatchObject({ kernel: [4], stride: [4] });
    expect(c.weights).toEqualPolynomial(['1/4', '1/2', '1/2', '1']);
    expect(checkComposition(layer, layer, 8).report.holds).toBe(true);
  });

  it('the composite kernel spans the receptive field of the two-layer stack', () => {
    const layers = [{ kernel: 2, stride: 2, dilation: 2 }, { kernel: 2, stride: 2, dilation: 2 }];
    expect(composeLayers(layers[0]!, layers[1]!).kernel).toEqual(receptiveFieldClosedForm(layers).perAxis);
    expect(composeLayers(layers[0]!, layers[1]!).kernel).toEqual([7]);
  });

  it('property: B·A = the composed convolution, with channels, strides and dilations (1D and 2D)', () => {
    const ax = fc.record({ k1: fc.integer({ min: 1, max: 3 }), k2: fc.integer({ min: 1, max: 3 }), s1: fc.integer({ min: 1, max: 2 }), s2: fc.integer({ min: 1, max: 2 }), d1: fc.integer({ min: 1, max: 2 }), d2: fc.integer({ min: 1, max: 2 }), extra: fc.nat(3) });
    fc.assert(fc.property(fc.array(ax, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), (axes, cin, mid, cout) => {
      const first = { kernel: axes.map((a) => a.k1), stride: axes.map((a) => a.s1), dilation: axes.map((a) => a.d1), inChannels: cin, outChannels: mid };
      const second = { kernel: axes.map((a) => a.k2), stride: axes.map((a) => a.s2), dilation: axes.map((a) => a.d2), outChannels: cout };
      const composed = composeLayers(first, second);
      const input = composed.kernel.map((k, i) => k + axes[i]!.extra);
      fc.pre(input.reduce((a, b) => a * b, 1) * cin <= 60);
      const r = checkComposition(first, second, input, composed);
      expect(r.report.holds, r.report.reason ?? r.report.differences[0]?.name).toBe(true);
      const naive = checkComposition(first, second, input, naiveComposition(first, second));
      // the naive kernel is right only when no spreading is needed: d1 does not act (k1 = 1 or d1 = 1) and s1·d2 does not act
      const plain = axes.every((a) => (a.k1 === 1 || a.d1 === 1) && (a.k2 === 1 || a.s1 * a.d2 === 1));
      expect(naive.report.holds).toBe(plain);
    }), { numRuns: 80 });
  });

  it('property: the oracle run twice equals the oracle run once with the composed kernel (numeric, 1D)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.nat(4), fc.nat(), (k1, k2, s1, s2, extra, seed) => {
      const rand = lcg(seed);
      const a = randomTensor([1, 1, k1], rand), b = randomTensor([1, 1, k2], rand);
      const c = composeLayers({ kernel: k1, stride: s1, weights: a.data.join(',') }, { kernel: k2, stride: s2, weights: b.data.join(',') });
      const n = c.kernel[0]! + extra;
      const x = randomTensor([1, n], rand);
      const twice = oracleConv(oracleConv(x, a, { stride: [s1] }), b, { stride: [s2] });
      const once = oracleConv(x, { shape: [1, 1, c.kernel[0]!], data: c.weights.map((p) => rToNumber(p.constantValue()!)) }, { stride: c.stride });
      expect(once).toEqual(twice);
    }), { numRuns: 200 });
  });

  it('layers whose channels do not chain are a typed error', () => {
    expect(() => composeLayers({ kernel: 2, outChannels: 2 }, { kernel: 2, inChannels: 3 })).toThrow(/inChannels/);
  });
});
