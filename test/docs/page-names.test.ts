import { describe, expect, it } from 'vitest';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { stemOf } from '../../src/geometry/names.ts';
import { type ConvSpec, normalizeSpec } from '../../src/geometry/spec.ts';
import { backTo, paddedSpec } from '../../src/latex/derive-transposed.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { type PageElement, pageElements, pageNames, specOf } from './page-elements.ts';

/**
 * Names on the docs pages: no output shares a letter with a weight or an input
 * shown beside it, and on the transposed page, where regular and transposed
 * examples sit together, no name means two things.
 */
const NAMED_TOPICS = new Set(['matrix', 'transposed', 'window', 'block', 'dilation', 'flatten', 'pointwise']);

/** The specs whose names an element shows (a transposed derivation of a regular spec shows two). */
function shownSpecs(e: PageElement): ConvSpec[] {
  const spec = specOf(e);
  if (e.tag === 'conv-transposed') return [normalizeSpec({ ...spec, transposed: true })];
  if (['conv-matrix', 'conv-window', 'conv-explorer'].includes(e.tag)) return [normalizeSpec(spec)];
  if (e.tag !== 'conv-derivation' || !NAMED_TOPICS.has(e.attrs.topic ?? 'matrix') || !spec.input) return [];
  const given = normalizeSpec(spec);
  if (e.attrs.topic !== 'transposed' || given.transposed) return [given];
  const view = paddedSpec(given);
  if (!view) return [given, backTo(given)];
  const operand = given.inputNames && given.output[0] === given.input[0] ? given.inputNames : given.outputNames;
  return [given, backTo(view, operand)];
}

const outputsOf = (s: ConvSpec): Polynomial[] => matVec(convMatrix(s), s.weights, s.inputs, polynomialRing);

describe('names on every docs page', () => {
  for (const page of pageNames()) {
    const specs = pageElements(page).flatMap((e) => shownSpecs(e).map((s) => ({ e, s })));
    if (specs.length === 0) continue;
    it(`${page}: no output shares a letter with a weight, or with an input outside its family`, () => {
      for (const { e, s } of specs) {
        const where = `${page} <${e.tag} ${JSON.stringify(e.attrs)}>`;
        const outs = new Set(s.outputNames.map(stemOf));
        for (const w of s.weightNames ?? []) expect(outs.has(stemOf(w)), `${where}: output letter = weight ${w}`).toBe(false);
        const family = (s.inputNames ?? []).every((n) => /^[A-Za-z]+(\d+|_\d+_\d+)$/.test(n)) && new Set((s.inputNames ?? []).map(stemOf)).size === 1;
        if (!family) for (const z of s.inputNames ?? []) expect(outs.has(stemOf(z)), `${where}: output letter = input ${z}`).toBe(false);
        for (const o of s.outputNames) expect(s.inputNames ?? [], `${where}: ${o} is an input and an output`).not.toContain(o);
      }
    });
    it(`${page}: no name is an output of one example and an input of another, unless the second takes exactly the first one's outputs`, () => {
      expectChains(specs.map((x) => x.s));
    });
  }
});

function expectChains(specs: readonly ConvSpec[]): void {
  for (const reader of specs) {
    for (const writer of specs) {
      const shared = (reader.inputNames ?? []).filter((n) => writer.outputNames.includes(n));
      if (shared.length) expect(reader.inputNames, `${shared[0]} is an output and an input`).toEqual(writer.outputNames);
    }
  }
}

describe('transposed.html: regular and transposed examples never reuse a name for two things', () => {
  const specs = pageElements('transposed.html').flatMap(shownSpecs);

  it('a name that one example outputs and another reads is a chain: the reader takes exactly those outputs', () => {
    expectChains(specs);
  });

  it('two examples that output the same name output the same value', () => {
    const seen = new Map<string, Polynomial>();
    for (const s of specs) {
      outputsOf(s).forEach((p, i) => {
        const name = s.outputNames[i]!;
        const before = seen.get(name);
        if (before) expect(before, `${name} names two different values`).toEqualPolynomial(p);
        else seen.set(name, p);
      });
    }
  });

  it('no name is a weight in one example and an input or output in another', () => {
    const weights = new Set(specs.flatMap((s) => s.weightNames ?? []));
    for (const s of specs) for (const n of [...(s.inputNames ?? []), ...s.outputNames]) expect(weights.has(n), n).toBe(false);
  });

  it('transposed outputs carry the lecture’s tilde', () => {
    for (const s of specs.filter((x) => x.transposed)) expect(s.outputNames.every((n) => /^[a-z]tilde/.test(n)), s.outputNames[0]).toBe(true);
  });
});
