import { describe, expect, it } from 'vitest';
import { VIEW_LIMITS, estimateView, viewPlan } from '../../src/work/element.ts';
import { estimateWork } from '../../src/work/estimate.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';

/** The elements' view decision, read from the one estimator's sizes. */
describe('viewPlan (the element request)', () => {
  it('draws the lecture example in full', () => {
    expect(viewPlan({ input: '4x4', kernel: '3x3' }).full).toBe(true);
  });

  it('past the drawn entries: a summary naming the shapes and the limit', () => {
    const p = viewPlan({ input: '256x256', kernel: '3x3' });
    expect(p.full).toBe(false);
    if (p.full) return;
    expect(p.estimate.output).toEqual([254, 254]);
    expect(p.estimate.inputs).toBe(256 * 256);
    expect(p.reason).toMatch(/4,096 entries/);
  });

  it('counts multiply-adds as the matrix has them (taps = its entries before padding is dropped)', () => {
    // 20 inputs, kernel 5, stride 1: 16 outputs × 5 taps; 3 output channels × 2 input channels
    const e = estimateView({ input: 20, kernel: 5, inChannels: 2, outChannels: 3 })!;
    expect(e.taps).toBe(16 * 5 * 2 * 3);
    // a transposed spec: the regular convolution underneath has the 20 samples as its OUTPUT
    const t = estimateView({ input: 20, kernel: 5, transposed: true, inChannels: 2, outChannels: 3 })!;
    expect(t.output).toEqual([24]);
    expect(t.taps).toBe(20 * 5 * 2 * 3);
    expect(viewPlan({ input: 200, kernel: 400, padding: 300 }, { ...VIEW_LIMITS, drawnEntries: 1e9 }).full).toBe(false);
  });

  it('a long sum raised to a power: summary before anything is expanded', () => {
    const p = viewPlan({ input: 4, kernel: 3, weights: '(a+b+c+d+e+f+g+h+i+j+k+l)^6,w2,w3' });
    expect(p.full).toBe(false);
    if (!p.full) expect(p.reason).toMatch(/12,376 terms/); // C(17, 6)
  });

  it('an input alone (kernel 1) and an unreadable spec (left to normalizeSpec) never throw', () => {
    expect(viewPlan({ input: '512x512' }).full).toBe(false);
    expect(viewPlan({ input: 4, kernel: 9 })).toEqual({ full: true, estimate: null });
    expect(() => normalizeSpec({ input: 4, kernel: 9 })).toThrow(/kernel/);
  });

  it('the work estimator reads the same geometry for the element request', () => {
    const cells = estimateWork({ input: '6x6', kernel: '3x3' }, { kind: 'element', view: 'matrix' }).denseCells;
    expect(cells).toBe(16 * 36);
  });
});
