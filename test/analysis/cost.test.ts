import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convCost, depthwiseSeparableCost, multiplicationsClosedForm, parameterCount, spatiallySeparableCost,
} from '../../src/analysis/cost.ts';
import { costCases } from '../cases.ts';
import { oracleConv, oracleConvTranspose } from '../oracle.ts';

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);
import { randomCase } from '../matrix/random-spec.ts';

describe('costs: the lecture', () => {
  const [spatial, dw128, dw256] = costCases;

  it(`${spatial.title}: ${spatial.standard} against ${spatial.separable.join(' + ')} = ${spatial.total}, and 6 parameters instead of 9`, () => {
    const c = spatiallySeparableCost(spatial.spec);
    expect(c.standard).toEqual({ multiplications: 81, closedForm: 81, paddingTaps: 0, parameters: 9 });
    expect(c.stages.map((s) => s.cost.multiplications)).toEqual([...spatial.separable]);
    expect(c.stages.map((s) => s.cost.closedForm)).toEqual([...spatial.separable]);
    expect(c.stages.map((s) => s.spec.kernel)).toEqual([[3, 1], [1, 3]]);
    expect(c.multiplications).toBe(spatial.total);
    expect(c.parameters).toBe(6);
  });

  for (const k of [dw128, dw256]) {
    it(`${k.title}: ${k.standard} against ${k.separable.join(' + ')} = ${k.total}`, () => {
      const c = depthwiseSeparableCost(k.spec);
      expect(c.standard.multiplications).toBe(k.standard);
      expect(c.standard.closedForm).toBe(k.standard);
      expect(c.stages.map((s) => s.name)).toEqual(['depthwise', 'pointwise']);
      expect(c.stages.map((s) => s.cost.multiplications)).toEqual([...k.separable]);
      expect(c.stages.map((s) => s.cost.closedForm)).toEqual([...k.separable]);
      expect(c.multiplications).toBe(k.total);
    });
  }

  it('the lecture’s products: 3·3·3·5·5·128, 3·3·1·5·5·3, 1·1·3·5·5·128', () => {
    const c = depthwiseSeparableCost(dw128.spec);
    expect(c.standard.multiplications).toBe(3 * 3 * 3 * 5 * 5 * 128);
    expect(c.stages[0]!.cost.multiplications).toBe(3 * 3 * 1 * 5 * 5 * 3);
    expect(c.stages[1]!.cost.multiplications).toBe(1 * 1 * 3 * 5 * 5 * 128);
    expect(c.parameters).toBe(3 * 9 + 3 * 128);
    expect(c.standard.parameters).toBe(128 * 27);
  });
});

describe('costs: nonzeros against the closed form and the oracle', () => {
  it('padding taps are not multiplications in K·z, but the closed form counts them', () => {
    expect(convCost({ input: '5x5', kernel: 3, padding: 1 })).toEqual({ multiplications: 169, closedForm: 225, paddingTaps: 56, parameters: 9 });
  });

  it('on random specs (transposed too): nonzeros = the oracle’s multiply-adds; without padding they equal the closed form', () => {
    fc.assert(fc.property(randomCase(), (c) => {
      const cost = convCost(c.spec);
      // every product of ones is 1, so the oracle's output sums to its number of multiply-adds
      const x = { shape: c.inShape, data: Array(prod(c.inShape)).fill(1) };
      const w = { shape: c.weightShape, data: Array(prod(c.weightShape)).fill(1) };
      const out = c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle);
      expect(cost.multiplications).toBe(out.data.reduce((a, b) => a + b, 0));
      expect(cost.parameters).toBe(prod(c.weightShape));
      const unpadded = (c.oracle.padding ?? []).every(([a, b]) => a === 0 && b === 0);
      if (unpadded && !c.transposed) expect(cost.closedForm).toBe(cost.multiplications);
      expect(cost.closedForm).toBeGreaterThanOrEqual(cost.multiplications);
    }), { numRuns: 200 });
  });

  it('closed forms take strings and channels', () => {
    expect(parameterCount({ input: '6x6', kernel: 3, inChannels: 4, outChannels: 6, groups: 2 })).toBe(6 * 2 * 9);
    expect(multiplicationsClosedForm({ input: '6x6', kernel: 3, inChannels: 4, outChannels: 6, groups: 2 })).toBe(6 * 2 * 9 * 16);
  });
});

