/**
 * The bilinear fast path of checkMatrix (typed arrays of terms) held against
 * the general polynomials and against the independent oracle: on random specs
 * it takes the fast path, reports exactly what the general path reports, and
 * gives the same polynomials; numbers and symbols alike match the oracle; a
 * broken matrix entry is caught by the fast path itself; specs that are not
 * bilinear, or whose coefficients could pass 2^53, take the general path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Polynomial, constPoly, mulPoly, sumPolys } from '../../src/algebra/polynomial.ts';
import { rational } from '../../src/algebra/rational.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { type SpecInput, normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { type ConvMatrix, nonzeros } from '../../src/matrix/csr.ts';
import { lectureCase } from '../cases.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor, type Tensor } from '../oracle.ts';
import { type RandomCase, randomCase } from '../matrix/random-spec.ts';

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);
const oracle = (c: RandomCase, x: Tensor, w: Tensor) => (c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle));

/** The spec with bilinear weights and inputs of one of four kinds: default names, integers (zeros too), tied names, negated names. */
const bilinearCase = fc.tuple(randomCase({ maxDims: 2, paddingModes: true }), fc.constantFrom('names', 'integer weights', 'integer inputs', 'tied', 'negated'), fc.nat())
  .map(([c, kind, seed]): [RandomCase, SpecInput] => {
    const r = lcg(seed);
    const ints = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 7) - 3).join(',');
    const names = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(',');
    const W = prod(c.weightShape), Z = prod(c.inShape);
    const extra: Partial<SpecInput> =
      kind === 'integer weights' ? { weights: ints(W) }
      : kind === 'integer inputs' ? { inputs: ints(Z) }
      : kind === 'tied' ? { weights: names(W, (i) => `t${i % 2}`) }
      : kind === 'negated' ? { weights: names(W, (i) => (i % 2 ? `-a${i}` : `3*a${i}`)) }
      : {};
    return [c, { ...c.spec, ...extra }];
  });

function corrupt(m: ConvMatrix, entry: number, taps: number): ConvMatrix {
  const tap = m.tap.slice();
  tap[entry] = (tap[entry]! + 1) % taps;
  return { ...m, tap };
}

describe('the bilinear fast path', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('reports and multiplies out exactly as the general path does, on random specs (padding modes, channels, transposed)', () => {
    fc.assert(fc.property(bilinearCase, ([, raw]) => {
      const spec = normalizeSpec(raw);
      const fast = checkMatrix(spec), general = checkMatrix(spec, { path: 'general' });
      expect(fast.path).toBe('bilinear');
      expect(general.path).toBe('general');
      expect(fast.report).toEqual(general.report);
      expect(fast.report.holds).toBe(true);
      expect(fast.product).toEqualPolynomial(general.product);
      expect(fast.slidingWindow).toEqualPolynomial(general.slidingWindow);
    }), { numRuns: 200 });
  });

  it('catches one broken matrix entry and reports it as the general path does', () => {
    fc.assert(fc.property(bilinearCase, fc.nat(), ([, raw], pick) => {
      const spec = normalizeSpec(raw);
      const m = convMatrix(spec);
      fc.pre(nonzeros(m) > 0 && new Set(spec.weights).size > 1);
      const bad = corrupt(m, pick % m.tap.length, spec.weights.length);
      const fast = checkMatrix(spec, { matrix: bad }), general = checkMatrix(spec, { matrix: bad, path: 'general' });
      expect(fast.path).toBe('bilinear');
      expect(fast.report).toEqual(general.report);
      expect(fast.product).toEqualPolynomial(general.product);
    }), { numRuns: 150 });
  });

  it('names z8 when w2 in row 2 of the lecture matrix becomes w3', () => {
    const spec = normalizeSpec(lectureCase('w-z-regular').spec);
    const m = convMatrix(spec);
    const check = checkMatrix(spec, { matrix: corrupt(m, m.rowPtr[1]! + 1, 3) });
    expect(check.path).toBe('bilinear');
    expect(check.report.holds).toBe(false);
    expect(check.report.comparisons[0]?.mismatchCount).toBe(1);
    expect(check.report.differences[0]).toMatchObject({ index: 1, name: 'z8', left: 'w1*z2 + w3*z3 + w3*z4', right: 'w1*z2 + w2*z3 + w3*z4' });
    expect(check.report.differences[0]?.difference).toEqualPolynomial('w3*z3 - w2*z3');
  });

  it('with integer weights and inputs, every output is the oracle\'s number', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2, paddingModes: true }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const check = checkMatrix({ ...c.spec, weights: w.data.join(','), inputs: x.data.join(',') });
      expect(check.path).toBe('bilinear');
      const want = oracle(c, x, w).data.map((v) => String(v + 0));
      expect(check.product.map((p) => p.constantValue()?.n.toString())).toEqual(want);
      expect(check.slidingWindow.map((p) => p.constantValue()?.n.toString())).toEqual(want);
    }), { numRuns: 150 });
  });

  it('with symbols, the coefficient of every w_j·z_i is the oracle\'s', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2, paddingModes: true }), (c) => {
      fc.pre(prod(c.inShape) * prod(c.weightShape) <= 400);
      const spec = normalizeSpec(c.spec);
      const check = checkMatrix(spec);
      expect(check.path).toBe('bilinear');
      // by bilinearity, oracle(e_i, e_j)[r] is the coefficient of w_j·z_i in output r
      const terms: Polynomial[][] = check.product.map(() => []);
      const unit = (shape: number[], at: number): Tensor => ({ shape, data: Array.from({ length: prod(shape) }, (_, t) => +(t === at)) });
      for (let j = 0; j < prod(c.weightShape); j++) {
        for (let i = 0; i < prod(c.inShape); i++) {
          oracle(c, unit(c.inShape, i), unit(c.weightShape, j)).data.forEach((coef, row) => {
            if (coef !== 0) terms[row]!.push(mulPoly(constPoly(rational(coef)), mulPoly(spec.weights[j]!, spec.inputs[i]!)));
          });
        }
      }
      expect(check.product).toEqualPolynomial(terms.map(sumPolys));
      expect(check.slidingWindow).toEqualPolynomial(terms.map(sumPolys));
    }), { numRuns: 100 });
  });

  it('leaves specs that are not bilinear to the general polynomials, with the same verdicts', () => {
    const general = (spec: SpecInput) => {
      const r = checkMatrix(spec);
      expect(r.path).toBe('general');
      expect(r.report.holds).toBe(true);
      return r;
    };
    general({ input: 5, kernel: 3, weights: '2*a + b,c,d' }); // an expression
    general({ input: 5, kernel: 3, weights: '1/2,w2,w3' }); // a fraction
    general({ input: 5, kernel: 3, weights: 'w1^2,w2,w3' }); // a square
    // 2^52·w1 times 2·z: one product is exact, but a sum of two could pass 2^53
    const big = general({ input: 4, kernel: 2, weights: '4503599627370496*w1,w2', inputs: '2*z1,2*z2,2*z3,2*z4' });
    expect(big.product.map(String)).toHaveLength(3);
    expect(checkMatrix({ input: 4, kernel: 2, weights: '2251799813685248*w1,w2', inputs: 'z1,z2,z3,z4' }).path).toBe('bilinear');
  });

  it('makes the polynomials once, on first request', () => {
    const check = checkMatrix({ input: '5x5', kernel: '3x3' });
    expect(check.path).toBe('bilinear');
    expect(check.product).toBe(check.product);
    expect(check.slidingWindow).toBe(check.slidingWindow);
    expect(check.product.length).toBe(9);
  });
});
