/**
 * The spatial drawing (src/view/grid.ts, window-frames.ts) against the
 * independent oracle: for every frame, the weights written on the drawn cells
 * times what those cells hold (an input, or 0 for padding and inserted zeros)
 * sum to the oracle's output. The cell counts are those of the lecture's
 * figures, counted by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring } from '../../src/algebra/ring.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { drawnCellCount, inputGrids, outputGrids } from '../../src/view/grid.ts';
import { windowFrame } from '../../src/view/window-frames.ts';
import { lcg, oracleConv, oracleConvTranspose, randomTensor } from '../oracle.ts';
import { randomCase } from '../matrix/random-spec.ts';

function kinds(input: Parameters<typeof normalizeSpec>[0]) {
  const spec = normalizeSpec(input);
  const g = inputGrids(spec)[0]!;
  const count = (k: string) => g.kinds.filter((x) => x === k).length;
  return { shape: g.shape, input: count('input'), padding: count('padding'), inserted: count('inserted') };
}

describe('drawn grids', () => {
  it('4×4, stride 2, padding 1: a 6×6 grid of 16 inputs and 20 padding cells', () => {
    expect(kinds({ input: '4x4', kernel: '3x3', stride: 2, padding: 1 })).toEqual({ shape: [6, 6], input: 16, padding: 20, inserted: 0 });
  });

  it('transposed 2×2, stride 2, padding 1: 4 inputs, 5 inserted zeros, a ring of 16 padding cells (k−1−p = 1)', () => {
    expect(kinds({ input: '2x2', kernel: '3x3', stride: 2, padding: 1, transposed: true })).toEqual({ shape: [5, 5], input: 4, padding: 16, inserted: 5 });
  });

  it("the lecture's p′ = 2: transposed 4 → 6 with kernel 3 is drawn as two zeros, four inputs, two zeros", () => {
    expect(kinds({ input: 4, kernel: 3, transposed: true })).toEqual({ shape: [8], input: 4, padding: 4, inserted: 0 });
  });

  it('output padding adds a row and a column after; padding above k−1 crops', () => {
    expect(kinds({ input: '3x3', kernel: '3x3', stride: 2, padding: 1, outputPadding: 1, transposed: true }))
      .toEqual({ shape: [8, 8], input: 9, padding: 64 - 25, inserted: 16 });
    // k = 3, p = 3: d(k−1) − p = −1 crops one cell at each end of x1 0 x2 0 x3 → 0 x2 0
    expect(kinds({ input: 3, kernel: 3, stride: 2, padding: 3, transposed: true })).toEqual({ shape: [3], input: 1, padding: 0, inserted: 2 });
  });

  it('dilation draws its holes: the 7×7 input with dilation 2 is drawn unpadded, and the taps of frame 0 skip one cell', () => {
    const spec = normalizeSpec({ input: '7x7', kernel: '3x3', dilation: 2 });
    const g = inputGrids(spec)[0]!;
    expect(windowFrame(spec, g.shape, 0).map((t) => t.cell)).toEqual([0, 2, 4, 14, 16, 18, 28, 30, 32]);
  });

  it('counts cells without drawing them', () => {
    const spec = normalizeSpec({ input: '2x2', kernel: '3x3', stride: 2, padding: 1, transposed: true });
    expect(drawnCellCount(spec)).toBe(25 + 9);
    expect(outputGrids(spec)[0]!.shape).toEqual([3, 3]);
  });
});

describe('window frames over the drawing equal the oracle', () => {
  it('regular and transposed, 1D–3D, channels, groups, both modes', () => {
    fc.assert(fc.property(randomCase(), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), w = randomTensor(c.weightShape, r);
      const want = c.transposed ? oracleConvTranspose(x, w, c.oracle) : oracleConv(x, w, c.oracle);
      const grids = inputGrids(spec);
      const got = Array.from({ length: want.data.length }, (_, row) => {
        const terms = windowFrame(spec, grids[0]!.shape, row).map(({ channel, cell, tap }) => {
          const src = grids[channel]!.source[cell]!;
          return src < 0 ? 0 : w.data[tap]! * x.data[src]!;
        });
        return float64Ring.sum(terms);
      });
      got.forEach((v, i) => expect(v).toBeCloseTo(want.data[i]!, 9));
    }), { numRuns: 300 });
  });
});
