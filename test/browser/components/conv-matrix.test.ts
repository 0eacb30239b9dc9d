import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';
import { expected, lectureMarkup, typeset } from './lecture.ts';
import { mathmlSettled } from '../../../components/shared/katex-block.ts';

afterEach(cleanup);

describe('<conv-matrix>', () => {
  it("shows the lecture's example 3: K for 6 inputs and a kernel of 3", async () => {
    const el = await mount(lectureMarkup('conv-matrix', 'w-z-regular'));
    expect(visibleCells(el, 'mK')).toEqual(expected('w-z-regular').matrix);
    const verdict = part(el, 'verdict')!;
    expect(verdict.dataset.verdict).toBe('pass');
    expect(verdict.textContent).toContain('matrix = sliding window');
    await snapshot(el, 'conv-matrix');
  });

  it('shows K·z = products = outputs with show="equation" (the lecture\'s z7..z10)', async () => {
    const el = await mount(lectureMarkup('conv-matrix', 'w-z-regular', 'show="equation"'));
    expect(visibleCells(el, 'mz').flat()).toEqual(['z1', 'z2', 'z3', 'z4', 'z5', 'z6']);
    expect(visibleCells(el, 'mp').flat()).toEqual(expected('w-z-regular').product!.map(typeset));
    expect(visibleCells(el, 'mo').flat()).toEqual(expected('w-z-regular').outputNames);
    await snapshot(el, 'conv-matrix-equation');
  });

  it("shows the transposed example's Kᵀ and the padded x,y,z / a,b,c,d example", async () => {
    const t = await mount(lectureMarkup('conv-matrix', 'w-z-transposed', 'show="equation"'));
    expect(visibleCells(t, 'mK')).toEqual(expected('w-z-transposed').matrix);
    expect(visibleCells(t, 'mp').flat()).toEqual(expected('w-z-transposed').product!.map(typeset));
    const p = await mount(lectureMarkup('conv-matrix', 'padded-xyz', 'show="equation"'));
    expect(visibleCells(p, 'mK')).toEqual(expected('padded-xyz').matrix);
    expect(visibleCells(p, 'mp').flat()).toEqual(expected('padded-xyz').product!.map(typeset));
  });

  it("shows the doubly block-Toeplitz K of the lecture's 4×4 → 2×2 example, and Kᵀ back to 4×4", async () => {
    const el = await mount('<conv-matrix input="4x4" kernel="3x3"></conv-matrix>');
    const K = visibleCells(el, 'mK');
    expect(K).toHaveLength(4);
    expect(K[0]).toEqual(['w1', 'w2', 'w3', '0', 'w4', 'w5', 'w6', '0', 'w7', 'w8', 'w9', '0', '0', '0', '0', '0']);
    expect(K[3]).toEqual(['0', '0', '0', '0', '0', 'w1', 'w2', 'w3', '0', 'w4', 'w5', 'w6', '0', 'w7', 'w8', 'w9']);
    const T = await mount('<conv-matrix input="2x2" kernel="3x3" transposed></conv-matrix>');
    expect(visibleCells(T, 'mK')).toHaveLength(16);
    expect(visibleCells(T, 'mK')[5]).toEqual(['w5', 'w4', 'w2', 'w1']);
    expect(part(T, 'verdict')!.dataset.verdict).toBe('pass');
  });

  it("loads KaTeX's fonts at document level and lays the matrix out with a real size", async () => {
    const el = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
    await document.fonts.ready;
    expect(document.head.querySelectorAll('style[data-convmat-katex-fonts]').length).toBe(1);
    await document.fonts.load('1em KaTeX_Main');
    await document.fonts.load('italic 1em KaTeX_Math');
    expect(document.fonts.check('1em KaTeX_Main')).toBe(true);
    const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    expect(loaded).toContain('KaTeX_Main');
    expect(loaded).toContain('KaTeX_Math');
    const box = part(el, 'equation')!.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(40);
    // the w in the cells is typeset in KaTeX_Math, not a fallback font
    const w = shadow(el).querySelector('.mK .convmat-cell .mathnormal')!;
    expect(getComputedStyle(w).fontFamily).toContain('KaTeX_Math');
  });

  it('keeps MathML for screen readers (the matrix\'s arrives in idle time, after the frame)', async () => {
    const el = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
    await mathmlSettled();
    expect(shadow(el).querySelectorAll('math').length).toBeGreaterThan(0);
    // the 4×6 K: one MathML cell per matrix cell, inside the matrix's hidden box
    expect(shadow(el).querySelectorAll('.mK .convmat-mathml math mtd')).toHaveLength(24);
  });

  it('re-renders when an attribute or a property changes, and the two reflect', async () => {
    const el = await mount<HTMLElement & { kernel: string; stride: string }>('<conv-matrix input="6" kernel="3"></conv-matrix>');
    const specs: unknown[] = [];
    el.addEventListener('spec-change', (e) => specs.push((e as CustomEvent).detail));
    el.setAttribute('kernel', '2');
    await settle(el);
    expect(el.kernel).toBe('2');
    expect(visibleCells(el, 'mK')).toHaveLength(5);
    el.stride = '2';
    await settle(el);
    expect(el.getAttribute('stride')).toBe('2');
    expect(visibleCells(el, 'mK')).toEqual([['w1', 'w2', '0', '0', '0', '0'], ['0', '0', 'w1', 'w2', '0', '0'], ['0', '0', '0', '0', 'w1', 'w2']]);
    expect(specs.at(-1)).toMatchObject({ rows: 3, cols: 6, spec: { input: '6', kernel: '2', stride: '2' } });
  });

  it('shows an invalid attribute inline, names it, keeps the last good rendering, and never throws', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const el = await mount('<conv-matrix input="4" kernel="3"></conv-matrix>');
    el.setAttribute('dilation', '2');
    await settle(el);
    const err = part(el, 'error')!;
    expect(err.dataset.attribute).toBe('kernel');
    expect(err.textContent).toMatch(/spans 5 but the padded input has 4/);
    expect(visibleCells(el, 'mK')).toHaveLength(2); // the last good K (2×4) is still there
    el.setAttribute('padding', 'sideways');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('padding');
    el.removeAttribute('padding');
    el.setAttribute('dilation', '1');
    await settle(el);
    expect(part(el, 'error')).toBeNull();
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
  });

  it('never lets attribute text reach the DOM as markup', async () => {
    const el = await mount(`<conv-matrix input="3" kernel="2" inputs="<img src=x onerror=alert(1)>,b,c" weights="\\href{javascript:alert(1)}{x},y"></conv-matrix>`);
    expect(el.shadowRoot!.querySelector('img, a')).toBeNull();
    expect(part(el, 'error')!.dataset.attribute).toMatch(/^(inputs|weights)$/);
  });

  it('shows an error, not a blank box, when the first spec is invalid', async () => {
    const el = await mount('<conv-matrix input="0" kernel="3"></conv-matrix>');
    expect(part(el, 'error')!.dataset.attribute).toBe('input');
    expect(part(el, 'error')!.textContent).toMatch(/integer from 1/);
  });

  it('links hover: the row, the entries it reads, its product and its name light up, and highlight fires', async () => {
    const el = await mount('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>');
    const seen: Array<Record<string, unknown>> = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    const target = shadow(el).querySelector('.mK .convmat-cell[data-row="1"][data-col="0"]')!;
    target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await settle(el);
    expect(seen.at(-1)).toEqual({ output: 1, row: 1, name: 'z8', inputs: [1, 2, 3], source: 'conv-matrix' });
    expect(el.getAttribute('active')).toBe('1');
    const bg = (sel: string) => getComputedStyle(shadow(el).querySelector(sel)!).backgroundColor;
    const none = bg('.mK .convmat-cell[data-row="0"][data-col="0"]');
    expect(bg('.mp .convmat-cell[data-row="1"]')).not.toBe(none);
    expect(bg('.mo .convmat-cell[data-row="1"]')).not.toBe(none);
    expect(bg('.mz .convmat-cell[data-row="2"]')).not.toBe(none);
    expect(bg('.mz .convmat-cell[data-row="0"]')).toBe(none);
    expect(shadow(el).querySelector('[aria-live="polite"]')!.textContent).toContain('z8 = w1*z2 + w2*z3 + w3*z4');
  });

  it('checks a structural-view matrix after the first paint; past the budget it shows a summary naming the limit', async () => {
    const el = await mount('<conv-matrix input="64x64" kernel="3x3" stride="1"></conv-matrix>');
    expect(part(el, 'sparsity')).not.toBeNull();
    expect(part(el, 'legend')!.textContent).toContain('structural zero');
    await expect.poll(() => part(el, 'verdict')?.dataset.verdict, { timeout: 20_000 }).toBe('pass');
    const big = await mount('<conv-matrix input="200x200" kernel="3x3" stride="1"></conv-matrix>');
    expect(part(big, 'sparsity')).toBeNull();
    expect(part(big, 'summary')!.textContent).toMatch(/40,000 inputs and 39,204 outputs are more than the 12,000 entries/);
  });

  it('draws structural zeros apart from a weight whose value is 0', async () => {
    const el = await mount('<conv-matrix input="4" kernel="3" weights="0,1,2"></conv-matrix>');
    const cells = [...shadow(el).querySelectorAll('.mK .convmat-cell')];
    // K = [[1,2,0,0],[0,1,2,0],...]: row 0 holds w1 = 0 nowhere (padding 0), so look at row 1: col 0 is the weight 0
    const at = (r: number, c: number) => cells.find((x) => x.getAttribute('data-row') === String(r) && x.getAttribute('data-col') === String(c))!;
    expect(at(0, 0).classList.contains('convmat-zero')).toBe(false); // the weight w1 = 0
    expect(at(0, 3).classList.contains('convmat-zero')).toBe(true); // no tap lands there
    expect(getComputedStyle(at(0, 0)).color).not.toBe(getComputedStyle(at(0, 3)).color);
  });

  it('steps through the rows with the arrow keys', async () => {
    const el = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
    const box = shadow(el).querySelector<HTMLElement>('[tabindex="0"]')!;
    box.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await settle(el);
    expect(el.getAttribute('active')).toBe('1');
    await userEvent.keyboard('{Escape}');
    await settle(el);
    expect(el.hasAttribute('active')).toBe(false);
  });

  it('reads plain arithmetic (2*a) at once, and loads mathjs lazily for an implicit product (2a)', async () => {
    for (const weights of ['2*a,b/2,-c', '2a,b/2,-c']) {
      const el = await mount(`<conv-matrix input="4" kernel="3" weights="${weights}"></conv-matrix>`);
      await expect.poll(() => visibleCells(el, 'mK').length, { timeout: 10_000 }).toBe(2);
      expect(part(el, 'error')).toBeNull();
      expect(visibleCells(el, 'mK')[0]).toEqual(['2a', '21b', '−c', '0']);
    }
  });

  it('shows a structural view with a typeset hover line past the typesetting limit, without freezing', async () => {
    const t0 = performance.now();
    const el = await mount('<conv-matrix input="32x32" kernel="3x3"></conv-matrix>');
    const elapsed = performance.now() - t0;
    const canvas = part(el, 'sparsity')!.querySelector('canvas')!;
    expect(canvas.width).toBeGreaterThan(0);
    await expect.poll(() => part(el, 'verdict')?.dataset.verdict, { timeout: 10_000 }).toBe('pass');
    const box = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: box.left + 2, clientY: box.top + box.height / 2 }));
    await settle(el);
    expect(part(el, 'detail')!.querySelector('.katex')).not.toBeNull();
    // the typeset part being looked at: the rows around the hovered one, over the columns it reads
    expect(part(el, 'detail')!.querySelectorAll('.convmat-cell').length).toBeGreaterThan(9);
    expect(elapsed).toBeLessThan(5000); // a sanity bound, not a benchmark: the page stays responsive
    await snapshot(el, 'conv-matrix-sparsity');
  });
});
