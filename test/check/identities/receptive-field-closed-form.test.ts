import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { receptiveFieldCases } from '../../cases.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'receptive-field-closed-form';
const layersOf = (c: (typeof receptiveFieldCases)[number]) => c.layers.map((l) => ({ kernel: l.k, stride: l.s, dilation: l.d }));

describe(ID, () => {
  it('holds for every neuron of random unpadded stacks', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture: 4 and 7 for k = 2, s = 2 without and with dilation 2; 15 for the TCN with d = 1, 2, 4', () => {
    for (const c of receptiveFieldCases) {
      const r = checkIdentity(ID, { input: 2 * c.size, layers: layersOf(c) });
      expect(r.holds).toBe(true);
      expect(r.facts.closedForm).toEqual([c.size]);
    }
  });

  it('near miss: a formula that forgets the strides (1 + Σ d(k − 1)) is rejected', () => {
    const c = receptiveFieldCases[0];
    const naive = 1 + c.layers.reduce((acc, l) => acc + l.d * (l.k - 1), 0);
    const r = checkIdentity(ID, { input: 8, layers: layersOf(c) }, { size: naive });
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'neuron 0, axis 0', left: '4', right: '3' });
  });

  it('with padding the closed form fails at the border neurons only', () => {
    const r = checkIdentity(ID, { input: 8, layers: [{ kernel: 3, padding: 1 }, { kernel: 3, padding: 1 }] });
    expect(r.holds).toBe(false);
    expect(r.differences[0]).toMatchObject({ name: 'neuron 0, axis 0', left: '3', right: '5' });
    expect(r.comparisons[0]!.mismatchCount).toBe(4); // neurons 0, 1, 6, 7 of 8
  });
});
