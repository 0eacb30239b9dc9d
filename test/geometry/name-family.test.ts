/**
 * Name families (src/geometry/name-family.ts) answer by their rule what the
 * listed names would: membership, index, and whether two families share a
 * name. Held against the listed names, with stems chosen to be prefixes of
 * one another (u, u1, u_, ztilde…), where a rule could most easily go wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FamilyForm, NameFamily } from '../../src/geometry/name-family.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';

const stems = ['u', 'u1', 'u_', 'u_1', 'u12', 'z', 'zt', 'ztilde', 'y'];
const family = fc.record({
  stem: fc.constantFrom(...stems),
  form: fc.constantFrom<FamilyForm>('flat', 'channel', 'tensor'),
  channels: fc.integer({ min: 1, max: 3 }),
  count: fc.integer({ min: 0, max: 40 }),
  first: fc.integer({ min: 0, max: 30 }),
}).map(({ stem, form, channels, count, first }) => new NameFamily(stem, form, form === 'flat' ? 1 : channels, count, first));

describe('NameFamily', () => {
  it('at, has and indexOf agree with the listed names', () => {
    fc.assert(fc.property(family, fc.constantFrom(...stems), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 4 }), (f, stem, k, c) => {
      const names = f.all();
      expect(new Set(names).size).toBe(f.length);
      names.forEach((n, i) => expect(f.indexOf(n)).toBe(i));
      for (const probe of [`${stem}${k}`, `${stem}${c}_${k}`, `${stem}_${c}_${k}`, `${stem}0${k}`, `${stem}${k}_`]) {
        expect(f.has(probe), probe).toBe(names.includes(probe));
      }
    }), { numRuns: 300 });
  });

  it('meets exactly when the listed names intersect', () => {
    fc.assert(fc.property(family, family, (a, b) => {
      const shared = a.all().some((n) => b.all().includes(n));
      expect(a.meets(b), `${a.at(0)}… ${b.at(0)}…`).toBe(shared);
      expect(b.meets(a)).toBe(shared);
    }), { numRuns: 500 });
  });

  it('meets exactly when the listed names intersect, for one stem and form (ranges that touch, overlap or not)', () => {
    const range = fc.record({ count: fc.integer({ min: 0, max: 6 }), first: fc.integer({ min: 0, max: 8 }), channels: fc.integer({ min: 1, max: 2 }) });
    fc.assert(fc.property(fc.constantFrom<FamilyForm>('flat', 'channel', 'tensor'), range, range, (form, x, y) => {
      const make = (r: typeof x) => new NameFamily('z', form, form === 'flat' ? 1 : r.channels, r.count, r.first);
      const a = make(x), b = make(y);
      expect(a.meets(b)).toBe(a.all().some((n) => b.all().includes(n)));
    }), { numRuns: 400 });
  });
});

describe('normalizeSpec names its outputs by rule, and writes them when read', () => {
  it('continues the inputs\' family, or takes a letter no weight uses', () => {
    // inputs u11..u19 (prefix u1): the outputs continue them
    expect(normalizeSpec({ input: [9], kernel: [1], inputs: 'u1' }).outputNames.slice(0, 2)).toEqual(['u110', 'u111']);
    // weights y, inputs v1..v3: the outputs continue v
    const s = normalizeSpec({ input: [3], kernel: [1], weights: 'y', inputs: 'v' });
    expect(s.outputNames).toEqual(['v4', 'v5', 'v6']);
  });

  it('refuses a weight that is one of the generated inputs, naming the first such input', () => {
    expect(() => normalizeSpec({ input: [4], kernel: [2], weights: 'z3,z2' })).toThrow(/z2.*already used in weights|already used in weights/);
    let value: unknown;
    try { normalizeSpec({ input: [4], kernel: [2], weights: 'z3,z2' }); } catch (e) { value = (e as { value?: unknown }).value; }
    expect(value).toBe('z2');
  });

  it('writes the output names when they are first read, once (3,844 names of a 64×64 input)', () => {
    const s = normalizeSpec({ input: [64, 64], kernel: [3, 3] });
    expect(typeof Object.getOwnPropertyDescriptor(s, 'outputNames')?.get).toBe('function');
    const names = s.outputNames;
    expect(s.outputNames).toBe(names);
    expect(names).toHaveLength(62 * 62);
    expect([names[0], names[3843]]).toEqual(['z4097', 'z7940']);
  });
});
