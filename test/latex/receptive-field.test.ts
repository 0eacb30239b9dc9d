import { describe, expect, it } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { stackLayersOf } from '../../src/latex/derive-receptive-field.ts';
import { columnTexts, expectWellFormed, step } from './topics-helpers.ts';

/** r_l read from "r_l = prev + d*(k-1)*jump = value", checked by value: prev + d(k−1)·jump must equal value. */
function recurrence(d: ReturnType<typeof derive>): number[] {
  return columnTexts(step(d, 'table', /recurrence/), 5).map((t) => {
    const m = /^r\d+ = (\d+) \+ (\d+)\*\((\d+)-1\)\*(\d+) = (\d+)$/.exec(t);
    if (!m) throw new Error(t);
    const [prev, dd, k, jump, value] = m.slice(1).map(Number) as [number, number, number, number, number];
    expect(prev + dd * (k - 1) * jump).toBe(value);
    return value;
  });
}

describe('receptive field: the lecture\'s numbers', () => {
  it('k = 2, s = 2, two layers: 4', () => {
    const d = derive('receptive-field', { kernel: 2, stride: 2 });
    expect(recurrence(d)).toEqual([2, 4]);
    expectWellFormed(d);
  });
  it('with dilation 2: 7 (the default example), 4 positions read, 4 without dilation', () => {
    const d = derive('receptive-field');
    expect(recurrence(d)).toEqual([3, 7]);
    expect(columnTexts(step(d, 'table', /^Positions/), 2)[0]).toBe('0, 2, 4, 6');
    expect(columnTexts(step(d, 'table', /same weights/), 2)).toEqual(['7', '4']);
    expect(step(d, 'equation', /Closed form/).tex).toBe('r = 1 + \\sum_{l} d_l (k_l - 1) \\prod_{m<l} s_m = 1 + 2\\cdot(2-1)\\cdot 1 + 2\\cdot(2-1)\\cdot 2 = 7');
    expectWellFormed(d);
  });
  it('the TCN: k = 3, dilations 1, 2, 4 → 15', () => {
    const d = derive('receptive-field', { kernel: 3, dilation: '1,2,4' });
    expect(recurrence(d)).toEqual([3, 7, 15]);
    expect(derivationToText(d)).toContain('r3 = 7 + 4*(3-1)*1 = 15');
    expectWellFormed(d);
  });
  it('reads per-layer comma lists and explicit layers', () => {
    expect(stackLayersOf({ kernel: 3, dilation: '1,2,4' })).toEqual([1, 2, 4].map((d) => ({ kernel: [3], stride: [1], dilation: [d] })));
    expect(stackLayersOf({ kernel: 2 })).toHaveLength(2);
    const d = derive('receptive-field', { layers: [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }] } as never);
    expect(recurrence(d)).toEqual([3, 5, 7]);
  });
  it('2D: 3×3 kernels, two layers on 9×9: 5×5 = 25', () => {
    const d = derive('receptive-field', { input: '9x9', kernel: 3 });
    expect(step(d, 'note', /Size/).text).toContain('5×5 = 25');
    expectWellFormed(d);
  });
  it('dilation 2: the field spans 7 inputs and reads 4 of them (the lecture\'s size 7)', () => {
    const d = derive('receptive-field', { kernel: 2, stride: 2, dilation: 2 });
    expect(step(d, 'note', /Size/).text).toMatch(/size 7 w\.r\.t\. the input: it spans 7 inputs and reads 4 of them/);
  });
});

describe('receptive field with padding: a border neuron sees padding, so the widest one is shown', () => {
  // two layers k = 3 on 8 inputs with padding 1: r = 5; neuron 0 reads only inputs 0, 1, 2
  it.each([
    ['zeros', { input: 8, kernel: 3, padding: 1 }, '2, 3, 4, 5, 6'],
    ['reflect', { input: 8, kernel: 3, padding: 1, paddingMode: 'reflect' }, '2, 3, 4, 5, 6'],
  ] as const)('%s padding: the span is the closed form', (_mode, spec, positions) => {
    const d = derive('receptive-field', spec);
    expect(columnTexts(step(d, 'table', /^Positions/), 2)[0]).toBe(positions);
    expect(step(d, 'verdict', /Span/).equal).toBe(true);
  });
  it('an input narrower than r: the span is compared with the input size and says so', () => {
    const d = derive('receptive-field', { input: 3, kernel: 3, padding: 1 });
    const v = step(d, 'verdict', /Span/);
    expect(v.title).toMatch(/clipped to the input size/);
    expect(v.equal).toBe(true);
  });
});
