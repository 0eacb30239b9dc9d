import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { explorerSpec, settleTransition } from '../../src/view/explorer-transition.ts';
import type { ExplorerValues } from '../../src/view/explorer-view.ts';

/** The playground's transitions (issue 24, "stuck state"), without a browser. Expected values are worked out by hand from the shape rules of DESIGN.md. */
describe('settleTransition', () => {
  it('unticking transposed drops the output padding and says why', () => {
    const t = settleTransition({ input: '4', kernel: '3', stride: '2', outputPadding: '1' }, 'transposed');
    expect(t.values).toEqual({ input: '4', kernel: '3', stride: '2' });
    expect(t.notes).toEqual(['output padding 1 dropped: only a transposed convolution takes output padding.']);
  });

  it('stride 3 → 2 under output padding 2: op < max(s, d) = 2 gives 1; per axis with dilation', () => {
    expect(settleTransition({ input: '4', kernel: '3', stride: '2', transposed: '', outputPadding: '2' }, 'stride').values.outputPadding).toBe('1');
    // axis 1: max(2, 1) = 2 keeps op 1; axis 0: max(1, 2) = 2 lowers op 2 to 1
    expect(settleTransition({ input: '4x4', kernel: '2x2', dilation: '2x1', stride: '1x2', transposed: '', outputPadding: '2x1' }, 'dilation').values.outputPadding).toBe('1x1');
  });

  it('a smaller input: the kernel falls to the largest span the padded input holds, per axis', () => {
    // n = 3, p = 1 + 1, d = 2: d(k − 1) + 1 ≤ 5 gives k = 3
    expect(settleTransition({ input: '3', kernel: '5', padding: '1', dilation: '2' }, 'input').values.kernel).toBe('3');
    expect(settleTransition({ input: '4x6', kernel: '5x5' }, 'input').values.kernel).toBe('4x5');
  });

  it('groups falls to the largest common divisor below it; "same" under stride 2 becomes its numbers', () => {
    expect(settleTransition({ input: '4', inChannels: '6', outChannels: '4', groups: '4' }, 'inChannels').values.groups).toBe('2');
    expect(settleTransition({ input: '4', inChannels: '3', outChannels: '4', groups: '2' }, 'inChannels').values.groups).toBeUndefined();
    // k = 4, d = 1: total 3, the odd extra at the end
    expect(settleTransition({ input: '6', kernel: '4', padding: 'same', stride: '2' }, 'stride').values.padding).toBe('1,2');
    expect(settleTransition({ input: '6x6', kernel: '3x4', padding: 'same', stride: '2' }, 'stride').values.padding).toBe('1,1;1,2');
  });

  it('the changed field itself is never adjusted, nor anything when a layer sets the fields', () => {
    const own = settleTransition({ input: '6', kernel: '9' }, 'kernel');
    expect(own).toEqual({ values: { input: '6', kernel: '9' }, notes: [] });
    const layer = settleTransition({ input: '2', layer: 'nn.Conv1d(1, 1, 3)' }, 'input');
    expect(layer.notes).toEqual([]);
  });

  it('clampChanged (a slider): the changed field itself comes down to what the engine takes', () => {
    const t = settleTransition({ input: '6', kernel: '7' }, 'kernel', { clampChanged: true });
    expect(t.values.kernel).toBe('6');
    expect(t.notes).toEqual(['kernel 7 → 6: the kernel spans 7 but the padded input has 6.']);
    expect(settleTransition({ input: '4', kernel: '2', stride: '2', transposed: '', outputPadding: '3' }, 'outputPadding', { clampChanged: true }).values.outputPadding).toBe('1');
  });

  it('property: after every change of a sequence, the spec is accepted, or the engine objects to the changed field itself (or to one still being edited)', () => {
    const arbitraries: Record<string, fc.Arbitrary<string | undefined>> = {
      input: fc.integer({ min: 1, max: 8 }).map(String), kernel: fc.integer({ min: 1, max: 6 }).map(String),
      stride: fc.integer({ min: 1, max: 3 }).map(String), padding: fc.oneof(fc.integer({ min: 0, max: 3 }).map(String), fc.constant('same')),
      dilation: fc.integer({ min: 1, max: 3 }).map(String), outputPadding: fc.integer({ min: 0, max: 2 }).map(String),
      inChannels: fc.integer({ min: 1, max: 6 }).map(String), outChannels: fc.integer({ min: 1, max: 6 }).map(String),
      groups: fc.integer({ min: 1, max: 6 }).map(String), transposed: fc.constantFrom('', undefined),
      paddingMode: fc.constantFrom('reflect', 'circular', 'replicate', undefined), weights: fc.constantFrom('x,y,z', undefined),
    };
    const change = fc.constantFrom(...Object.keys(arbitraries)).chain((k) => arbitraries[k]!.map((x) => [k as keyof ExplorerValues, x] as const));
    let adjusted = 0;
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
      let values: ExplorerValues = { input: '5', kernel: '3' };
      // a field the engine objected to when it was edited keeps its value (the reader is still typing), so a later change may meet that error
      let pending: string | null = null;
      for (const [k, x] of changes) {
        const given: ExplorerValues = { ...values };
        if (x === undefined) delete given[k]; else given[k] = x;
        const t = settleTransition(given, k);
        if (t.notes.length > 0) adjusted++;
        expect(t.values[k]).toBe(given[k]);
        try {
          normalizeSpec(explorerSpec(t.values));
          pending = null;
        } catch (e) {
          expect(e).toBeInstanceOf(ConvmatError);
          const field = (e as ConvmatError).field.split(/[[.]/)[0]!;
          expect([k, pending].includes(field), `${field} after a change of ${k} (pending: ${pending})`).toBe(true);
          if (field === k) pending = k;
        }
        values = t.values;
      }
    }), { numRuns: 400 });
    expect(adjusted).toBeGreaterThan(50); // the sequences do reach the transitions that adjust
  });
});
