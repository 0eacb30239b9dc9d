import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.ts';
import { layerAxes, layersOfSpec } from '../../src/geometry/layer-stack.ts';
import { stackOverlapCounts } from '../../src/analysis/overlap.ts';
import { receptiveField, receptiveFieldClosedForm, stackGeometry, widestReceptiveField } from '../../src/analysis/receptive-field.ts';

describe('layer stacks: one spelling', () => {
  it('comma lists give one value per layer, a single value is repeated, x separates axes', () => {
    expect(layersOfSpec({ kernel: 3, dilation: '1,2,4' }).map((l) => l.dilation)).toEqual([[1], [2], [4]]);
    expect(layersOfSpec({ kernel: '3x3,5x5', stride: 2 })).toEqual([
      { kernel: [3, 3], stride: [2], dilation: [1] }, { kernel: [5, 5], stride: [2], dilation: [1] },
    ]);
    expect(layersOfSpec({ kernel: 2 })).toHaveLength(2);
    expect(layersOfSpec({ kernel: 2 }, {}, 1)).toHaveLength(1);
    expect(layersOfSpec({ kernel: 2, layers: '4' })).toHaveLength(4);
  });

  it('names the attribute, the layer and the rule on error', () => {
    expect(() => layersOfSpec({ kernel: '3,3', dilation: '1,2,4' })).toThrow(SpecError);
    expect(() => layersOfSpec({ kernel: '3,3', dilation: '1,2,4' })).toThrow(/kernel: has 2 values, one per layer, but dilation has 3/);
    expect(() => layersOfSpec({ kernel: '3,0' })).toThrow(/kernel\[1\]: must be an integer from 1/);
    expect(() => layersOfSpec({ stride: 'two' })).toThrow(/stride: must be an integer/);
    expect(() => layersOfSpec({ kernel: '2,2', layers: 3 })).toThrow(/layers: is 3, but kernel lists 2 layers/);
    expect(() => layerAxes([{ kernel: '3x3x3' }, { kernel: '3x3' }])).toThrow(/layers\[1\]\.kernel/);
  });

  it('causal padding keeps every stride-1 layer\'s length: the TCN, 16 → 16 → 16 → 16, receptive field 15', () => {
    const layers = layersOfSpec({ kernel: 3, dilation: '1,2,4', padding: 'causal' });
    expect(layers.map((l) => l.padding)).toEqual([[[2, 0]], [[4, 0]], [[8, 0]]]);
    expect(stackGeometry(layers, 16).shapes).toEqual([[16], [16], [16], [16]]);
    expect(receptiveFieldClosedForm(layers).size).toBe(15);
    const stack = stackGeometry(layers, 16);
    // ŷ_t reads x_{t−14} … x_t: the middle output ŷ_8 is cut by the left padding, the widest field is a full 15
    expect(receptiveField(stack, 8).positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(receptiveField(stack, 15).positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(widestReceptiveField(stack)).toMatchObject({ size: 15, neuron: 14 });
  });
});

describe('overlap counts of a stack of transposed convolutions', () => {
  it('one layer is the checkerboard of k = 3, s = 2', () => {
    const c = stackOverlapCounts(layersOfSpec({ kernel: 3, stride: 2 }, {}, 1), 5);
    expect(c.counts).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1]);
    expect(c.uniform).toBe(false);
  });

  it('paths multiply through layers: k = 3, 2 and s = 2, 1 counts 1, 2, 3, …, 3, 2, 1 (even); k = 3 twice with s = 2 is uneven', () => {
    const even = stackOverlapCounts(layersOfSpec({ kernel: '3,2', stride: '2,1' }), 5);
    // by hand: 1,1,2,1,2,1,2,1,2,1,1 summed over windows of 2 (full): 1,2,3,3,…,3,2,1
    expect(even.counts).toEqual([1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1]);
    expect(even).toMatchObject({ uniform: true, interiorValues: [3] });
    const uneven = stackOverlapCounts(layersOfSpec({ kernel: 3, stride: 2 }), 3);
    expect(uneven.shape).toEqual([15]); // 3 → 7 → 15
    expect(uneven.uniform).toBe(false);
  });
});
