/**
 * ⟨Kx, y⟩ = ⟨x, Kᵀy⟩, where Kᵀ is not transposeMatrix(K) but the matrix of the
 * transposed spec written independently (same k, s, p, d; input = K's output
 * size; output_padding chosen so its output has K's input size).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ring, float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { normalizeSpec, type SpecInput } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { lcg, oracleConv, randomTensor } from '../oracle.ts';
import { randomCase } from './random-spec.ts';

function dot<T>(a: readonly T[], b: readonly T[], ring: Ring<T>): T {
  return ring.sum(a.map((v, i) => ring.mul(v, b[i]!)));
}

/** The transposed spec whose matrix must be Kᵀ, from the oracle's shapes and the definition of output padding. */
function adjointSpec(spec: SpecInput, pads: Array<[number, number]>, n: number[], o: number[], names: boolean): SpecInput {
  const k = spec.kernel as number[], s = spec.stride as number[], d = spec.dilation as number[];
  const op = o.map((len, a) => n[a]! - ((len - 1) * s[a]! - pads[a]![0] - pads[a]![1] + d[a]! * (k[a]! - 1) + 1));
  return {
    ...spec, input: o, padding: pads, transposed: true, outputPadding: op,
    inChannels: spec.outChannels, outChannels: spec.inChannels, ...(names ? { inputs: 'y' } : {}),
  };
}

describe('⟨Kx, y⟩ = ⟨x, Kᵀy⟩', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('numerically, for random regular specs and their transposed spec', () => {
    fc.assert(fc.property(randomCase({ transposed: false }), fc.nat(), (c, seed) => {
      const r = lcg(seed);
      const shape = oracleConv(randomTensor(c.inShape, r), randomTensor(c.weightShape, r), c.oracle).shape;
      const spec = normalizeSpec(c.spec);
      const t = adjointSpec(c.spec, c.oracle.padding!, c.inShape.slice(1), shape.slice(1), false);
      // output padding is only valid below max(stride, dilation); beyond, the adjoint is not a transposed spec
      fc.pre((t.outputPadding as number[]).every((v, a) => v < Math.max((t.stride as number[])[a]!, (t.dilation as number[])[a]!)));
      const tspec = normalizeSpec(t);
      expect(tspec.outputShape).toEqual(c.inShape);
      const w = randomTensor(c.weightShape, r).data, x = randomTensor(c.inShape, r).data, y = randomTensor(shape, r).data;
      const Kx = matVec(convMatrix(spec), w, x, float64Ring);
      const KTy = matVec(convMatrix(tspec), w, y, float64Ring);
      expect(dot(Kx, y, float64Ring)).toBe(dot(x, KTy, float64Ring));
    }), { numRuns: 200 });
  });

  it('symbolically: the trilinear polynomials are equal', () => {
    fc.assert(fc.property(randomCase({ transposed: false, maxDims: 2 }), (c) => {
      const spec = normalizeSpec({ ...c.spec, inputs: 'x' });
      const t = adjointSpec({ ...c.spec, inputs: 'x' }, c.oracle.padding!, c.inShape.slice(1), spec.output as number[], true);
      fc.pre((t.outputPadding as number[]).every((v, a) => v < Math.max((t.stride as number[])[a]!, (t.dilation as number[])[a]!)));
      const tspec = normalizeSpec(t);
      const Kx = matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing);
      const KTy = matVec(convMatrix(tspec), tspec.weights, tspec.inputs, polynomialRing);
      expect(dot(Kx, tspec.inputs, polynomialRing)).toEqualPolynomial(dot(spec.inputs, KTy, polynomialRing));
    }), { numRuns: 100 });
  });
});
