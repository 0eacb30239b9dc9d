import { describe, expect, it } from 'vitest';
import { architectureView } from '../../src/view/architecture-view.ts';
import { lcg } from '../oracle.ts';

/**
 * The lecture's 1D classifier: shapes worked out by hand from
 * o = ⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1, and GAP's matrix checked by
 * multiplying it with random vectors against the mean computed here.
 */
const parse = (t: string) => { const [n, d] = t.split('/').map(Number); return d === undefined ? n! : n! / d; };

describe('architectureView', () => {
  const v = architectureView();

  it('3 × 12 → conv k5 → 4 × 8 → conv k3 → 4 × 6 → conv k3 → 2 × 4 → GAP 2 → dense 3 → softmax 3', () => {
    expect(v.layers.map((l) => l.kind)).toEqual(['input', 'conv', 'conv', 'conv', 'gap', 'dense', 'softmax']);
    // 12 − 5 + 1 = 8, 8 − 3 + 1 = 6, 6 − 3 + 1 = 4
    expect(v.layers.map((l) => l.shape)).toEqual([[3, 12], [4, 8], [4, 6], [2, 4], [2], [3], [3]]);
    expect(v.layers.map((l) => l.shapeText)).toEqual(['3 × 12', '4 × 8', '4 × 6', '2 × 4', '2', '3', '3']);
    // 4·3·5, 4·4·3, 2·4·3, 3·2
    expect(v.layers.map((l) => l.weights)).toEqual([0, 60, 48, 24, 0, 6, 0]);
    expect(v.layers[1]!.sizeNote).toContain('⌊(12 + 0 + 0 − 4 − 1)/1⌋ + 1 = 8');
  });

  it('stride and padding go through the same formula: length 10, k 3, stride 2, padding 1 gives 5; k 4, padding "same" keeps 5', () => {
    const w = architectureView({ channels: 1, length: 10, classes: 2, convs: [{ filters: 2, kernel: 3, stride: 2, padding: 1 }, { filters: 2, kernel: 4, padding: 'same' }] });
    // ⌊(10 + 2 − 2 − 1)/2⌋ + 1 = 5; same: 5
    expect(w.layers.map((l) => l.shape)).toEqual([[1, 10], [2, 5], [2, 5], [2], [2], [2]]);
  });

  it('G times a vector is the mean of each channel (random vectors, mean computed here)', () => {
    const g = v.gap!;
    expect([g.rows, g.cols]).toEqual([2, 8]);
    const G = Array.from({ length: g.rows }, (_, r) => g.values.slice(r * g.cols, (r + 1) * g.cols).map(parse));
    const rand = lcg(24);
    for (let t = 0; t < 20; t++) {
      const x = Array.from({ length: 8 }, () => Math.round(rand() * 200 - 100));
      const got = G.map((row) => row.reduce((s, w, i) => s + w * x[i]!, 0));
      const mean = [0, 1].map((ch) => (x[4 * ch]! + x[4 * ch + 1]! + x[4 * ch + 2]! + x[4 * ch + 3]!) / 4);
      expect(got).toEqual(mean);
    }
  });

  it('the symbolic checks pass, and the equations are typeset from G, W and W·G', () => {
    expect(v.verdicts.map((x) => x.pass)).toEqual([true, true]);
    expect(v.equations).toHaveLength(3);
    expect(v.equations[0]!.tex).toContain('\\tfrac{1}{4}');
    expect(v.equations[2]!.tex).toContain('\\tfrac{1}{4} W_{3,2}');
  });

  it("Wang et al.'s sizes: shapes only; the matrices are too large to typeset and it says so", () => {
    const w = architectureView({ channels: 3, length: 128, classes: 6, convs: [{ filters: 128, kernel: 8, padding: 'same' }, { filters: 256, kernel: 5, padding: 'same' }, { filters: 128, kernel: 3, padding: 'same' }] });
    expect(w.layers.map((l) => l.shapeText)).toEqual(['3 × 128', '128 × 128', '256 × 128', '128 × 128', '128', '6', '6']);
    expect(w.equations).toEqual([]);
    expect(w.omitted).toMatch(/G would be 128 × 16384/);
  });
});
