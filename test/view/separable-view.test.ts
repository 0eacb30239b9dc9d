/**
 * separableView against the lecture's counts (81 against 45 + 27; 86,400
 * against 675 + 9,600; 1,228,800 against 4,800 + 49,152), closed forms
 * written here (positions × kernel taps × channels), and Sobel's factors.
 */
import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { entryToText } from '../../src/view/entry.ts';
import { type CostTable, separableView } from '../../src/view/separable-view.ts';
import { type SummaryView, isSummary } from '../../src/view/summary.ts';

const n = (s: string) => Number(s.replace(/,/g, ''));

function tableOf(t: CostTable | SummaryView | null): CostTable {
  if (!t || isSummary(t)) throw new Error('expected a table');
  return t;
}

describe('separableView', () => {
  it("the lecture's defaults: Sobel = [1,2,1]ᵀ·[1,0,−1], 81 against 45 + 27, 86,400 against 675 + 9,600", () => {
    const v = separableView({});
    if (!v.factorisation.rank1) throw new Error('Sobel is rank 1');
    expect(v.factorisation.column.map(entryToText)).toEqual(['1', '2', '1']);
    expect(v.factorisation.row.map(entryToText)).toEqual(['1', '0', '-1']);
    expect(v.kernel.map((r) => r.map(entryToText))).toEqual([['1', '0', '-1'], ['2', '0', '-2'], ['1', '0', '-1']]);
    expect(v.factorisation.verdict.pass).toBe(true);
    expect(tableOf(v.spatial).rows.map((r) => n(r.multiplications))).toEqual([81, 45, 27]);
    expect(tableOf(v.spatial).total.multiplications).toBe('45 + 27 = 72');
    expect(tableOf(v.depthwise).rows.map((r) => n(r.multiplications))).toEqual([86_400, 675, 9_600]);
    expect(tableOf(v.depthwise).total.multiplications).toBe('675 + 9,600 = 10,275');
    // parameters: 128·3·9, then 3·9 and 128·3
    expect(tableOf(v.depthwise).rows.map((r) => n(r.parameters))).toEqual([3456, 27, 384]);
    expect([tableOf(v.spatial).counted, tableOf(v.depthwise).counted, v.verdict?.pass]).toEqual([true, true, true]);
  });

  it("the lecture's second example (1,228,800 against 4,800 + 49,152) from the closed forms, and a rank-2 kernel refused with its minor", () => {
    const v = separableView({ input: '12x12', kernel: '5x5', inChannels: '3', outChannels: '256', weights: '[[1,2],[3,4]]' });
    expect(tableOf(v.depthwise).rows.map((r) => n(r.multiplications))).toEqual([1_228_800, 4_800, 49_152]);
    expect(tableOf(v.depthwise).total.multiplications).toBe('4,800 + 49,152 = 53,952');
    expect(tableOf(v.depthwise).counted).toBe(false);
    expect(tableOf(v.depthwise).caption).toMatch(/closed forms only/);
    expect(v.factorisation).toMatchObject({ rank1: false, verdict: { pass: false } });
    expect(v.factorisation.verdict.text).toMatch(/not separable: rank ≥ 2/);
  });

  it('spatial-input 300×300: closed forms only, at once (298² · 9 against 298·300·3 + 298²·3)', () => {
    const v = separableView({ spatialInput: '300x300', show: 'spatial' });
    expect(tableOf(v.spatial).counted).toBe(false);
    expect(tableOf(v.spatial).rows.map((r) => n(r.multiplications))).toEqual([298 * 298 * 9, 298 * 300 * 3, 298 * 298 * 3]);
    expect(tableOf(v.spatial).rows.every((r) => r.paddingTaps === null)).toBe(true);
    expect(v.verdict).toBeNull();
    expect(v.depthwise).toBeNull();
  });

  it('padding: the taps on padding zeros are counted from the matrix', () => {
    const v = separableView({ input: '4x4', kernel: '3x3', padding: '1', inChannels: '1', outChannels: '2', show: 'depthwise' });
    // standard: 2 outputs · 16 positions · 9 taps = 288. Per axis the 4 outputs read 3 taps each, 2 of those 12 on
    // padding; so 10·10 of the 144 products per channel pair read the input, and 44 read a padding zero
    expect(n(tableOf(v.depthwise).rows[0]!.multiplications)).toBe(288);
    expect(n(tableOf(v.depthwise).rows[0]!.paddingTaps!)).toBe(2 * (144 - 100));
    expect(tableOf(v.depthwise).padded).toBe(true);
    expect(v.verdict!.pass).toBe(true);
  });

  it('a 512×512 input with 128 channels is past the engine itself: that table is a summary naming the limit', () => {
    const v = separableView({ input: '512x512', kernel: '3x3' });
    if (!isSummary(v.depthwise)) throw new Error('expected a summary');
    // 3 channels of 512×512 inputs: 786,432 elements, past the engine's 524,288
    expect(v.depthwise.summary.reason).toBe('input has 786432 elements; the engine handles at most 524288');
    expect(tableOf(v.spatial).counted).toBe(true);
  });

  it('show names the parts; anything else is an error naming show', () => {
    expect(separableView({ show: 'depthwise, factorisation' }).show).toEqual(['factorisation', 'depthwise']);
    let e: unknown;
    try { separableView({ show: 'costs' }); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(ConvmatError);
    expect((e as ConvmatError).field).toBe('show');
    expect(JSON.parse(JSON.stringify(separableView({})))).toEqual(separableView({}));
  });
});
