import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { arbitrarySpec } from '../../src/testing/arbitrary.ts';
import { normalizeSpec, probeMatrix } from '../../src/index.ts';
import { type OracleTransposeParams, oracleConv, oracleConvTranspose } from '../oracle.ts';
import { build, flat, shapeOf } from './direct-conv.ts';

type Nested = number | Nested[];

/** The independent oracle (test/oracle.ts) as a user's fn(input, weight), with its kernel flipped or not. */
function oracleFn(raw: Parameters<typeof normalizeSpec>[0], flipKernel: boolean) {
  const s = normalizeSpec(raw);
  const p: OracleTransposeParams = {
    stride: [...s.stride], dilation: [...s.dilation], padding: s.padding.map(([a, b]) => [a, b] as [number, number]),
    groups: s.groups, flip: (s.mode === 'convolution') !== flipKernel, outputPadding: [...s.outputPadding],
  };
  return (input: Nested, weight: Nested): Nested => {
    const x = { data: flat(input), shape: shapeOf(input) }, w = { data: flat(weight), shape: shapeOf(weight) };
    const y = s.transposed ? oracleConvTranspose(x, w, p) : oracleConv(x, w, p);
    return build(y.data, y.shape);
  };
}

describe('toComputeConvolution against the oracle (property)', () => {
  it('the oracle computes every random spec; its flipped twin fails, named a flipped kernel, unless every kernel axis is 1 wide', () => {
    fc.assert(fc.property(arbitrarySpec({ dims: [1, 2], maxSize: 5, channels: true, transposed: 'either', mode: true, asymmetricPadding: true }), (raw) => {
      expect(oracleFn(raw, false)).toComputeConvolution(raw);
      const flipped = probeMatrix(oracleFn(raw, true), raw);
      // flipping changes nothing only when the oracle itself cannot tell (1-wide kernels, or no tap inside the input)
      const s = normalizeSpec(raw);
      // distinct integers (a repeating pattern can make a kernel symmetric by chance, and the flip invisible to this one probe only)
      const rand = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed * 11) % 101) - 50);
      const x = build(rand(s.inChannels * s.input.reduce((a, b) => a * b, 1), 3), [s.inChannels, ...s.input]);
      const wShape = s.transposed ? [s.inChannels, s.outChannels / s.groups, ...s.kernel] : [s.outChannels, s.inChannels / s.groups, ...s.kernel];
      const w = build(rand(wShape.reduce((a, b) => a * b, 1), 5), wShape);
      const symmetric = JSON.stringify(oracleFn(raw, true)(x, w)) === JSON.stringify(oracleFn(raw, false)(x, w));
      expect(flipped.holds).toBe(symmetric);
      if (!symmetric) {
        expect(flipped.differences[0]!.name).toMatch(flipped.facts.method === 'unit' ? /^row \S+, column \S+$/ : /^row \S+ on random probe \d+$/);
        expect(flipped.facts.cause).toMatch(/^a flipped kernel/);
      }
    }), { numRuns: 40 });
  });

  it('for every random spec, ReLU∘oracle and |oracle| fail with the property they break, and the oracle rounded to float32 still passes', () => {
    const deep = (v: Nested, g: (v: number) => number): Nested => (Array.isArray(v) ? v.map((e) => deep(e, g)) : g(v));
    let failedByProperty = 0, nonzero = 0;
    fc.assert(fc.property(arbitrarySpec({ dims: [1, 2], maxSize: 5, channels: true, transposed: 'either', mode: true, asymmetricPadding: true }), (raw) => {
      const ref = oracleFn(raw, false);
      // a spec whose every tap lands in padding computes 0 whatever it is given, and ReLU∘0 = |0| = 0 is that
      // convolution: only a convolution that is not identically zero can be told from its ReLU (ones in, the oracle says)
      const s = normalizeSpec(raw);
      const ones = (shape: number[]) => build(new Array(shape.reduce((a, b) => a * b, 1)).fill(1), shape);
      const wShape = s.transposed ? [s.inChannels, s.outChannels / s.groups, ...s.kernel] : [s.outChannels, s.inChannels / s.groups, ...s.kernel];
      if (flat(ref(ones([s.inChannels, ...s.input]), ones(wShape))).every((v) => v === 0)) return;
      nonzero++;
      for (const g of [(v: number) => Math.max(0, v), Math.abs]) {
        const p = probeMatrix((x, w) => deep(ref(x, w), g), raw);
        expect(p.holds).toBe(false);
        if (p.facts.property) failedByProperty++;
      }
      // every probe output is exact in float32 (probe-bilinear.ts), so rounding to float32 changes nothing
      expect(probeMatrix((x, w) => deep(ref(x, w), Math.fround), raw).holds).toBe(true);
    }), { numRuns: 30 });
    expect(nonzero).toBeGreaterThanOrEqual(20); // a floor on the specs really checked (identically zero ones are rare)
    expect(failedByProperty).toBe(2 * nonzero);
  });
});
