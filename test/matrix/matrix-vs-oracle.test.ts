/**
 * The matrix against the independent oracle on random specs: numerically over
 * the float ring with integer data (exact), and symbolically, coefficient by
 * coefficient of every w_j·z_i.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { type Polynomial, constPoly, mulPoly, sumPolys } from '../../src/algebra/polynomial.ts';
import { rational } from '../../src/algebra/rational.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor, type Tensor } from '../oracle.ts';
import { type RandomCase, randomCase } from './random-spec.ts';

const oracle = (c: RandomCase, x: Tensor, w: Tensor) => (c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle));
const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

describe('matrix = oracle', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('numerically (float64 ring, integer data) on random 1–3D specs', () => {
    fc.assert(fc.property(randomCase(), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const want = oracle(c, x, w);
      expect(spec.inputShape).toEqual(c.inShape);
      expect(spec.weightShape).toEqual(c.weightShape);
      expect(spec.outputShape).toEqual(want.shape);
      const got = matVec(convMatrix(spec), w.data, x.data, float64Ring);
      expect(got).toEqual(want.data);
    }), { numRuns: 300 });
  });

  it('symbolically: the coefficient of every w_j·z_i is the oracle\'s', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2 }), (c) => {
      fc.pre(prod(c.inShape) * prod(c.weightShape) <= 400);
      const spec = normalizeSpec(c.spec);
      const got = matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing);
      // by bilinearity, oracle(e_i, e_j)[r] is the coefficient of w_j·z_i in output r
      const terms: Polynomial[][] = got.map(() => []);
      const unit = (shape: number[], at: number): Tensor => ({ shape, data: Array.from({ length: prod(shape) }, (_, t) => +(t === at)) });
      for (let j = 0; j < prod(c.weightShape); j++) {
        for (let i = 0; i < prod(c.inShape); i++) {
          oracle(c, unit(c.inShape, i), unit(c.weightShape, j)).data.forEach((coef, row) => {
            if (coef !== 0) terms[row]!.push(mulPoly(constPoly(rational(coef)), mulPoly(spec.weights[j]!, spec.inputs[i]!)));
          });
        }
      }
      const want = terms.map(sumPolys);
      expect(got).toEqualPolynomial(want);
    }), { numRuns: 120 });
  });
});
