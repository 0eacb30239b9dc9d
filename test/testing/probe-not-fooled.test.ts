/**
 * toComputeConvolution and probeMatrix cannot be fooled (issue 25 §2): a
 * function that is not bilinear (ReLU∘conv, |conv|, round∘conv, conv(x², w²),
 * conv + c) fails with the property it breaks; a bilinear but wrong one fails
 * with its wrong entries; correct ones in float64 or float32, returning arrays
 * or typed arrays, pass. Every function here is written in the test from the
 * definition (direct-conv.ts), not with convmat.
 */
import { describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { type ConvolutionFn, PROBE_LIMITS, probeMatrix } from '../../src/testing/index.ts';
import { directConv } from './direct-conv.ts';

type Fn = ConvolutionFn;
type Grid = number[][];
const good = directConv();
/** Applies g to every output value of the correct convolution. */
const after = (g: (v: number) => number): Fn => (x, w) => deep(good(x, w), g);
const deep = (v: unknown, g: (v: number) => number): unknown => (Array.isArray(v) ? v.map((e) => deep(e, g)) : g(v as number));

const SPECS = {
  '6⊛3': { input: 6, kernel: 3 },
  '5×5⊛3×3': { input: [5, 5], kernel: [3, 3] },
  '16×16⊛3×3, 2→2 channels (past the unit-probe limit)': { input: [16, 16], kernel: [3, 3], padding: 1, inChannels: 2, outChannels: 2 },
} as const;
const withPadding = (spec: object) => ('padding' in spec ? directConv({ padding: 1 }) : good);

describe('functions that are not bilinear fail, naming the property they break', () => {
  const cases: Array<[string, (conv: ReturnType<typeof directConv>) => Fn]> = [
    ['ReLU∘conv', (c) => (x, w) => deep(c(x, w), (v) => Math.max(0, v))],
    ['|conv|', (c) => (x, w) => deep(c(x, w), Math.abs)],
    ['round∘conv', (c) => (x, w) => deep(c(x, w), Math.round)],
    ['conv(x², w²)', (c) => (x, w) => c(deep(x, (v) => v * v) as never, deep(w, (v) => v * v) as never)],
    ['conv + 1', (c) => (x, w) => deep(c(x, w), (v) => v + 1)],
    ['conv + 0.5 (a bias)', (c) => (x, w) => deep(c(x, w), (v) => v + 0.5)],
    ['conv(x + 1, w) (an offset input)', (c) => (x, w) => c(deep(x, (v) => v + 1) as never, w)],
    ['conv³', (c) => (x, w) => deep(c(x, w), (v) => v ** 3)],
  ];
  for (const [specName, spec] of Object.entries(SPECS)) {
    it.each(cases)(`%s on ${specName}`, (_, make) => {
      const fn = make(withPadding(spec));
      expect(fn).not.toComputeConvolution(spec);
      const p = probeMatrix(fn, spec);
      expect(p.holds).toBe(false);
      expect(p.facts.property).toMatch(/^(additive|homogeneous) in the (input|weight)$/);
      expect(p.facts.calls).toBe(PROBE_LIMITS.randomProbes); // it stops at the broken property
      expect(p.summary).toMatch(/^it is not (additive|homogeneous) in the (input|weight) \([^)]*\): f\(.*\) ≠ .* at \S+: .+ vs .+\na convolution is bilinear/);
    });
  }

  it('says which property fails: the weight side too', () => {
    const squaresWeights: Fn = (x, w) => good(x, deep(w, (v) => v * Math.abs(v)) as never);
    expect(probeMatrix(squaresWeights, SPECS['6⊛3']).facts.property).toBe('additive in the weight');
    const weightBias: Fn = (x, w) => good(x, deep(w, (v) => v + 1) as never);
    expect(probeMatrix(weightBias, SPECS['6⊛3']).facts.property).toBe('additive in the weight'); // linear in x, affine in w
  });
});

describe('bilinear but wrong, and functions that cheat on unit probes, fail with the wrong entries', () => {
  const spec = { input: 4, kernel: 3, inChannels: 2, outChannels: 2 };
  it('a convolution that ignores input channel 1', () => {
    const fn: Fn = (x, w) => { const [c0] = x as Grid; return good([c0!, c0!.map(() => 0)], w); };
    const p = probeMatrix(fn, spec);
    expect(p.facts.property).toBeUndefined();
    expect(p.summary).toMatch(/^12 wrong entries/); // 2 output channels × 2 positions × 3 taps of channel 1
    expect(p.differences[0]).toMatchObject({ name: 'row y1_1, column z_2_1', left: '0', right: 'w_1_2_1' });
  });

  it('twice the convolution', () => {
    expect(probeMatrix(after((v) => 2 * v), spec).differences[0]).toMatchObject({ left: '2*w_1_1_1', right: 'w_1_1_1' });
  });

  it('correct on 0/1 inputs, wrong on any other', () => {
    const cheat: Fn = (x, w) => (deep(x, (v) => (v === 0 || v === 1 ? 0 : 1)) as number[][]).flat().some((v) => v) ? after((v) => v + 1e-9)(x, w) : good(x, w);
    expect(cheat).not.toComputeConvolution(spec);
    expect(probeMatrix(cheat, spec).holds).toBe(false);
  });

  it('exact float64 arithmetic is required: 1 ulp off is a failure', () => {
    const ulp: Fn = (x, w) => deep(good(x, w), (v) => (v === 0 ? 0 : v * (1 + Number.EPSILON)));
    expect(probeMatrix(ulp, SPECS['6⊛3']).holds).toBe(false);
  });
});

/** A correct 2D correlation (stride 1, no padding) computed in float32 throughout, returning Float32Array rows. */
function conv2dFloat32(input: number[][][], weight: number[][][][]): Float32Array[][] {
  const f = Math.fround, [cin, h, wd] = [input.length, input[0]!.length, input[0]![0]!.length];
  const [kh, kw] = [weight[0]![0]!.length, weight[0]![0]![0]!.length];
  return weight.map((wo) => Array.from({ length: h - kh + 1 }, (_, y) => Float32Array.from({ length: wd - kw + 1 }, (_, x) => {
    let sum = f(0);
    for (let c = 0; c < cin; c++) for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) sum = f(sum + f(f(wo[c]![i]![j]!) * f(input[c]![y + i]![x + j]!)));
    return sum;
  })));
}

describe('correct implementations pass, whatever they return and however they round', () => {
  it.each([
    ['Float64Array rows', after((v) => v), (y: unknown) => (y as Grid).map((r) => Float64Array.from(r))],
    ['Float32Array rows', after((v) => v), (y: unknown) => (y as Grid).map((r) => Float32Array.from(r))],
  ])('%s', (_, fn, wrap) => {
    const typed: Fn = (x, w) => wrap(fn(x, w));
    expect(typed).toComputeConvolution(SPECS['6⊛3']);
  });

  it.each([
    ['4 channels, 3×3 (36 terms an output)', { input: [5, 5], kernel: [3, 3], inChannels: 4, outChannels: 2 }],
    ['64 channels, 8×8 (4,096 terms an output: random probes)', { input: [8, 8], kernel: [8, 8], inChannels: 64, outChannels: 1 }],
  ])('a convolution computed in float32 throughout: the probes are exact in float32 (%s)', (_, spec) => {
    const p = probeMatrix(conv2dFloat32 as never, spec);
    expect(p.summary).toMatch(/^it computes K\(spec\) exactly/);
  });

  it('Int32Array rows truncate the non-integer probes: a failure, not a pass', () => {
    const ints: Fn = (x, w) => (good(x, w) as Grid).map((r) => Int32Array.from(r));
    expect(ints).not.toComputeConvolution(SPECS['6⊛3']);
  });
});
