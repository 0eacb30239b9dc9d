import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rToNumber } from '../../src/algebra/rational.ts';
import { channelMixingMatrix } from '../../src/analysis/pointwise.ts';
import { pointwiseAsMatrixProduct } from '../../src/check/pointwise-product.ts';
import { lcg, oracleConv, randomTensor } from '../oracle.ts';
import { text, texts } from './helpers.ts';

describe('1×1 convolution as a channel-mixing matrix', () => {
  it('the lecture: 200 channels embedded into a single channel (M is 1 × 200)', () => {
    const r = pointwiseAsMatrixProduct({ input: '4x4', kernel: 1, inChannels: 200, outChannels: 1 });
    expect(r.report.holds).toBe(true);
    expect([r.mixing.length, r.mixing[0]!.length]).toEqual([1, 200]);
    expect([r.product.length, r.product[0]!.length]).toEqual([1, 16]);
    expect(r.product[0]![0]!.size).toBe(200);
    expect(text(r.mixing[0]![199]!)).toBe('w_1_200_1');
  });

  it('M = [[w_o_c]]; with groups it is block-diagonal', () => {
    expect(channelMixingMatrix({ input: '2x2', kernel: 1, inChannels: 2, outChannels: 2 }).map((r) => texts(r)))
      .toEqual([['w_1_1_1', 'w_1_2_1'], ['w_2_1_1', 'w_2_2_1']]);
    expect(channelMixingMatrix({ input: '2x3', kernel: 1, inChannels: 4, outChannels: 2, groups: 2 }).map((r) => texts(r)))
      .toEqual([['w_1_1_1', 'w_1_2_1', '0', '0'], ['0', '0', 'w_2_1_1', 'w_2_2_1']]);
  });

  it('property: M·X equals the oracle’s 1×1 convolution (1–3D, random integers)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.nat(),
      (n, cin, cout, seed) => {
        const rand = lcg(seed);
        const x = randomTensor([cin, ...n], rand), w = randomTensor([cout, cin, ...n.map(() => 1)], rand);
        const r = pointwiseAsMatrixProduct({ input: n, kernel: 1, inChannels: cin, outChannels: cout, weights: w.data.join(','), inputs: x.data.join(',') });
        expect(r.report.holds).toBe(true);
        expect(r.product.flat().map((p) => rToNumber(p.constantValue()!))).toEqual(oracleConv(x, w).data);
        expect(r.mixing.flat().map((p) => rToNumber(p.constantValue()!))).toEqual(w.data);
      },
    ), { numRuns: 100 });
  });

  it('refuses what is not a plain 1×1 convolution, naming the field', () => {
    expect(() => channelMixingMatrix({ input: 4, kernel: 3 })).toThrow(/kernel/);
    expect(() => channelMixingMatrix({ input: 4, kernel: 1, stride: 2 })).toThrow(/stride/);
    expect(() => channelMixingMatrix({ input: 4, kernel: 1, padding: 1 })).toThrow(/padding/);
  });
});
