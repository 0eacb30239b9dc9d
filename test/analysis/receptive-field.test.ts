import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type StackLayer, receptiveField, receptiveFieldClosedForm, receptiveFieldTable, stackGeometry,
} from '../../src/analysis/receptive-field.ts';
import { SpecError } from '../../src/errors.ts';
import { receptiveFieldCases } from '../cases.ts';
import { type Tensor, oracleConv } from '../oracle.ts';

const toLayers = (ls: ReadonlyArray<{ k: number; s: number; d: number }>): StackLayer[] =>
  ls.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d }));

/** Independent: push a one-hot input through the oracle with all-one weights; the field is where it arrives. */
function impulseField(
  input: number[], layers: Array<{ k: number[]; s: number[]; d: number[]; pad: Array<[number, number]> }>, neuron: number,
): number[] {
  const n = input.reduce((a, b) => a * b, 1);
  const reached: number[] = [];
  for (let i = 0; i < n; i++) {
    let x: Tensor = { shape: [1, ...input], data: Array.from({ length: n }, (_, j) => (j === i ? 1 : 0)) };
    for (const l of layers) {
      const w: Tensor = { shape: [1, 1, ...l.k], data: Array(l.k.reduce((a, b) => a * b, 1)).fill(1) };
      x = oracleConv(x, w, { stride: l.s, dilation: l.d, padding: l.pad });
    }
    if (x.data[neuron]! > 0) reached.push(i);
  }
  return reached;
}

describe('receptive field: the lecture', () => {
  for (const c of receptiveFieldCases) {
    it(`${c.id}: size ${c.size} by composed maps and by the closed form`, () => {
      const layers = toLayers(c.layers);
      expect(receptiveFieldClosedForm(layers).size).toBe(c.size);
      const stack = stackGeometry(layers, 32);
      expect(receptiveField(stack, 0).size).toBe(c.size);
    });
  }

  it('k=2, s=2, weights {0.5, 1.0}: one layer-2 neuron sees 4 inputs; with dilation 2 it spans 7 but touches 4', () => {
    const plain = receptiveField(stackGeometry(toLayers(receptiveFieldCases[0].layers), 8), 1);
    expect(plain.positions).toEqual([4, 5, 6, 7]);
    expect(plain.levels).toEqual([[4, 5, 6, 7], [2, 3], [1]]);
    const dilated = receptiveField(stackGeometry(toLayers(receptiveFieldCases[1].layers), 7), 0);
    expect(dilated).toMatchObject({ positions: [0, 2, 4, 6], span: [7], size: 7 });
  });

  it('TCN with dilations 1, 2, 4 and causal padding: the last output sees the last 15 inputs, the first sees only itself', () => {
    const layers = [1, 2, 4].map((d) => ({ kernel: 3, dilation: d, padding: [[2 * d, 0]] as Array<[number, number]> }));
    const stack = stackGeometry(layers, 20);
    expect(stack.shapes).toEqual([[20], [20], [20], [20]]);
    expect(receptiveField(stack, 19).positions).toEqual(Array.from({ length: 15 }, (_, i) => 5 + i));
    expect(receptiveField(stack, 0).positions).toEqual([0]);
    expect(receptiveFieldClosedForm(layers).size).toBe(15);
  });

  it('3×3 kernels: a layer-2 pixel sees 3×3 = 9 input pixels, a layer-3 pixel 5×5 = 25', () => {
    const stack = stackGeometry([{ kernel: 3 }, { kernel: 3 }], '7x7');
    const green = receptiveField(stack, 12, 1); // centre of the 5×5 layer 2
    expect(green).toMatchObject({ span: [3, 3], size: 9 });
    expect(green.positions).toEqual([16, 17, 18, 23, 24, 25, 30, 31, 32]);
    expect(receptiveField(stack, 4).size).toBe(25);
    expect(receptiveFieldClosedForm([{ kernel: 3 }], 2).size).toBe(9);
    expect(receptiveFieldClosedForm([{ kernel: 3 }]).size).toBe(3);
    expect(receptiveFieldClosedForm([{ kernel: '3x3' }, { kernel: 3 }])).toEqual({ perAxis: [5, 5], size: 25 });
  });

  it('a near miss: ignoring the stride of lower layers would give 3, not 4', () => {
    const stack = stackGeometry(toLayers(receptiveFieldCases[0].layers), 8);
    const naive = 1 + receptiveFieldCases[0].layers.reduce((acc, l) => acc + l.d * (l.k - 1), 0);
    expect(naive).toBe(3);
    expect(receptiveField(stack, 0).size).not.toBe(naive);
  });
});

describe('receptive field: properties', () => {
  const layerArb = fc.record({
    k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
    p0: fc.nat(2), p1: fc.nat(2),
  });

  it('the composed maps give exactly the oracle impulse response, for every neuron (1D and 2D, padding too)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 }), fc.array(layerArb, { minLength: 1, maxLength: 3 }), fc.nat(6), (dims, ls, extra) => {
      const layers = ls.map((l) => ({
        k: Array(dims).fill(l.k), s: Array(dims).fill(l.s), d: Array(dims).fill(l.d), pad: Array.from({ length: dims }, () => [l.p0, l.p1] as [number, number]),
      }));
      // an input long enough for every layer, found by trying sizes (the oracle throws on an empty output)
      let stack;
      let n = 1 + extra;
      for (;; n++) {
        try { stack = stackGeometry(layers.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d, padding: l.pad })), Array(dims).fill(n)); break; } catch (e) {
          if (!(e instanceof SpecError)) throw e;
        }
      }
      const input = Array(dims).fill(n);
      const table = receptiveFieldTable(stack);
      table.forEach((positions, neuron) => expect(positions).toEqual(impulseField(input, layers, neuron)));
    }), { numRuns: 40 });
  });

  it('without padding every neuron spans the closed form', () => {
    fc.assert(fc.property(fc.array(layerArb, { minLength: 1, maxLength: 4 }), fc.nat(5), (ls, extra) => {
      const layers = ls.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d }));
      const r = receptiveFieldClosedForm(layers).size;
      const stack = stackGeometry(layers, r + extra);
      for (const positions of receptiveFieldTable(stack)) expect(positions[positions.length - 1]! - positions[0]! + 1).toBe(r);
    }), { numRuns: 200 });
  });

  it('bad layers and neurons are typed errors naming the field', () => {
    expect(() => stackGeometry([{ kernel: 3 }, { kernel: 5 }], 6)).toThrow(/layers\[1\]\.kernel/);
    expect(() => stackGeometry([], 6)).toThrow(SpecError);
    const stack = stackGeometry([{ kernel: 3 }], 6);
    expect(() => receptiveField(stack, 4)).toThrow(/neuron/);
    expect(() => receptiveField(stack, 0, 2)).toThrow(/layer/);
    expect(() => receptiveFieldClosedForm([{ kernel: 0 }])).toThrow(/layers\[0\]\.kernel/);
  });
});
