import { describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { PROBE_LIMITS, probeMatrix } from '../../src/testing/index.ts';
import { LimitError, withWorkLimits } from '../../src/index.ts';
import { directConv } from './direct-conv.ts';
import { failure } from './failure.ts';


describe('toComputeConvolution: a correct convolution passes', () => {
  it.each([
    ['1D, stride 2, padding 1', { input: 6, kernel: 3, stride: 2, padding: 1 }, { stride: 2, padding: 1 }],
    ['2D, dilation 2, padding 1', { input: [4, 5], kernel: [3, 2], padding: 1, dilation: 2 }, { padding: 1, dilation: 2 }],
    ['true convolution (flipped kernel by the spec)', { input: 6, kernel: 3, mode: 'convolution' }, { flip: true }],
    ['transposed, stride 2', { input: 4, kernel: 3, stride: 2, padding: 1, transposed: true }, { stride: 2, padding: 1, transposed: true }],
    ['groups 2', { input: 4, kernel: 3, inChannels: 4, outChannels: 2, groups: 2 }, { groups: 2 }],
    ['transposed, groups 2', { input: 3, kernel: 2, inChannels: 2, outChannels: 4, groups: 2, transposed: true }, { groups: 2, transposed: true }],
  ] as const)('%s', (_, spec, options) => {
    expect(directConv(options)).toComputeConvolution(spec);
    const p = probeMatrix(directConv(options), spec);
    expect(p).toMatchObject({ holds: true, facts: { method: 'unit' }, differences: [] });
    expect([p.facts.cause, p.facts.property, p.reason]).toEqual([undefined, undefined, undefined]);
  });
});

describe('toComputeConvolution: each broken convolution fails with an entry and the cause named', () => {
  it('a flipped kernel', () => {
    const spec = { input: 6, kernel: 3 };
    const fn = directConv({ bug: { flip: true } });
    expect(fn).not.toComputeConvolution(spec);
    const msg = failure(() => expect(fn).toComputeConvolution(spec));
    // the lecture's 1D example: output z7 = w1 z1 + w2 z2 + w3 z3; flipped, z7 reads w3 at z1
    expect(msg).toContain('row z7, column z1: expected w1, computed w3');
    expect(msg).toContain('8 wrong entries');
    expect(msg).toContain('… and 3 more');
    expect(msg).toContain('likely cause: a flipped kernel: it computes convolution, the spec says correlation');
  });

  it('padding off by one', () => {
    const spec = { input: 6, kernel: 3, padding: 1 };
    const msg = failure(() => expect(directConv({ padding: 1, bug: { padding: 2 } })).toComputeConvolution(spec));
    expect(msg).toContain('row z7, column z1: expected w2, computed w3');
    expect(msg).toContain('likely cause: padding off by one: it matches padding +1 before the input and −1 after (the window is shifted by one)');
    const less = failure(() => expect(directConv({ padding: 1, bug: { padding: 0 } })).toComputeConvolution(spec));
    expect(less).toContain('likely cause: padding off by one: it matches padding −1 before the input and +1 after');
  });

  it('a stride mismatch', () => {
    const spec = { input: 8, kernel: 3, stride: 2 };
    const msg = failure(() => expect(directConv({ stride: 2, bug: { stride: 1 } })).toComputeConvolution(spec));
    expect(msg).toContain('row z10, column z2: expected 0, computed w1');
    expect(msg).toContain('likely cause: a stride mismatch: it matches stride 1, the spec says 2');
  });

  it('a stride mismatch in a transposed convolution (its outputs are named z̃)', () => {
    const spec = { input: 4, kernel: 3, stride: 2, transposed: true };
    const msg = failure(() => expect(directConv({ stride: 2, transposed: true, bug: { stride: 1 } })).toComputeConvolution(spec));
    expect(msg).toContain('row z̃2, column z2: expected 0, computed w1');
    expect(msg).toContain('likely cause: a stride mismatch: it matches stride 1, the spec says 2');
  });

  it('a 2D window shifted by one (padding 0 where the spec says 1)', () => {
    const spec = { input: [5, 5], kernel: [3, 3], padding: 1 };
    const msg = failure(() => expect(directConv({ padding: 1, bug: { padding: 0 } })).toComputeConvolution(spec));
    expect(msg).toContain('row z26, column z1: expected w5, computed w1');
    expect(msg).toContain('likely cause: padding off by one: it matches padding −1 before the input and +1 after');
  });

  it('a dilation mismatch', () => {
    const spec = { input: 8, kernel: 2, dilation: 2 };
    const msg = failure(() => expect(directConv({ dilation: 2, bug: { dilation: 1 } })).toComputeConvolution(spec));
    expect(msg).toContain('row z9, column z2: expected 0, computed w2');
    expect(msg).toContain('likely cause: a dilation mismatch: it matches dilation 1, the spec says 2');
  });

  it('wrong groups', () => {
    const spec = { input: 4, kernel: 3, inChannels: 4, outChannels: 2, groups: 2 };
    const msg = failure(() => expect(directConv({ groups: 2, bug: { ignoreGroups: true } })).toComputeConvolution(spec));
    expect(msg).toMatch(/row y2_1, column z_1_1: expected 0, computed w_2_1_1/);
    expect(msg).toContain('likely cause: groups wrong: output channel 1 reads input channel 0, outside its group (groups = 2)');
  });

  it('a wrong 2D convolution with no recognisable cause names entries and no cause', () => {
    const spec = { input: [3, 3], kernel: [2, 2] };
    const good = directConv();
    const off = (x: unknown, w: unknown) => {
      const y = good(x as number[][][], w as number[][][][]) as number[][][];
      y[0]![1]![1]! += (w as number[][][][])[0]![0]![0]![0]! * (x as number[][][])[0]![0]![0]!; // one extra w1·z1 at one output (still bilinear)
      return y;
    };
    const p = probeMatrix(off, spec);
    expect(p.holds).toBe(false);
    expect(p.facts.cause).toBeUndefined();
    expect(p.comparisons.find((c) => !c.equal)).toMatchObject({ left: 'the matrix fn computes (unit probes)', right: 'K(spec)', mismatchCount: 1 });
    expect(p.summary).toMatch(/^1 wrong entry \([^)]*\):\n {2}row z13, column z1: expected 0, computed w1$/);
  });
});

describe('toComputeConvolution: misbehaving functions fail with a message, not a crash', () => {
  const spec = { input: 6, kernel: 3 };
  it.each([
    ['throws', () => { throw new Error('boom'); }, 'the function threw: boom'],
    ['wrong shape', () => [[1, 2]], 'the function returned shape [1, 2], expected [1, 4]'],
    ['not an array', () => 3, 'the function returned 3, not a nested array of shape [1, 4]'],
    ['NaN', () => [[Number.NaN, 0, 0, 0]], 'the function returned NaN at output[0][0]'],
    ['Infinity', () => [[0, 0, 0, Infinity]], 'the function returned Infinity at output[0][3]'],
  ])('%s', (_, fn, text) => {
    expect(fn).not.toComputeConvolution(spec);
    expect(failure(() => expect(fn).toComputeConvolution(spec))).toContain(text);
  });

  it('a non-function is a failure', () => {
    expect(failure(() => expect(42).toComputeConvolution(spec))).toContain('expected a function (input, weight) => output');
  });

  it('an invalid spec is the spec error, as for every matcher', () => {
    expect(() => expect(directConv()).toComputeConvolution({ input: 2, kernel: 3 })).toThrow(/kernel|input/);
  });
});

describe('probeMatrix past the unit-probe limit: the random probes alone', () => {
  const spec = { input: [16, 16], kernel: [3, 3], padding: 1, inChannels: 2, outChannels: 2 };
  it('uses random probes (said so) and passes a correct implementation', () => {
    const p = probeMatrix(directConv({ padding: 1 }), spec);
    expect(p).toMatchObject({ holds: true, facts: { method: 'random', calls: PROBE_LIMITS.randomProbes } });
    expect(failure(() => expect(directConv({ padding: 1 })).not.toComputeConvolution(spec))).toContain('7 random signed non-integer probes, past the unit-probe limit; 7 calls');
  });

  it('fails a flipped kernel, names an output and the cause', () => {
    const msg = failure(() => expect(directConv({ padding: 1, bug: { flip: true } })).toComputeConvolution(spec));
    expect(msg).toMatch(/row y1_1 on random probe 1: expected -?[\d.]+, computed -?[\d.]+/);
    expect(msg).toContain('likely cause: a flipped kernel');
  });

  it('a spec whose one evaluation is over the work limits is refused with a LimitError, before fn is called', () => {
    let calls = 0;
    const counting = (x: unknown, w: unknown) => { calls++; return directConv()(x as number[][], w as number[][][]); };
    expect(() => withWorkLimits({ terms: 10 }, () => probeMatrix(counting, { input: 6, kernel: 3 }))).toThrow(LimitError);
    expect(calls).toBe(0);
    expect(probeMatrix(counting, { input: 6, kernel: 3 }).holds).toBe(true);
  });

  it('below the limit it probes with units: the random probes, then inputs × weights calls', () => {
    const small = { input: [4, 4], kernel: [3, 3] };
    expect(probeMatrix(directConv(), small).facts).toEqual({ method: 'unit', calls: PROBE_LIMITS.randomProbes + 16 * 9 });
  });
});

describe('probeMatrix from the public API (no vitest needed)', () => {
  it('is exported by convmat and reports in words', async () => {
    const { probeMatrix: fromIndex } = await import('../../src/index.ts');
    const ok = fromIndex(directConv({ stride: 2 }), { input: 7, kernel: 3, stride: 2 });
    expect(ok).toMatchObject({ holds: true, summary: 'it computes K(spec) exactly (7 random signed non-integer probes, then unit probes; 28 calls)' });
    const bad = fromIndex(directConv({ stride: 2, bug: { flip: true } }), { input: 7, kernel: 3, stride: 2 });
    expect(bad.holds).toBe(false);
    expect(bad.differences[0]).toMatchObject({ name: 'row z8, column z1', left: 'w3', right: 'w1' });
    expect(bad.facts.cause).toBe('a flipped kernel: it computes convolution, the spec says correlation');
    expect(bad.summary).toMatch(/^6 wrong entries \(7 random signed non-integer probes, then unit probes; 28 calls\):\n {2}row z8, column z1: expected w1, computed w3\n[\s\S]*likely cause: a flipped kernel/);
  });
});
