import { polyToDense } from '../../src/matrix/poly-matrix.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rToNumber } from '../../src/algebra/rational.ts';
import { convAsDenseLayer } from '../../src/check/dense-layer.ts';
import { vec, vecTable } from '../../src/analysis/flatten.ts';
import { randomCase } from '../matrix/random-spec.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor } from '../oracle.ts';
import { texts } from './helpers.ts';

describe('vec order', () => {
  it('row-major: the last axis fastest, channels outermost; column-major: the first axis fastest', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(vecTable([2, 3], 'row-major', names).map((e) => e.name)).toEqual(names);
    expect(vecTable([2, 3], 'column-major', names).map((e) => e.name)).toEqual(['a', 'd', 'b', 'e', 'c', 'f']);
    expect(vecTable([2, 3], 'column-major')[3]).toEqual({ position: 3, index: [1, 1], rowMajor: 4, name: null });
    expect(vec([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'column-major')).toEqual([1, 5, 3, 7, 2, 6, 4, 8]);
  });

  it('both orders are permutations, and column-major of a shape is row-major of the reversed shape, transposed', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), (shape) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const cm = vecTable(shape, 'column-major');
      expect(new Set(cm.map((e) => e.rowMajor)).size).toBe(n);
      expect(vecTable(shape).map((e) => e.rowMajor)).toEqual(Array.from({ length: n }, (_, i) => i));
      // independent: enumerate multi-indices with the first axis fastest
      const want: number[][] = [];
      const idx = shape.map(() => 0);
      for (let p = 0; p < n; p++) {
        want.push([...idx]);
        for (let a = 0; a < shape.length && ++idx[a]! === shape[a]; a++) idx[a] = 0;
      }
      expect(cm.map((e) => e.index)).toEqual(want);
    }));
  });

  it('rejects an unknown order and a wrong number of names', () => {
    expect(() => vecTable([2], 'diagonal' as never)).toThrow(/order/);
    expect(() => vecTable([2, 2], 'row-major', ['a'])).toThrow(/names/);
  });
});

describe('conv = dense layer on the flattened input with the Toeplitz weight matrix', () => {
  it('the lecture’s x,y,z example: the dense weights are X and the dense layer gives ay + bz, …', () => {
    const d = convAsDenseLayer({ input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });
    expect(d.report.holds).toBe(true);
    expect(polyToDense(d.weights).map((r) => texts(r))).toEqual([['y', 'z', '0', '0'], ['x', 'y', 'z', '0'], ['0', 'x', 'y', 'z'], ['0', '0', 'x', 'y']]);
    expect(d.dense).toEqualPolynomial(['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y']);
  });

  it('2D with channels, both orders, symbolically against the sliding window', () => {
    for (const order of ['row-major', 'column-major'] as const) {
      const d = convAsDenseLayer({ input: '3x4', kernel: 2, inChannels: 2, outChannels: 2 }, order);
      expect(d.report.holds).toBe(true);
      expect(d.weights.rows).toBe(2 * 2 * 3);
      expect(d.weights.cols).toBe(2 * 3 * 4);
    }
    const cm = convAsDenseLayer({ input: '3x4', kernel: 2, inChannels: 2, outChannels: 1 }, 'column-major');
    expect(cm.inputNames.slice(0, 3)).toEqual(['z_1_1', 'z_2_1', 'z_1_5']);
  });

  it('property: the dense layer on vec(x) equals vec of the oracle’s output (random specs, both orders)', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2 }), fc.boolean(), fc.nat(), (c, colMajor, seed) => {
      fc.pre(c.inShape.reduce((a, b) => a * b, 1) <= 60);
      const order = colMajor ? 'column-major' : 'row-major';
      const d = convAsDenseLayer(c.spec, order);
      expect(d.report.holds).toBe(true);
      // numeric: integer weights and inputs, compared with the oracle, reordered independently
      const rand = lcg(seed);
      const x = randomTensor(c.inShape, rand), w = randomTensor(c.weightShape, rand);
      const want = c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle);
      const numeric = convAsDenseLayer({ ...c.spec, weights: w.data.join(','), inputs: x.data.join(',') }, order);
      const dense = numeric.dense.map((p) => rToNumber(p.constantValue()!));
      expect(dense).toEqual(vec(want.data, want.shape, order));
    }), { numRuns: 80 });
  });
});
