/**
 * The three transposed forms agree (Kᵀ from convMatrix, scatter, zero insertion
 * + padding d(k−1)−p + flipped kernel at stride 1), with output_padding and
 * cropping (p > d(k−1)), and all three equal the oracle's adjoint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { scatterTransposed, transposedByZeroInsertion } from '../../src/evaluate/transposed.ts';
import { lcg, oracleConvTranspose, randomTensor } from '../oracle.ts';
import { randomCase } from '../matrix/random-spec.ts';

describe('transposed convolution three ways', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('numerically: Kᵀx = scatter = zero insertion = oracle', () => {
    fc.assert(fc.property(randomCase({ transposed: true }), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const want = oracleConvTranspose(x, w, c.oracle);
      expect(spec.outputShape).toEqual(want.shape);
      expect(matVec(convMatrix(spec), w.data, x.data, float64Ring)).toEqual(want.data);
      expect(scatterTransposed(spec, w.data, x.data, float64Ring)).toEqual(want.data);
      const zi = transposedByZeroInsertion(spec, w.data, x.data, float64Ring);
      expect(zi.shape).toEqual(want.shape);
      expect(zi.values).toEqual(want.data);
    }), { numRuns: 300 });
  });

  it('symbolically: the three forms give equal polynomials', () => {
    fc.assert(fc.property(randomCase({ transposed: true, maxDims: 2 }), (c) => {
      const spec = normalizeSpec(c.spec);
      const viaK = matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing);
      const viaScatter = scatterTransposed(spec, spec.weights, spec.inputs, polynomialRing);
      const viaZeros = transposedByZeroInsertion(spec, spec.weights, spec.inputs, polynomialRing).values;
      expect(viaScatter.length).toBe(viaK.length);
      expect(viaZeros.length).toBe(viaK.length);
      viaK.forEach((p, i) => {
        expect(p).toEqualPolynomial(viaScatter[i]!);
        expect(p).toEqualPolynomial(viaZeros[i]!);
      });
    }), { numRuns: 150 });
  });

  it('crops when p > d(k−1) and pads by output_padding at the end', () => {
    // k=2, s=2, d=1, p=(2,1): zero-insertion padding d(k−1)−p = (−1, 0) crops one sample in front
    const crop = { input: 3, kernel: 2, stride: 2, padding: [[2, 1]] as Array<[number, number]>, transposed: true };
    const x = { data: [1, 2, 3], shape: [1, 3] }, w = { data: [5, 7], shape: [1, 1, 2] };
    const want = oracleConvTranspose(x, w, { stride: [2], padding: [[2, 1]] });
    expect(want.shape).toEqual([1, 3]);
    const spec = normalizeSpec(crop);
    expect(transposedByZeroInsertion(spec, w.data, x.data, float64Ring).values).toEqual(want.data);
    expect(matVec(convMatrix(spec), w.data, x.data, float64Ring)).toEqual(want.data);
    // output_padding 1 adds one output at the end that only the last tap can reach
    const op = normalizeSpec({ input: 3, kernel: 3, stride: 2, padding: 1, outputPadding: 1, transposed: true });
    expect(op.output).toEqual([6]);
    const wantOp = oracleConvTranspose(x, { data: [5, 7, 11], shape: [1, 1, 3] }, { stride: [2], padding: [[1, 1]], outputPadding: [1] });
    expect(scatterTransposed(op, [5, 7, 11], x.data, float64Ring)).toEqual(wantOp.data);
    expect(transposedByZeroInsertion(op, [5, 7, 11], x.data, float64Ring).values).toEqual(wantOp.data);
  });
});
