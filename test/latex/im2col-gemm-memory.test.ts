import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import type { NoteStep } from '../../src/latex/derivation.ts';
import { pageElements, pageText, specOf } from '../docs/page-elements.ts';
import { forEachProduct } from '../oracle.ts';

/**
 * What a GEMM implementation stores for im2col.html's examples: the unfold U,
 * (C_in/groups·k) × L per group, not the block-diagonal Z, which repeats U once
 * per output channel. U holds one entry per product of one output channel per
 * group, so the oracle recounts its size from the definition: 12 for the
 * channels example (2·3 × 2), 2 × 12 = 24 for the groups example (2 × 2·2 × 3),
 * 12 for the lecture's 6 inputs and kernel 3 (where U = Zᵀ).
 */
const derivations = pageElements('im2col.html').filter((e) => e.tag === 'conv-derivation' && e.attrs.topic === 'im2col');

function unfoldEntries(a: Record<string, string>): { perGroup: number; groups: number; z: number } {
  const cin = Number(a['in-channels'] ?? 1), cout = Number(a['out-channels'] ?? 1), groups = Number(a.groups ?? 1);
  const n = Number(a.input), k = Number(a.kernel);
  const visits: Array<[number, number]> = [];
  const shape = forEachProduct([cin, n], [cout, cin / groups, k], { groups }, (o, _x, w) => visits.push([o, w]));
  const L = shape[1]!;
  const firsts = Array.from({ length: groups }, (_, g) => g * (cout / groups));
  const perGroup = visits.filter(([o]) => Math.floor(o / L) === firsts[0]).length;
  const inU = visits.filter(([o]) => firsts.includes(Math.floor(o / L))).length;
  expect(inU).toBe(groups * perGroup);
  // Z: one row per output, one column per weight
  return { perGroup, groups, z: cout * L * cout * (cin / groups) * k };
}

const shape = (a: Record<string, string>) => (derive('im2col', specOf({ tag: 'conv-derivation', attrs: a })).steps.find((s) => s.title === 'Shape') as NoteStep).text;

describe('im2col.html: the GEMM memory of each example is the unfold U, recounted by the oracle', () => {
  it('the page has the lecture example, the channels example and the groups example', () => {
    expect(derivations.map((d) => [d.attrs.input, d.attrs.kernel, d.attrs['in-channels'], d.attrs.groups])).toEqual(expect.arrayContaining([
      ['6', '3', undefined, undefined], ['4', '3', '2', undefined], ['4', '2', '4', '2'],
    ]));
  });

  it('channels: U has 12 entries, Z 48; the derivation says U is stored, not Z', () => {
    const a = derivations.find((d) => d.attrs['in-channels'] === '2')!.attrs;
    const u = unfoldEntries(a);
    expect(u).toEqual({ perGroup: 12, groups: 1, z: 48 });
    const text = shape(a);
    expect(text).toContain(`does not store Z (${u.z} entries, the unfold repeated once per output channel): it stores the unfold U, (C_in/groups·k) × L = 6 × 2 = ${u.perGroup} entries for an input of 8`);
    expect(text).not.toMatch(/stores Z densely/);
  });

  it('groups: U is 2 × 12 = 24 entries, Z 192', () => {
    const a = derivations.find((d) => d.attrs.groups === '2')!.attrs;
    const u = unfoldEntries(a);
    expect(u).toEqual({ perGroup: 12, groups: 2, z: 192 });
    expect(shape(a)).toContain(`does not store Z (${u.z} entries, the unfold repeated once per output channel): it stores the unfold U, (C_in/groups·k) × L = 4 × 3 = ${u.perGroup} entries per group, 2 × ${u.perGroup} = ${u.groups * u.perGroup} for 2 groups, for an input of 16`);
  });

  it('one output channel: Z is U transposed, 12 entries, as many as there are products', () => {
    const a = derivations.find((d) => d.attrs.input === '6')!.attrs;
    const u = unfoldEntries(a);
    expect(u).toEqual({ perGroup: 12, groups: 1, z: 12 });
    expect(shape(a)).toContain(`stores Z densely, as the unfold U = Zᵀ (F.unfold's (C_in·k) × L matrix): 3 × 4 = ${u.perGroup} entries for an input of 6`);
  });

  it('a transposed convolution stores the columns Wᵀ·x that col2im scatters (3 × 4 = 12 for kernel 3 on 4 inputs), not Z (6 × 3 = 18)', () => {
    expect(shape({ topic: 'im2col', input: '4', kernel: '3', transposed: '' })).toContain('does not build Z (18 entries)');
    expect(shape({ topic: 'im2col', input: '4', kernel: '3', transposed: '' })).toContain('buffer of 3 × 4 = 12 entries for an input of 4');
  });

  it('the prose says Z has as many entries as products only for one output channel', () => {
    const t = pageText('im2col.html');
    expect(t).toMatch(/With a single output channel U is Z transposed, so Z has as many entries as there are products/);
    expect(t).not.toMatch(/copied once per window, so Z has as many entries/);
  });
});
