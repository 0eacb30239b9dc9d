import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, snapshot, visibleCells } from './helpers.ts';
import { fastCell } from '../../../components/shared/fast-matrix.ts';
import { polynomialEntry, symbolEntry } from '../../../src/algebra/print.ts';
import { entryToPolynomial } from '../../../src/algebra/entries.ts';
import type { Entry } from '../../../src/view/entry.ts';

/** The entry of an expression the engine reads (`2*w1`, `-3`, `w1*z2 + w3*z4`). */
const entry = (source: string | number): Entry => polynomialEntry(entryToPolynomial(source, 'test'));
/** An entry with an accent, as a view holds the lecture's z̃₃ (its structure, never LaTeX). */
const accented = (name: string, accent: 'tilde' | 'hat'): Entry => {
  const e = symbolEntry(name);
  const f = e.terms[0]!.factors[0]!;
  return { ...e, terms: [{ ...e.terms[0]!, factors: [{ ...f, symbol: { ...f.symbol, accent } }] }] };
};

afterEach(cleanup);

describe('the light path for large matrices', () => {
  it('prints only simple entries from their structure, and refuses anything else', () => {
    const text = (e: Entry) => fastCell(e)?.replace(/<[^>]+>/g, '');
    expect(fastCell(entry('w12'))).toContain('>w<');
    expect(text(entry(-2))).toBe('−2');
    // sums of products of simple symbols, as the engine prints them
    expect(text(entry('w1*z2 + w3*z4'))).toBe('w1z2+w3z4');
    expect(text(entry('w1 - 2*w3'))).toBe('w1−2w3');
    // the lecture's transposed outputs z̃: the letter with KaTeX's tilde glyph over it
    expect(text(accented('z3', 'tilde'))).toBe('z~3');
    expect(fastCell(accented('z3', 'tilde'))).toContain('fm-tilde');
    // lowercase Greek letters, as KaTeX sets \\delta (the backward pass's δ₁), a tall one's tilde raised
    expect(text(symbolEntry('delta1'))).toBe('δ1');
    expect(text(entry('w1*delta2 + 2*alpha'))).toBe('2α+δ2w1'); // the engine's order, as KaTeX prints it too
    expect(fastCell(accented('delta3', 'tilde'))).toContain('fm-tall');
    // what KaTeX must typeset: other accents, fractions, powers, long names, several subscripts, channels, elided sums
    for (const bad of [accented('z1', 'hat'), entry('1/2'), entry('w1^2'), entry('ab'), entry('foo1'), symbolEntry('z_1_2'), symbolEntry('w1_2'), symbolEntry('Delta1'), symbolEntry('omicron')]) expect(fastCell(bad)).toBeNull();
    expect(fastCell(polynomialEntry(entryToPolynomial('w1 + w2 + w3', 'test'), { maxTerms: 2 }))).toBeNull();
  });

  it('shows a 36×49 matrix with the same cells and hooks as the KaTeX path', async () => {
    const el = await mount('<conv-matrix input="7x7" kernel="2x2"></conv-matrix>');
    expect(part(el, 'equation')!.querySelector('.fm-matrix')).not.toBeNull();
    const K = visibleCells(el, 'mK');
    expect(K).toHaveLength(36);
    expect(K[0]!.slice(0, 9)).toEqual(['w1', 'w2', '0', '0', '0', '0', '0', 'w3', 'w4']);
    expect(K[35]!.slice(-9)).toEqual(['w1', 'w2', '0', '0', '0', '0', '0', 'w3', 'w4']);
    await snapshot(el, 'conv-matrix-36x49');
  });
});

describe('an attribute change patches the light matrix in place', () => {
  const grid = (el: Element) => part(el, 'equation')!.querySelector<HTMLElement>('.mK .fm-grid')!;

  // patched: few cells change, and exactly those are replaced; otherwise (most cells new) the matrix is built whole
  it.each([
    ['conv-window', 'input="5x5" kernel="3x3" padding="1"', 'padding-mode', 'reflect', true],
    ['conv-matrix', 'input="7x7" kernel="2x2"', 'kernel', '3x2', true],
    ['conv-window', 'input="5x5" kernel="3x3" padding="1"', 'padding', '0', false],
    ['conv-window', 'input="5x5" kernel="3x3"', 'padding', '1', false],
    ['conv-matrix', 'input="7x7" kernel="2x2"', 'stride', '2', false],
  ])('%s %s, %s → %s: the same matrix as a fresh element (patched: %s)', async (tag, attrs, attr, value, patched) => {
    const el = await mount(`<${tag} ${attrs}></${tag}>`);
    const before = [...grid(el).children];
    el.setAttribute(attr, value);
    await settle(el);
    const fresh = await mount(`<${tag} ${attrs.replace(new RegExp(`${attr}="[^"]*"`), '')} ${attr}="${value}"></${tag}>`);
    // every cell, its classes and data-row / data-col, and the bracket and label around them
    expect(part(el, 'equation')!.querySelector('.fm-matrix')!.outerHTML).toBe(part(fresh, 'equation')!.querySelector('.fm-matrix')!.outerHTML);
    expect(visibleCells(el, 'mK')).toEqual(visibleCells(fresh, 'mK'));
    const after = [...grid(el).children];
    const kept = after.filter((c, i) => c === before[i]).length;
    const same = after.filter((c, i) => before[i] !== undefined && c.outerHTML === before[i]!.outerHTML).length;
    expect(same).toBeGreaterThan(0);
    expect(kept).toBe(patched ? same : 0);
  });
});
