/**
 * probeMatrix and toComputeConvolution with padding modes: the independent
 * oracle padding the right way computes the spec, summed entries included;
 * padding the wrong way is caught, its wrong entries named and the likely
 * cause given as the padding mode it does compute.
 */
import { describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { probeMatrix } from '../../src/index.ts';
import { type OraclePaddingMode, oracleConv } from '../oracle.ts';
import { build, flat, shapeOf } from './direct-conv.ts';

type Nested = number | Nested[];

/** The oracle as a user's fn(input, weight), padding by `mode`. */
const padsWith = (padding: Array<[number, number]>, paddingMode: OraclePaddingMode) => (input: Nested, weight: Nested): Nested => {
  const y = oracleConv({ data: flat(input), shape: shapeOf(input) }, { data: flat(weight), shape: shapeOf(weight) }, { padding, paddingMode });
  return build(y.data, y.shape);
};

describe('probing a convolution with a padding mode', () => {
  const spec = { input: 5, kernel: 3, padding: 1, paddingMode: 'reflect' };

  it('a reflect-padding convolution computes the reflect spec', () => {
    expect(padsWith([[1, 1]], 'reflect')).toComputeConvolution(spec);
    expect(padsWith([[1, 2], [2, 1]], 'circular')).toComputeConvolution({ input: '4x3', kernel: '3x2', padding: [[1, 2], [2, 1]], paddingMode: 'circular' });
  });

  it('zero padding where the spec reflects: the summed entries are named, and the cause is the mode', () => {
    const r = probeMatrix(padsWith([[1, 1]], 'zeros'), spec);
    expect(r.holds).toBe(false);
    expect(r.facts.method).toBe('unit');
    expect(r.differences.map((d) => `${d.name}: expected ${d.right}, computed ${d.left}`)).toEqual([
      'row z6, column z2: expected w1 + w3, computed w3',
      'row z10, column z4: expected w1 + w3, computed w1',
    ]);
    expect(r.facts.cause).toBe('another padding mode: it pads with zeros, the spec says reflect');
    expect(probeMatrix(padsWith([[1, 1]], 'replicate'), spec).facts.cause).toBe('another padding mode: it pads with replicate, the spec says reflect');
  });
});
