import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { outputSizeFormulas, outputSizeLines } from '../../src/view/output-size-formula.ts';

/** Evaluates the substituted text with plain arithmetic: ⌊…⌋ is floor, · and − as written. */
function evaluate(text: string): number {
  const js = text.replace(/⌊/g, 'Math.floor(').replace(/⌋/g, ')').replace(/·/g, '*').replace(/−/g, '-');
  expect(js).toMatch(/^[\d\s+\-*/().Mathflor]+$/);
  return Function(`return ${js}`)() as number;
}

/** Independent of src/: the number of window positions, counted one by one. */
function countWindows(n: number, k: number, s: number, d: number, p0: number, p1: number): number {
  let o = 0;
  for (let start = 0; start + d * (k - 1) <= n + p0 + p1 - 1; start += s) o++;
  return o;
}

describe('output size formulas', () => {
  it("the lecture's stride-2 example: ⌊(5 + 1 + 1 − 2 − 1)/2⌋ + 1 = 3", () => {
    const [f] = outputSizeFormulas(normalizeSpec({ input: 5, kernel: 3, stride: 2, padding: 1 }));
    expect(f).toMatchObject({ text: '⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1', substitutedText: '⌊(5 + 1 + 1 − 2 − 1)/2⌋ + 1', value: 3 });
  });

  it("Example 4, transposed 2×2 → 4×4: (2−1)·2 − 1 − 1 + 2 + 1 + 1 = 4 on each axis", () => {
    const fs = outputSizeFormulas(normalizeSpec({ input: '2x2', kernel: '3x3', stride: 2, padding: 1, outputPadding: 1, transposed: true }));
    expect(fs).toHaveLength(2);
    for (const f of fs) expect(f).toMatchObject({ transposed: true, substitutedText: '(2−1)·2 − 1 − 1 + 2 + 1 + 1', value: 4 });
    expect(outputSizeLines(normalizeSpec({ input: '2x2', kernel: '3x3', stride: 2, padding: 1, outputPadding: 1, transposed: true }))[1])
      .toBe('axis 2: o = (n−1)s − p₀ − p₁ + d(k−1) + output_padding + 1 = (2−1)·2 − 1 − 1 + 2 + 1 + 1 = 4');
  });

  it('the substituted numbers evaluate to the value, which is the number of window positions', () => {
    const axis = fc.record({ n: fc.integer({ min: 1, max: 12 }), k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 3 }), p0: fc.nat(3), p1: fc.nat(3) });
    fc.assert(fc.property(axis, (a) => {
      fc.pre(a.n + a.p0 + a.p1 >= a.d * (a.k - 1) + 1);
      const [f] = outputSizeFormulas(normalizeSpec({ input: a.n, kernel: a.k, stride: a.s, dilation: a.d, padding: [[a.p0, a.p1]] }));
      expect(evaluate(f!.substitutedText)).toBe(f!.value);
      expect(f!.value).toBe(countWindows(a.n, a.k, a.s, a.d, a.p0, a.p1));
    }));
  });

  it('transposed: the value evaluates from the numbers, and the regular convolution of that size gives back n', () => {
    const axis = fc.record({ n: fc.integer({ min: 1, max: 8 }), k: fc.integer({ min: 1, max: 4 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }), p: fc.nat(2), op: fc.nat(2) });
    fc.assert(fc.property(axis, (a) => {
      fc.pre(a.op < a.s); // (with s ≤ op < d the regular convolution of that size has one more output)
      let spec;
      try { spec = normalizeSpec({ input: a.n, kernel: a.k, stride: a.s, dilation: a.d, padding: a.p, outputPadding: a.op, transposed: true }); } catch { return; }
      const [f] = outputSizeFormulas(spec);
      expect(evaluate(f!.substitutedText)).toBe(f!.value);
      expect(countWindows(f!.value, a.k, a.s, a.d, a.p, a.p)).toBe(a.n);
    }));
  });
});
