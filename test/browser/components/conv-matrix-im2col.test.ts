import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';

afterEach(cleanup);

/**
 * <conv-matrix form="im2col">: Z with the input names as entries and
 * Z(z)·w = y. The expected matrices are written by hand from the lecture's
 * example 3 (each row of Z is one window: z1 z2 z3, z2 z3 z4, …).
 */
describe('<conv-matrix form="im2col">', () => {
  it("shows Z(z)·w = y for the lecture's 6 inputs and kernel 3, with its verdict", async () => {
    const el = await mount('<conv-matrix input="6" kernel="3" form="im2col" show="equation"></conv-matrix>');
    expect(visibleCells(el, 'mK')).toEqual([['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], ['z4', 'z5', 'z6']]);
    expect(visibleCells(el, 'mz').flat()).toEqual(['w1', 'w2', 'w3']);
    expect(visibleCells(el, 'mp').flat()).toEqual(['w1z1+w2z2+w3z3', 'w1z2+w2z3+w3z4', 'w1z3+w2z4+w3z5', 'w1z4+w2z5+w3z6']);
    expect(visibleCells(el, 'mo').flat()).toEqual(['z7', 'z8', 'z9', 'z10']);
    const verdict = part(el, 'verdict')!;
    expect(verdict.dataset.verdict).toBe('pass');
    expect(verdict.textContent).toContain('K(w)·z = Z(z)·w');
    expect(shadow(el).querySelector('[aria-label="matrix Z (im2col), 4 by 3"]')).not.toBeNull();
    expect(shadow(el).querySelector('[aria-label="weight vector w"]')).not.toBeNull();
    await snapshot(el, 'conv-matrix-im2col');
  });

  it('two channels: Z is block diagonal, each output channel reading only its filter', async () => {
    const el = await mount('<conv-matrix input="3" kernel="2" in-channels="2" out-channels="2" inputs="a,b,c,p,q,r" form="im2col"></conv-matrix>');
    // weights w_{o,c,j} in order (1,1,1) (1,1,2) (1,2,1) (1,2,2) (2,1,1) …; channel 1 of the input is a b c, channel 2 is p q r
    expect(visibleCells(el, 'mK')).toEqual([
      ['a', 'b', 'p', 'q', '0', '0', '0', '0'],
      ['b', 'c', 'q', 'r', '0', '0', '0', '0'],
      ['0', '0', '0', '0', 'a', 'b', 'p', 'q'],
      ['0', '0', '0', '0', 'b', 'c', 'q', 'r'],
    ]);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
  });

  it('links hover: a row of Z lights the weights it meets and reports the inputs it holds', async () => {
    const el = await mount('<conv-matrix input="6" kernel="3" form="im2col" show="equation"></conv-matrix>');
    const seen: Array<Record<string, unknown>> = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    shadow(el).querySelector('.mK .convmat-cell[data-row="1"][data-col="0"]')!
      .dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await settle(el);
    expect(seen.at(-1)).toEqual({ output: 1, row: 1, name: 'z8', inputs: [1, 2, 3], source: 'conv-matrix' });
    const bg = (sel: string) => getComputedStyle(shadow(el).querySelector(sel)!).backgroundColor;
    const none = bg('.mK .convmat-cell[data-row="0"][data-col="0"]');
    expect(bg('.mz .convmat-cell[data-row="2"]')).not.toBe(none);
    expect(bg('.mp .convmat-cell[data-row="1"]')).not.toBe(none);
  });

  it('an invalid form is an inline error naming the allowed values, and the last good Z stays', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const el = await mount<HTMLElement & { form: string }>('<conv-matrix input="6" kernel="3" form="im2col"></conv-matrix>');
    el.setAttribute('form', 'unfold');
    await settle(el);
    const err = part(el, 'error')!;
    expect(err.dataset.attribute).toBe('form');
    expect(err.textContent).toMatch(/must be one of conv, im2col/);
    expect(err.textContent).toContain('unfold');
    expect(visibleCells(el, 'mK')).toHaveLength(4);
    expect(visibleCells(el, 'mK')[0]).toEqual(['z1', 'z2', 'z3']);
    el.form = 'conv';
    await settle(el);
    expect(part(el, 'error')).toBeNull();
    expect(el.getAttribute('form')).toBe('conv');
    expect(visibleCells(el, 'mK')[0]).toEqual(['w1', 'w2', 'w3', '0', '0', '0']);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
  });

  it('a Z too large to typeset is drawn as a sparsity pattern whose legend lists inputs, then checked', async () => {
    const el = await mount('<conv-matrix input="40x40" kernel="3x3" form="im2col"></conv-matrix>');
    expect(part(el, 'sparsity')!.textContent).toMatch(/Z \(im2col\) is 1444 × 9/);
    expect(part(el, 'legend')!.textContent).toMatch(/more inputs/);
    await expect.poll(() => part(el, 'verdict')?.dataset.verdict, { timeout: 20_000 }).toBe('pass');
  });

  it('never freezes: the largest Z the budget accepts (76×76 ⊛ 3×3, 49,284 taps) has no task over 250 ms', async () => {
    const { blocked, runs } = await longTasksWhileMounting('<conv-matrix input="76x76" kernel="3x3" form="im2col"></conv-matrix>', (el) => {
      expect(part(el, 'sparsity')!.textContent).toMatch(/Z \(im2col\) is 5476 × 9/);
    }, 250, 40);
    expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
  });
});
