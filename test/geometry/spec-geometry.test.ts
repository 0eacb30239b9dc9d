import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConvSpec, normalizeSpec, specGeometry } from '../../src/geometry/spec.ts';
import { readGeometry } from '../../src/geometry/spec-geometry.ts';
import { ParseError } from '../../src/errors.ts';
import { arbitrarySpec } from '../../src/testing/arbitrary.ts';
import { oracleConvTranspose } from '../oracle.ts';

const NAME_KEYS = ['weightNames', 'inputNames', 'outputNames', 'weights', 'inputs'];

describe('reading a spec: fields → geometry → names', () => {
  it('the geometry read without names is the normalised spec minus its names, on random specs', () => {
    fc.assert(fc.property(arbitrarySpec(), (raw) => {
      const g = readGeometry(raw).geometry;
      const spec = normalizeSpec(raw);
      for (const k of NAME_KEYS) expect(g).not.toHaveProperty(k);
      const named = Object.fromEntries(Object.entries(spec).filter(([k]) => !NAME_KEYS.includes(k)));
      expect(g).toEqual(named);
    }), { numRuns: 60 });
  });

  it('makes no names: a 512×512 input is read with its sizes only', () => {
    const g = specGeometry({ input: '512x512', kernel: 3 });
    expect(g.output).toEqual([510, 510]);
    expect(Object.keys(g)).not.toContain('inputNames');
  });

  it('a transposed spec: conv is the regular convolution underneath (n is the transposed OUTPUT, channels swapped)', () => {
    const s = normalizeSpec({ input: 3, kernel: 3, stride: 2, transposed: true, inChannels: 2, outChannels: 5 });
    // the transposed output size comes from outside the engine: the oracle's conv_transpose
    const x = { data: Array(2 * 3).fill(1), shape: [2, 3] };
    const w = { data: Array(2 * 5 * 3).fill(1), shape: [2, 5, 3] };
    const out = oracleConvTranspose(x, w, { stride: [2] });
    expect(s.outputShape).toEqual(out.shape);
    expect(s.output).toEqual([7]);
    expect(s.conv.axes.map((a) => a.n)).toEqual(s.output);
    expect(s.conv.axes.map((a) => a.o)).toEqual(s.input);
    expect([s.conv.inChannels, s.conv.outChannels]).toEqual([5, 2]);
    expect(s.weightShape.slice(0, 2)).toEqual([2, 5]);
  });

  it('kernel, stride, dilation and padding are read off conv.axes', () => {
    const s = normalizeSpec({ input: '7x6', kernel: '3x2', stride: '2x1', dilation: '1x2', padding: '1,0;0,1' });
    expect(s.kernel).toEqual(s.conv.axes.map((a) => a.k));
    expect(s.stride).toEqual(s.conv.axes.map((a) => a.s));
    expect(s.dilation).toEqual(s.conv.axes.map((a) => a.d));
    expect(s.padding).toEqual(s.conv.axes.map((a) => [a.p0, a.p1]));
  });
});

describe('the spec brand', () => {
  it('a normalised spec passes through; a frozen look-alike does not', () => {
    const s = normalizeSpec({ input: 5, kernel: 3 });
    expect(isConvSpec(s)).toBe(true);
    expect(normalizeSpec(s)).toBe(s);
    const copy = Object.freeze({ ...s });
    expect(isConvSpec(copy)).toBe(false);
    expect(() => normalizeSpec(copy)).toThrow(ParseError);
  });
});
