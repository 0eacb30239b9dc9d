import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complexVector, dft } from '../../src/algebra/dft.ts';

/** The direct DFT against its definition, written here as one sum over the whole multi-index (not axis by axis). */
function definition(re: number[], shape: number[], sign: number): [number[], number[]] {
  const N = re.length;
  const idx = (f: number) => shape.map((_, a) => Math.floor(f / shape.slice(a + 1).reduce((x, y) => x * y, 1)) % shape[a]!);
  const out: [number[], number[]] = [[], []];
  for (let m = 0; m < N; m++) {
    let sr = 0, si = 0;
    for (let i = 0; i < N; i++) {
      const t = sign * 2 * Math.PI * idx(m).reduce((s, x, a) => s + (x * idx(i)[a]!) / shape[a]!, 0);
      sr += re[i]! * Math.cos(t);
      si += re[i]! * Math.sin(t);
    }
    out[0].push(sign > 0 ? sr / N : sr);
    out[1].push(sign > 0 ? si / N : si);
  }
  return out;
}

describe('dft (direct, axis by axis)', () => {
  it('matches the definition on random real tensors of 1 to 3 axes, both directions', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), fc.nat(), (shape, seed) => {
      const N = shape.reduce((a, b) => a * b, 1);
      const re = Array.from({ length: N }, (_, i) => ((seed * 31 + i * 17) % 11) - 5);
      for (const sign of [-1, 1] as const) {
        const got = dft(complexVector(re), shape, sign), [wr, wi] = definition(re, shape, sign);
        got.re.forEach((v, i) => expect(v).toBeCloseTo(wr[i]!, 9));
        got.im.forEach((v, i) => expect(v).toBeCloseTo(wi[i]!, 9));
      }
    }), { numRuns: 40 });
  });

  it('the inverse undoes the forward transform, and a known pair: the DFT of [1, 2, 3, 4] is [10, −2+2i, −2, −2−2i]', () => {
    const x = complexVector([1, 2, 3, 4]);
    const f = dft(x, [4], -1);
    expect(Array.from(f.re).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([10, -2, -2, -2]);
    expect(Array.from(f.im).map((v) => Math.round(v * 1e9) / 1e9 + 0)).toEqual([0, 2, 0, -2]);
    const back = dft(f, [4], 1);
    back.re.forEach((v, i) => expect(v).toBeCloseTo([1, 2, 3, 4][i]!, 12));
  });
});
