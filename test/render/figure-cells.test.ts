import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFigure } from '../../src/render/figure.ts';

/**
 * The cell contract of the SVG figures: the cells of each kind, counted in the
 * SVG by `data-kind`, against counts computed here from the arithmetic alone
 * (nothing imported from the engine): a convolution draws its n inputs per
 * axis and p₀ + p₁ padding; a transposed one draws its n inputs with s − 1
 * zeros inserted between them, padding d(k−1) − p₀ before and
 * d(k−1) − p₁ + output_padding after (the output padding on the bottom and
 * right edges), and the outputs of a stride-1 convolution over that.
 */
type Kind = 'input' | 'padding' | 'inserted' | 'output';
type Counts = Record<Kind, number>;

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

function countKinds(svg: string): Counts {
  const counts: Counts = { input: 0, padding: 0, inserted: 0, output: 0 };
  for (const m of svg.matchAll(/data-kind="([a-z]+)"/g)) counts[m[1] as Kind]++;
  return counts;
}

interface Axis { n: number; k: number; s: number; d: number; p0: number; p1: number; op: number }

/** What the window figure draws, from the formulas of convolution arithmetic. */
function expectedWindow(axes: readonly Axis[], transposed: boolean, cin: number, cout: number): Counts {
  const inputs = prod(axes.map((a) => a.n));
  if (!transposed) {
    const drawn = prod(axes.map((a) => a.n + a.p0 + a.p1));
    const out = prod(axes.map((a) => Math.floor((a.n + a.p0 + a.p1 - a.d * (a.k - 1) - 1) / a.s) + 1));
    return { input: cin * inputs, padding: cin * (drawn - inputs), inserted: 0, output: cout * out };
  }
  const spread = axes.map((a) => (a.n - 1) * a.s + 1); // s − 1 zeros between the n inputs
  const drawn = axes.map((a, i) => spread[i]! + (a.d * (a.k - 1) - a.p0) + (a.d * (a.k - 1) - a.p1 + a.op));
  const out = axes.map((a, i) => drawn[i]! - a.d * (a.k - 1)); // a stride-1 window of span d(k−1)+1
  return { input: cin * inputs, inserted: cin * (prod(spread) - inputs), padding: cin * (prod(drawn) - prod(spread)), output: cout * prod(out) };
}

/** One axis of a spec that draws (no cropping: p ≤ d(k−1) when transposed; at least one output). */
const axis = (transposed: boolean) => fc.record({
  n: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
  p0: fc.integer({ min: 0, max: 2 }), p1: fc.integer({ min: 0, max: 2 }), op: fc.integer({ min: 0, max: 2 }),
}).map((a) => (transposed ? fitTransposed(a) : { ...a, n: Math.max(a.n, a.d * (a.k - 1) + 1 - a.p0 - a.p1), op: 0 }));

/** A transposed axis without cropping (p ≤ d(k−1)) and with at least one output, op < max(s, d). */
function fitTransposed(a: Axis): Axis {
  const span = a.d * (a.k - 1);
  const op = a.op % Math.max(a.s, a.d);
  const p0 = Math.min(a.p0, span);
  return { ...a, op, p0, p1: Math.max(0, Math.min(a.p1, span, (a.n - 1) * a.s + span + op - p0)) };
}

const specCase = fc.boolean().chain((transposed) => fc.record({
  transposed: fc.constant(transposed),
  axes: fc.integer({ min: 1, max: 2 }).chain((dims) => fc.array(axis(transposed), { minLength: dims, maxLength: dims })),
  cin: fc.integer({ min: 1, max: 2 }),
  cout: fc.integer({ min: 1, max: 2 }),
}));

function specOf(c: { transposed: boolean; axes: Axis[]; cin: number; cout: number }): Record<string, unknown> {
  const per = (f: (a: Axis) => number) => c.axes.map(f).join('x');
  return {
    input: per((a) => a.n), kernel: per((a) => a.k), stride: per((a) => a.s), dilation: per((a) => a.d),
    padding: c.axes.map((a) => `${a.p0},${a.p1}`).join(';'), inChannels: c.cin, outChannels: c.cout,
    ...(c.transposed ? { transposed: true, outputPadding: per((a) => a.op) } : {}),
  };
}

describe('SVG figures keep the cell contract (data-kind counted against the arithmetic)', () => {
  it('window: inputs, padding, inserted zeros and outputs, on random specs (one frame and animated)', () => {
    fc.assert(fc.property(specCase, fc.boolean(), (c, animate) => {
      const svg = renderFigure(specOf(c) as never, { view: 'window', animate });
      expect(svg).not.toMatch(/summarised, not drawn/);
      expect(countKinds(svg)).toEqual(expectedWindow(c.axes, c.transposed, c.cin, c.cout));
    }), { numRuns: 60 });
  });

  it('transposed: the input, its zero-inserted padded form and the output', () => {
    fc.assert(fc.property(specCase.map((c) => ({ ...c, transposed: true, axes: c.axes.map(fitTransposed) })), (c) => {
      const svg = renderFigure(specOf(c) as never, { view: 'transposed' });
      const w = expectedWindow(c.axes, true, c.cin, c.cout);
      // the plain input grid adds its inputs once more
      expect(countKinds(svg)).toEqual({ ...w, input: 2 * w.input });
    }), { numRuns: 40 });
  });

  it('the lecture example: 5×5, 3×3, stride 2, padding 1 draws 25 inputs, 24 padding cells and 9 outputs', () => {
    expect(countKinds(renderFigure({ input: '5x5', kernel: '3x3', stride: 2, padding: 1 }, { view: 'window' })))
      .toEqual({ input: 25, padding: 24, inserted: 0, output: 9 });
  });

  it('padding cells of reflect, replicate and circular show the input they copy', () => {
    // 1D, n = 4, padding 2: reflect copies z3 z2 | … | z3 z2; replicate z1 z1 | … | z4 z4; circular z3 z4 | … | z1 z2
    const cells = (mode: string) => {
      const svg = renderFigure({ input: 4, kernel: 3, padding: 2, paddingMode: mode } as never, { view: 'window' });
      const grid = /<g data-shape="8"[^>]*>([\s\S]*?)<\/g><\/g>/.exec(svg)![1]!;
      return [...grid.matchAll(/<text[^>]*>([^<]*)<tspan[^>]*>(\d+)<\/tspan><\/text>/g)].map((m) => `${m[1]}${m[2]}`);
    };
    expect(cells('reflect')).toEqual(['z3', 'z2', 'z1', 'z2', 'z3', 'z4', 'z3', 'z2']);
    expect(cells('replicate')).toEqual(['z1', 'z1', 'z1', 'z2', 'z3', 'z4', 'z4', 'z4']);
    expect(cells('circular')).toEqual(['z3', 'z4', 'z1', 'z2', 'z3', 'z4', 'z1', 'z2']);
  });
});
