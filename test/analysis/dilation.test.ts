import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rToNumber } from '../../src/algebra/rational.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { zeroInsertedKernel } from '../../src/analysis/dilation.ts';
import { compareMatrices } from '../../src/check/compare-matrices.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { randomCase } from '../matrix/random-spec.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor } from '../oracle.ts';
import { num } from './helpers.ts';

describe('dilation as a zero-inserted kernel', () => {
  it('spreads w1..w3 with dilation 2 over 5 positions', () => {
    const e = zeroInsertedKernel({ input: 9, kernel: 3, dilation: 2 });
    expect(e.kernel).toEqual([5]);
    expect(e.weights).toEqualPolynomial(['w1', '0', 'w2', '0', 'w3']);
    expect(e.positions).toEqual([0, 2, 4]);
    expect(e.spec).toMatchObject({ kernel: [5], dilation: [1] });
  });

  it('places a 2×2 kernel with dilation 3×2 in a 4×3 grid', () => {
    const e = zeroInsertedKernel({ input: '8x8', kernel: 2, dilation: '3x2' });
    expect(e.kernel).toEqual([4, 3]);
    expect(e.weights).toEqualPolynomial(['w1', '0', 'w2', '0', '0', '0', '0', '0', '0', 'w3', '0', 'w4']);
  });

  it('gives the same symbolic matrix as the dilated convolution (lecture-sized example)', () => {
    const spec = normalizeSpec({ input: 7, kernel: 3, dilation: 2, padding: 1 });
    const e = zeroInsertedKernel(spec);
    const report = compareMatrices(polynomialMatrix(spec), polynomialMatrix(normalizeSpec(e.spec), e.weights), ['dilated', 'zero-inserted']);
    expect(report.equal).toBe(true);
    expect(report.compared).toBe(5 * 7);
  });

  it('same matrix on random specs (1–3D, channels, groups, stride, padding, transposed, convolution mode)', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2 }), (c) => {
      const spec = normalizeSpec(c.spec);
      fc.pre(spec.transposed ? spec.outputPadding.every((op, a) => op < spec.stride[a]! || spec.padding[a]![1] >= op) : true);
      const e = zeroInsertedKernel(spec);
      const report = compareMatrices(polynomialMatrix(spec), polynomialMatrix(normalizeSpec(e.spec), e.weights), ['dilated', 'zero-inserted']);
      expect(report.equal, report.reason ?? report.differences[0]?.name).toBe(true);
    }), { numRuns: 150 });
  });

  it('agrees with the independent oracle numerically', () => {
    fc.assert(fc.property(randomCase(), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      fc.pre(spec.transposed ? spec.outputPadding.every((op, a) => op < spec.stride[a]! || spec.padding[a]![1] >= op) : true);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w0 = randomTensor(c.weightShape, r);
      const e = zeroInsertedKernel(spec, w0.data.map(num));
      const eq = normalizeSpec(e.spec);
      const w = { shape: [...c.weightShape.slice(0, 2), ...e.kernel], data: e.weights.map((p) => rToNumber(p.constantValue()!)) };
      const undilated = {
        ...c.oracle, dilation: e.kernel.map(() => 1), outputPadding: [...eq.outputPadding],
        padding: eq.padding.map(([a, b]) => [a, b] as [number, number]),
      };
      const want = c.transposed ? oracleConvTranspose(x, w0, c.oracle) : oracleConv(x, w0, c.oracle);
      const got = c.transposed ? oracleConvTranspose(x, w, undilated) : oracleConv(x, w, undilated);
      expect(got).toEqual(want);
    }), { numRuns: 100 });
  });

  it('a near miss is caught: zeros inserted with the wrong spacing', () => {
    const spec = normalizeSpec({ input: 9, kernel: 3, dilation: 2 });
    const e = zeroInsertedKernel(spec);
    const wrong = [e.weights[0]!, e.weights[2]!, e.weights[1]!, e.weights[3]!, e.weights[4]!]; // w1 w2 0 0 w3
    const report = compareMatrices(polynomialMatrix(spec), polynomialMatrix(normalizeSpec(e.spec), wrong), ['dilated', 'wrong']);
    expect(report.equal).toBe(false);
    expect(report.differences[0]?.name).toBe('M[0,1]');
  });

  it('moves output padding that only dilation allows into the trailing padding', () => {
    const spec = normalizeSpec({ input: 4, kernel: 3, dilation: 3, stride: 2, transposed: true, outputPadding: 2, padding: [[0, 2]] });
    const e = zeroInsertedKernel(spec);
    expect(e.spec).toMatchObject({ padding: [[0, 0]], outputPadding: [0] });
    expect(normalizeSpec(e.spec).output).toEqual(spec.output);
    expect(() => zeroInsertedKernel({ input: 4, kernel: 3, dilation: 3, stride: 2, transposed: true, outputPadding: 2 }))
      .toThrow(/outputPadding/);
  });
});
