/**
 * checkerboardView against the lecture's counts and a scatter written here:
 * input position i of a transposed convolution adds tap j to output
 * i·s + j·d − p (the "filter scaled by the input"), never the index map.
 */
import { describe, expect, it } from 'vitest';
import { type CheckerboardView, checkerboardView } from '../../src/view/checkerboard-view.ts';
import { isSummary } from '../../src/view/summary.ts';

function full(input: Parameters<typeof checkerboardView>[0]): CheckerboardView {
  const v = checkerboardView(input);
  if (isSummary(v)) throw new Error(`summary: ${v.summary.reason}`);
  return v;
}

/** Paths of taps through 1D transposed layers (k, s, d, p) from n inputs, all ones. */
function scatter(n: number, layers: Array<{ k: number; s: number; d?: number; p?: number }>): number[] {
  let counts = new Array<number>(n).fill(1);
  for (const { k, s, d = 1, p = 0 } of layers) {
    const out = new Array<number>((counts.length - 1) * s - 2 * p + d * (k - 1) + 1).fill(0);
    counts.forEach((c, i) => { for (let j = 0; j < k; j++) { const o = i * s + j * d - p; if (o >= 0 && o < out.length) out[o]! += c; } });
    counts = out;
  }
  return counts;
}

describe('checkerboardView', () => {
  it("the lecture's k = 3, s = 2: 1 1 2 1 2 … 1 1, uneven, and the rule agrees", () => {
    const v = full({});
    // the default input is k·d + 2 = 5 samples
    expect(v.transposed.values).toEqual(scatter(5, [{ k: 3, s: 2 }]));
    expect(v.transposed.values).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1]);
    expect(v.transposed.max).toBe(2);
    expect(v.pattern).toBe('Uneven overlap (1 and 2 taps): a checkerboard pattern.');
    expect(v.verdicts).toEqual([{ pass: true, text: 's = 2 does not divide k = 3, so the rule predicts uneven overlap, and the counts agree (uneven)' }]);
    expect(v.transposed.title).toBe('transposed convolution, k = 3, s = 2');
  });

  it('k = 4, s = 2 overlaps evenly; resize-then-convolve reads k taps everywhere inside', () => {
    const v = full({ kernel: 4 });
    expect(v.transposed.values).toEqual(scatter(6, [{ k: 4, s: 2 }]));
    expect(v.pattern).toBe('Even overlap: every interior output receives 2 taps.');
    // "same" padding of k = 4 puts 1 zero before and 2 after: taps inside per output of 14
    const n = v.resized!.values.length;
    const same = Array.from({ length: n }, (_, o) => [0, 1, 2, 3].filter((j) => o + j - 1 >= 0 && o + j - 1 < n).length);
    expect(v.resized!.values).toEqual(same);
  });

  it('dilation 2 with stride 2 is uneven although 2 divides 4 (gcd(s, d) = 2), as the rule says', () => {
    const v = full({ kernel: 4, dilation: 2 });
    expect(v.transposed.values).toEqual(scatter(10, [{ k: 4, s: 2, d: 2 }]));
    expect(v.uniform).toBe(false);
    expect(v.verdicts[0]!.pass).toBe(true);
    expect(v.transposed.title).toContain('d = 2');
  });

  it('2D: the heat map is the outer product of the axes, with counts 1, 2 and 4', () => {
    const v = full({ kernel: '3x3' });
    const axis = scatter(5, [{ k: 3, s: 2 }]);
    expect(v.transposed.shape).toEqual([11, 11]);
    expect(v.transposed.values).toEqual(axis.flatMap((a) => axis.map((b) => a * b)));
    expect(v.pattern).toMatch(/1, 2 and 4 taps/);
  });

  it('a stack counts paths of taps, and checks the rule layer by layer', () => {
    const v = full({ kernel: '3,2', stride: '2,2', input: 6, padding: 1 });
    expect(v.transposed.values).toEqual(scatter(6, [{ k: 3, s: 2, p: 1 }, { k: 2, s: 2, p: 1 }]));
    expect(v.resized).toBeNull();
    expect(v.verdicts.map((x) => x.text.slice(0, 9))).toEqual(['layer 1: ', 'layer 2: ']);
    expect(v.verdicts.map((x) => x.pass)).toEqual([true, true]);
    expect(v.caption).toMatch(/stated for one layer/);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('too many positions or taps give a summary at once, with the rule per layer', () => {
    const big = checkerboardView({ layers: 12 });
    if (!isSummary(big)) throw new Error('expected a summary');
    // 12 layers of k = 3, s = 2 from 5 inputs: n ↦ 2n + 1, twelve times
    let n = 5;
    for (let l = 0; l < 12; l++) n = 2 * n + 1;
    expect(big.summary.reason).toContain(`${n.toLocaleString('en-US')} output positions`);
    expect(big.summary.facts!.filter((f) => f.includes('predicts uneven overlap'))).toHaveLength(12);
    const wide = checkerboardView({ kernel: '20x20', input: '3x3' });
    expect(isSummary(wide) && wide.summary.reason).toMatch(/taps, more than the 400,000/);
  });

  it('50 layers: a summary before counting, naming the first layer past the engine\'s limits (stride 2 doubles the length)', () => {
    const v = checkerboardView({ layers: 50 });
    if (!isSummary(v)) throw new Error('expected a summary');
    // n ↦ 2n + 1 from 5: 2^(l+2)·3 − 1 after l layers; the first past 524,288 positions is layer 18 (786,431)
    let n = 5, l = 0;
    while (n <= 524_288) { n = 2 * n + 1; l++; }
    expect(v.summary.reason).toBe(`layer ${l}: its output has ${n} elements; the engine handles at most 524288`);
    expect(v.summary.facts!.filter((f) => f.includes('predicts uneven overlap'))).toHaveLength(50);
  });
});
