/**
 * What the drawings say a padding cell holds under PyTorch's padding modes
 * (src/view/grid.ts). The expected names are worked out by hand from
 * PyTorch's definitions (torch.nn.functional.pad):
 *   reflect   …z3 z2 | z1 z2 z3 z4 z5 | z4 z3…   (mirror about the edge sample, not repeating it)
 *   replicate …z1 z1 | z1 … z5 | z5 z5…
 *   circular  …z4 z5 | z1 … z5 | z1 z2…
 * and the frames over the drawing are checked against the oracle on an input
 * padded by a function written here from the same definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring } from '../../src/algebra/ring.ts';
import type { PaddingMode } from '../../src/geometry/padding-mode.ts';
import { normalizeSpec, type SpecInput } from '../../src/geometry/spec.ts';
import { inputGrids, inputLabels } from '../../src/view/grid.ts';
import { windowFrame } from '../../src/view/window-frames.ts';
import { lcg, oracleConv, randomTensor, type Tensor } from '../oracle.ts';

/** Each drawn cell of channel `c`: the input's own name, `copy:zK` for a padding cell that copies, `0` for a zero. */
function drawn(input: SpecInput, mode: PaddingMode, c = 0): string[] {
  const spec = normalizeSpec(input);
  const names = inputLabels(spec);
  const g = inputGrids(spec, undefined, mode)[c]!;
  return g.kinds.map((k, q) => (k === 'input' ? names[g.source[q]!]! : g.copies[q]! >= 0 ? `copy:${names[g.copies[q]!]}` : '0'));
}

const copies = (...names: string[]) => names.map((n) => `copy:${n}`);
const Z5 = ['z1', 'z2', 'z3', 'z4', 'z5'];

describe('padding cells name the input they copy (1D, n = 5, padding 2)', () => {
  const spec = { input: 5, kernel: 3, padding: 2 };
  it('zeros: plain zeros, as before', () => {
    expect(drawn(spec, 'zeros')).toEqual(['0', '0', ...Z5, '0', '0']);
  });
  it('reflect: z3 z2 | … | z4 z3', () => {
    expect(drawn(spec, 'reflect')).toEqual([...copies('z3', 'z2'), ...Z5, ...copies('z4', 'z3')]);
  });
  it('replicate: z1 z1 | … | z5 z5', () => {
    expect(drawn(spec, 'replicate')).toEqual([...copies('z1', 'z1'), ...Z5, ...copies('z5', 'z5')]);
  });
  it('circular: z4 z5 | … | z1 z2', () => {
    expect(drawn(spec, 'circular')).toEqual([...copies('z4', 'z5'), ...Z5, ...copies('z1', 'z2')]);
  });
  it('uneven padding [1, 0] copies on one side only', () => {
    expect(drawn({ input: 5, kernel: 2, padding: '1,0' }, 'reflect')).toEqual([...copies('z2'), ...Z5]);
  });
});

describe('2D and 3D: every axis is padded by the same rule, corners copy across both', () => {
  // 3×3 input z1..z9 (rows z1 z2 z3 / z4 z5 z6 / z7 z8 z9), padding 1: the first drawn row
  const firstRow = (mode: PaddingMode) => drawn({ input: '3x3', kernel: '3x3', padding: 1 }, mode).slice(0, 5);
  it('reflect: the row above is row 2 mirrored at its ends: z5 z4 z5 z6 z5', () => {
    expect(firstRow('reflect')).toEqual(copies('z5', 'z4', 'z5', 'z6', 'z5'));
  });
  it('replicate: row 1 with its ends repeated: z1 z1 z2 z3 z3', () => {
    expect(firstRow('replicate')).toEqual(copies('z1', 'z1', 'z2', 'z3', 'z3'));
  });
  it('circular: the last row wrapped: z9 z7 z8 z9 z7', () => {
    expect(firstRow('circular')).toEqual(copies('z9', 'z7', 'z8', 'z9', 'z7'));
  });
  it('the second input row keeps its inputs between two copies: z6 | z4 z5 z6 | z4', () => {
    expect(drawn({ input: '3x3', kernel: '3x3', padding: 1 }, 'circular').slice(10, 15)).toEqual(['copy:z6', 'z4', 'z5', 'z6', 'copy:z4']);
  });
  it('3D 2×2×2, replicate, padding 1: the slice in front repeats slice 1, each entry doubled', () => {
    const cells = drawn({ input: '2x2x2', kernel: '2x2x2', padding: 1 }, 'replicate');
    expect(cells).toHaveLength(4 * 4 * 4);
    expect(cells.slice(0, 16)).toEqual(copies('z1', 'z1', 'z2', 'z2', 'z1', 'z1', 'z2', 'z2', 'z3', 'z3', 'z4', 'z4', 'z3', 'z3', 'z4', 'z4'));
    expect(cells.slice(16 + 4, 16 + 8)).toEqual(['copy:z1', 'z1', 'z2', 'copy:z2']);
  });
  it('a second channel copies its own inputs (z_2_i)', () => {
    expect(drawn({ input: 4, kernel: 3, padding: 1, inChannels: 2 }, 'reflect', 1))
      .toEqual(['copy:z_2_2', 'z_2_1', 'z_2_2', 'z_2_3', 'z_2_4', 'copy:z_2_3']);
  });
  it('a transposed spec is drawn with zeros only (PyTorch has no other mode there)', () => {
    const g = inputGrids(normalizeSpec({ input: 3, kernel: 3, stride: 2, transposed: true }), undefined, 'reflect')[0]!;
    expect([...g.copies].every((c) => c === -1)).toBe(true);
  });
});

/** One axis padded by PyTorch's definitions, written out as lists (not with padSource). */
function padList<T>(xs: readonly T[], before: number, after: number, mode: PaddingMode, zero: T): T[] {
  const n = xs.length;
  const pre: T[] = [], post: T[] = [];
  for (let t = 1; t <= before; t++) {
    pre.unshift(mode === 'zeros' ? zero : mode === 'replicate' ? xs[0]! : mode === 'reflect' ? xs[t]! : xs[n - t]!);
  }
  for (let t = 1; t <= after; t++) {
    post.push(mode === 'zeros' ? zero : mode === 'replicate' ? xs[n - 1]! : mode === 'reflect' ? xs[n - 1 - t]! : xs[t - 1]!);
  }
  return [...pre, ...xs, ...post];
}

/** A single-channel 1D or 2D tensor [1, ...spatial] padded axis by axis. */
function padTensor(x: Tensor, pads: Array<[number, number]>, mode: PaddingMode): Tensor {
  if (pads.length === 1) {
    const data = padList(x.data, pads[0]![0], pads[0]![1], mode, 0);
    return { data, shape: [1, data.length] };
  }
  const [, h, w] = x.shape as [number, number, number];
  const rows = Array.from({ length: h }, (_, r) => padList(x.data.slice(r * w, (r + 1) * w), pads[1]![0], pads[1]![1], mode, 0));
  const zeroRow = new Array<number>(rows[0]!.length).fill(0);
  const padded = padList(rows, pads[0]![0], pads[0]![1], mode, zeroRow);
  return { data: padded.flat(), shape: [1, padded.length, rows[0]!.length] };
}

describe('the frames over a mode-padded drawing compute the padded convolution', () => {
  it('1D and 2D, every mode, stride, dilation and uneven padding within PyTorch’s bounds', () => {
    const axis = fc.record({ n: fc.integer({ min: 2, max: 6 }), k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 2 }), d: fc.integer({ min: 1, max: 2 }), p0: fc.nat(3), p1: fc.nat(3) })
      .filter((a) => a.n + a.p0 + a.p1 >= a.d * (a.k - 1) + 1);
    const modes = fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular');
    fc.assert(fc.property(fc.array(axis, { minLength: 1, maxLength: 2 }), modes, fc.nat(), (axes, mode, seed) => {
      // PyTorch's bounds: reflect pads at most n − 1, circular at most n
      const cap = (a: (typeof axes)[number]) => (mode === 'reflect' ? a.n - 1 : mode === 'circular' ? a.n : 9);
      fc.pre(axes.every((a) => a.p0 <= cap(a) && a.p1 <= cap(a)));
      const spec = normalizeSpec({
        input: axes.map((a) => a.n), kernel: axes.map((a) => a.k), stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d),
        padding: axes.map((a) => [a.p0, a.p1] as [number, number]),
      });
      const r = lcg(seed);
      const x = randomTensor([1, ...axes.map((a) => a.n)], r), w = randomTensor([1, 1, ...axes.map((a) => a.k)], r);
      const pads = axes.map((a) => [a.p0, a.p1] as [number, number]);
      const want = oracleConv(padTensor(x, pads, mode), w, { stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d) });
      const g = inputGrids(spec, undefined, mode)[0]!;
      want.data.forEach((v, row) => {
        const terms = windowFrame(spec, g.shape, row).map(({ cell, tap }) => {
          const from = g.source[cell]! >= 0 ? g.source[cell]! : g.copies[cell]!;
          return from < 0 ? 0 : w.data[tap]! * x.data[from]!;
        });
        expect(float64Ring.sum(terms)).toBeCloseTo(v, 9);
      });
    }), { numRuns: 300 });
  });
});
