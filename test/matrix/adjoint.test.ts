/**
 * ⟨Kx, y⟩ = ⟨x, Kᵀy⟩ with one side always from outside the engine: the
 * engine's K against Kᵀ of the independent oracle (its transposed convolution,
 * and symbolically the scatter written below from the oracle's products), and
 * the engine's Kᵀ (the matrix of the transposed spec: same k, s, p, d; input =
 * K's output size; output padding chosen so that its output has K's input
 * size) against the oracle's K.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { type Ring, float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { normalizeSpec, type SpecInput } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { type OracleParams, forEachProduct, lcg, oracleConv, oracleConvTranspose, randomTensor } from '../oracle.ts';
import { type RandomCase, randomCase } from './random-spec.ts';

function dot<T>(a: readonly T[], b: readonly T[], ring: Ring<T>): T {
  expect(a.length).toBe(b.length);
  return ring.sum(a.map((v, i) => ring.mul(v, b[i]!)));
}

/** The output padding that makes the transposed output n again (from the definition of the transposed size). */
function outputPadding(c: RandomCase, o: readonly number[]): number[] {
  const k = c.spec.kernel as number[], s = c.spec.stride as number[], d = c.spec.dilation as number[];
  const pads = c.oracle.padding!, n = c.inShape.slice(1);
  return o.map((len, a) => n[a]! - ((len - 1) * s[a]! - pads[a]![0] - pads[a]![1] + d[a]! * (k[a]! - 1) + 1));
}

/** The engine's transposed spec whose matrix must be Kᵀ. */
function adjointSpec(c: RandomCase, o: readonly number[], inputs?: string): SpecInput {
  return {
    ...c.spec, input: [...o], padding: c.oracle.padding, transposed: true, outputPadding: outputPadding(c, o),
    inChannels: c.spec.outChannels, outChannels: c.spec.inChannels, ...(inputs ? { inputs } : {}),
  };
}

/** Output padding is valid only below max(stride, dilation); beyond, the adjoint is not a transposed spec. */
function isTransposedSpec(c: RandomCase, o: readonly number[]): boolean {
  const s = c.spec.stride as number[], d = c.spec.dilation as number[];
  return outputPadding(c, o).every((v, a) => v >= 0 && v < Math.max(s[a]!, d[a]!));
}

/**
 * Kᵀy as a scatter, straight from the definition: wherever the convolution
 * adds w[j]·x[i] into out[r], the transposed convolution adds w[j]·y[r] into out[i].
 */
function scatter(c: RandomCase, w: readonly Polynomial[], y: readonly Polynomial[]): Polynomial[] {
  const out: Polynomial[][] = Array.from({ length: c.inShape.reduce((a, b) => a * b, 1) }, () => []);
  forEachProduct(c.inShape, c.weightShape, c.oracle as OracleParams, (r, i, j) => { out[i]!.push(polynomialRing.mul(w[j]!, y[r]!)); });
  return out.map((t) => polynomialRing.sum(t));
}

describe('⟨Kx, y⟩ = ⟨x, Kᵀy⟩', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('numerically: the engine K with the oracle transposed convolution, and the engine Kᵀ with the oracle convolution', () => {
    fc.assert(fc.property(randomCase({ transposed: false }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const w = randomTensor(c.weightShape, r), x = randomTensor(c.inShape, r);
      const Kx = oracleConv(x, w, c.oracle);
      const y = randomTensor(Kx.shape, r);
      const o = Kx.shape.slice(1);
      fc.pre(isTransposedSpec(c, o));
      // the oracle's transposed convolution with the same weight tensor (PyTorch's layouts make it the adjoint)
      const KTy = oracleConvTranspose(y, w, { ...c.oracle, outputPadding: outputPadding(c, o) });
      expect(KTy.shape).toEqual(c.inShape);
      const engineKx = matVec(convMatrix(normalizeSpec(c.spec)), w.data, x.data, float64Ring);
      expect(dot(engineKx, y.data, float64Ring)).toBe(dot(x.data, KTy.data, float64Ring));
      const tspec = normalizeSpec(adjointSpec(c, o));
      expect(tspec.outputShape).toEqual(c.inShape);
      const engineKTy = matVec(convMatrix(tspec), w.data, y.data, float64Ring);
      expect(dot(Kx.data, y.data, float64Ring)).toBe(dot(x.data, engineKTy, float64Ring));
    }), { numRuns: 200 });
  });

  it('symbolically: both trilinear polynomials equal the one the scatter gives', () => {
    fc.assert(fc.property(randomCase({ transposed: false, maxDims: 2 }), (c) => {
      const spec = normalizeSpec({ ...c.spec, inputs: 'x' });
      const o = spec.output as number[];
      fc.pre(isTransposedSpec(c, o));
      const tspec = normalizeSpec(adjointSpec(c, o, 'y'));
      const y = tspec.inputs;
      const viaScatter = dot(spec.inputs, scatter(c, spec.weights, y), polynomialRing);
      const Kx = matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing);
      expect(dot(Kx, y, polynomialRing)).toEqualPolynomial(viaScatter);
      const KTy = matVec(convMatrix(tspec), tspec.weights, y, polynomialRing);
      expect(dot(spec.inputs, KTy, polynomialRing)).toEqualPolynomial(viaScatter);
    }), { numRuns: 100 });
  });
});
