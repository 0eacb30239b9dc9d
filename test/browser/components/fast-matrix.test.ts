import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, snapshot, visibleCells } from './helpers.ts';
import { fastCell } from '../../../components/shared/fast-matrix.ts';

afterEach(cleanup);

describe('the light path for large matrices', () => {
  it('writes only simple cells, and refuses anything else', () => {
    expect(fastCell('w_{12}')).toContain('>w<');
    expect(fastCell('-2')).toContain('−2');
    // sums of products of simple symbols, as the engine prints them
    expect(fastCell('w_{1} z_{2} + w_{3} z_{4}')?.replace(/<[^>]+>/g, '')).toBe('w1z2+w3z4');
    // the lecture's transposed outputs z̃: the letter with KaTeX's tilde glyph over it
    expect(fastCell('\\tilde{z}_{3}')?.replace(/<[^>]+>/g, '')).toBe('z~3');
    expect(fastCell('\\tilde{z}_{3}')).toContain('fm-tilde');
    for (const bad of ['\\tilde{zz}_{1}', '\\tilde{z}_{x}', '\\hat{z}_{1}', '\\tilde{<b>}']) expect(fastCell(bad)).toBeNull();
    for (const bad of ['\\frac{1}{2}', 'w_{1}  z_{2}', '<img src=x onerror=alert(1)>', 'ab', 'w_{x}', 'w_{1} \\cdot z_{2}', '+ <b>']) expect(fastCell(bad)).toBeNull();
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
