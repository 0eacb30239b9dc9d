/**
 * receptiveFieldView against the lecture's numbers, the closed form written
 * here, and edges and fields re-derived here from the definition of one axis
 * (output o, tap j reads input o·s + j·d − p), never from the index map.
 */
import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { type ReceptiveFieldView, fieldFocus, focusCaption, receptiveFieldView } from '../../src/view/receptive-field-view.ts';
import { isSummary } from '../../src/view/summary.ts';

function full(input: Parameters<typeof receptiveFieldView>[0]): ReceptiveFieldView {
  const v = receptiveFieldView(input);
  if (isSummary(v)) throw new Error(`summary: ${v.summary.reason}`);
  return v;
}

/** 1D layers (k, s, d, p0) on input n: the level sizes, and every [above, below] edge, from the definition. */
function byDefinition(n: number, layers: Array<{ k: number; s: number; d: number; p: number }>) {
  const sizes = [n];
  const edges: Array<Array<[number, number]>> = [];
  for (const { k, s, d, p } of layers) {
    const below = sizes.at(-1)!;
    const above = Math.floor((below + 2 * p - d * (k - 1) - 1) / s) + 1;
    const e: Array<[number, number]> = [];
    for (let o = 0; o < above; o++) for (let j = 0; j < k; j++) {
      const i = o * s + j * d - p;
      if (i >= 0 && i < below) e.push([o, i]);
    }
    sizes.push(above);
    edges.push(e);
  }
  return { sizes, edges };
}

/** Positions on each level that reach neuron `at` of the top level `top`, walking the edges down. */
function reach(edges: Array<Array<[number, number]>>, top: number, at: number): number[][] {
  const levels: number[][] = [[at]];
  for (let l = top - 1; l >= 0; l--) {
    const above = new Set(levels[0]);
    levels.unshift([...new Set(edges[l]!.filter(([o]) => above.has(o)).map(([, i]) => i))].sort((a, b) => a - b));
  }
  return levels;
}

const sorted = (e: Array<[number, number]>) => [...e].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('receptiveFieldView', () => {
  it("the lecture's stacks: 4 for k = 2, s = 2 twice (the default), 7 with dilation 2, 15 for the TCN 1, 2, 4", () => {
    const four = full({});
    expect(four.closed.perAxis).toEqual([4]);
    expect(four.levels.map((l) => l.count)).toEqual([4, 2, 1]);
    expect(four.verdict!.pass).toBe(true);
    expect(focusCaption(four, four.central)).toMatch(/receptive field 4 = 4 input positions \(4 reached\)/);
    expect(full({ kernel: 2, stride: 2, dilation: 2 }).closed.perAxis).toEqual([7]);
    const tcn = full({ kernel: 3, dilation: '1,2,4', input: 20 });
    // 1 + (3−1)·(1 + 2 + 4) = 15
    expect(tcn.central.span).toEqual([15]);
    expect(tcn.verdict!.text).toMatch(/15 = 15/);
  });

  it('levels and edges are those of the definition, for strides, dilations and padding', () => {
    const layers = [{ k: 3, s: 2, d: 1, p: 1 }, { k: 2, s: 1, d: 3, p: 0 }, { k: 3, s: 1, d: 1, p: 2 }];
    const v = full({ kernel: '3,2,3', stride: '2,1,1', dilation: '1,3,1', padding: undefined, input: 17 });
    const unpadded = byDefinition(17, layers.map((l) => ({ ...l, p: 0 })));
    expect(v.levels.map((l) => l.count)).toEqual(unpadded.sizes);
    v.edges.forEach((e, l) => expect(sorted(e)).toEqual(sorted(unpadded.edges[l]!)));
    const padded = full({ kernel: 3, stride: 2, padding: 1, layers: 3, input: 21 });
    const want = byDefinition(21, Array.from({ length: 3 }, () => ({ k: 3, s: 2, d: 1, p: 1 })));
    expect(padded.levels.map((l) => l.count)).toEqual(want.sizes);
    padded.edges.forEach((e, l) => expect(sorted(e)).toEqual(sorted(want.edges[l]!)));
  });

  it('a hovered neuron lights what reaches it, level by level; the border is cropped by padding', () => {
    const v = full({ kernel: 3, dilation: '1,2', input: 9 });
    const def = byDefinition(9, [{ k: 3, s: 1, d: 1, p: 0 }, { k: 3, s: 1, d: 2, p: 0 }]);
    const f = fieldFocus(v, 2, 2);
    expect(f.lit).toEqual(reach(def.edges, 2, 2));
    expect(f.lit[0]).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect([f.span, f.size, f.reached, f.closedForm]).toEqual([[7], 7, 7, [7]]);
    const padded = full({ kernel: 3, padding: 1, layers: 2, input: 6 });
    const edge = fieldFocus(padded, 2, 0);
    expect(edge.lit[0]).toEqual([0, 1, 2]);
    expect(edge.cropped).toBe(true);
    expect(fieldFocus(padded, 1, 3).lit).toEqual([[2, 3, 4], [3]]);
  });

  it('an input narrower than the closed form gives no verdict but a note (every field is cropped: no false "fail")', () => {
    // 8 padded layers of 3×3 on 8×8: r = 1 + 8·2 = 17 > 8
    const v = full({ kernel: '3x3', layers: 8, padding: 1, input: '8x8' });
    expect(v.central.span).toEqual([8, 8]);
    expect(v.verdict).toBeNull();
    expect(v.note).toMatch(/narrower than the closed form \(17 × 17\)/);
    // an input as wide as the field: checked, and it holds
    const wide = full({ kernel: 3, layers: 8, padding: 1, input: 17 });
    expect([wide.verdict!.pass, wide.note]).toEqual([true, null]);
  });

  it("input-layer 1 numbers the input as layer 1 (Lin et al.'s figure: layer 3 sees 5 × 5)", () => {
    const v = full({ kernel: '3x3', inputLayer: '1' });
    expect(v.levels.map((l) => l.caption)).toEqual(['input = layer 1', 'layer 2', 'layer 3']);
    expect(focusCaption(v, v.central)).toMatch(/^Neuron 1 of layer 3: receptive field 5 × 5 = 25/);
    expect(full({ kernel: '3x3' }).levels.map((l) => l.caption)).toEqual(['input', 'layer 1', 'layer 2']);
    expect(() => receptiveFieldView({ inputLayer: '2' })).toThrow(/input-layer/);
  });

  it('2D: the field is the product of the axes; a 3×3 kernel twice sees 5 × 5', () => {
    const v = full({ kernel: '3x3' });
    expect(v.dims).toBe(2);
    expect(v.levels.map((l) => l.shape)).toEqual([[5, 5], [3, 3], [1, 1]]);
    expect(v.edges).toEqual([]);
    expect(v.central.lit[0]).toHaveLength(25);
    const f = fieldFocus(full({ kernel: '2x3', input: '6x6' }), 1, 0);
    // kernel 2×3 at (0, 0): rows 0..1, columns 0..2 of a 6-wide input
    expect(f.lit[0]).toEqual([0, 1, 2, 6, 7, 8]);
    expect(f.span).toEqual([2, 3]);
  });

  it('labels the ends of a 1D stack x₀ … x_{n−1} and ŷ₀ … ŷ_{m−1}', () => {
    const v = full({ kernel: 3, dilation: '1,2', input: 9 });
    expect(v.ends).toEqual([
      { level: 0, at: 0, symbol: { base: 'x', index: [0] } }, { level: 0, at: 8, symbol: { base: 'x', index: [8] } },
      { level: 2, at: 0, symbol: { base: 'y', index: [0], accent: 'hat' } }, { level: 2, at: 2, symbol: { base: 'y', index: [2], accent: 'hat' } },
    ]);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('a list of 200 layers is refused naming its field; the 64-layer cap holds for lists as for layers', () => {
    const dilations = Array.from({ length: 200 }, (_, i) => 2 ** (i % 10)).join(',');
    const err = (() => { try { receptiveFieldView({ kernel: 3, dilation: dilations }); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(ConvmatError);
    expect((err as ConvmatError).field).toBe('dilation');
    expect((err as ConvmatError).rule).toMatch(/200 layers, more than the 64/);
    expect(() => receptiveFieldView({ kernel: 3, layers: 65 })).toThrow(/layers/);
    expect(isSummary(receptiveFieldView({ kernel: 3, dilation: Array.from({ length: 64 }, () => 1).join(',') }))).toBe(true);
  });

  it('a stack too large to draw is a summary with the closed form, computed without building it', () => {
    // 30 layers of kernel 3 and dilation 64: r = 1 + 30·64·2 = 3841 inputs, 30 levels above
    const v = receptiveFieldView({ kernel: 3, dilation: Array.from({ length: 30 }, () => 64).join(',') });
    if (!isSummary(v)) throw new Error('expected a summary');
    expect(v.summary.reason).toMatch(/neurons are more than the 600/);
    expect(v.summary.facts!.join(' ')).toContain('= 3841 input positions');
    const wide = receptiveFieldView({ kernel: 64, layers: 30 });
    if (!isSummary(wide)) throw new Error('expected a summary');
    expect(wide.summary.facts!.join(' ')).toContain(`= ${1 + 30 * 63} input positions`);
  });
});
