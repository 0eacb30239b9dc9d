import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow } from './helpers.ts';

/**
 * Issue 24, "Sliders" and "Pasting a PyTorch layer": every numeric field of the
 * playground has a slider applied as it moves (no 250 ms wait), the text field
 * stays for per-axis values and words; the layer box applies as you paste or type.
 */
afterEach(cleanup);

const NUMERIC = ['input', 'kernel', 'stride', 'padding', 'dilation', 'output-padding', 'in-channels', 'out-channels', 'groups'];
const slider = (el: Element, name: string) => shadow(el).querySelector<HTMLInputElement>(`input[type="range"][name="${name}-slider"]`);
const size = (el: Element) => [...part(el, 'output-size')!.querySelectorAll('.katex-html')].map((k) => k.textContent).join('').replace(/\s+/g, '');

/** Moves a slider as a drag does: one input event per value, no change event. */
async function drag(el: Element, name: string, value: number): Promise<void> {
  const s = slider(el, name)!;
  s.value = String(value);
  s.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(el);
}

/** axe-core over the controls and the status line (the drawings below have their own checks). */
async function seriousAxe(): Promise<string[]> {
  const r = await axe.run({ include: [{ fromShadowDom: ['conv-explorer', 'form[part="controls"]'] }, { fromShadowDom: ['conv-explorer', '[part="status"]'] }] }, { resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<conv-explorer>: sliders', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px every numeric field has a named slider that applies at once; axe finds nothing serious`, async () => {
      const el = await mount('<conv-explorer input="5x5" kernel="3x3"></conv-explorer>');
      await page.viewport(width, 900);
      await settle(el);
      for (const n of NUMERIC) {
        const s = slider(el, n);
        expect(s, n).not.toBeNull();
        expect(s!.getAttribute('aria-label')).toContain(n);
        const r = s!.getBoundingClientRect();
        // visible and inside the element at this width
        expect(r.width, n).toBeGreaterThan(40);
        expect(r.right, n).toBeLessThanOrEqual(el.getBoundingClientRect().right + 0.5);
      }
      expect(slider(el, 'input')!.value).toBe('5');
      const s = slider(el, 'input')!;
      s.value = '7';
      s.dispatchEvent(new Event('input', { bubbles: true }));
      expect((el as HTMLElement & { input?: string }).input).toBe('7x7'); // set in the input event itself: no typing debounce
      await settle(el);
      expect(el.getAttribute('input')).toBe('7x7'); // every axis moves together, the value keeps its form
      expect(shadow(el).querySelector<HTMLInputElement>('input[type="text"][name="input"]')!.value).toBe('7x7');
      expect(size(el)).toContain('=5'); // 7 − 3 + 1
      await drag(el, 'stride', 2);
      expect(el.getAttribute('stride')).toBe('2');
      expect(size(el)).toContain('=3'); // ⌊(7 − 3)/2⌋ + 1
      expect(await seriousAxe()).toEqual([]);
    });
  }

  it('a value whose axes differ, or a word, leaves its slider disabled; the text field edits it', async () => {
    const el = await mount('<conv-explorer input="6x4" kernel="3" padding="same"></conv-explorer>');
    expect(slider(el, 'input')!.disabled).toBe(true);
    expect(slider(el, 'padding')!.disabled).toBe(true);
    expect(slider(el, 'kernel')!.disabled).toBe(false);
    expect(slider(el, 'stride')!.value).toBe('1'); // unset: the default
  });

  it('a slider that leaves another field impossible adjusts it and says so (the output padding under a smaller stride)', async () => {
    const el = await mount('<conv-explorer input="3" kernel="3" stride="3" transposed output-padding="2"></conv-explorer>');
    await drag(el, 'stride', 1);
    expect(part(el, 'error')).toBeNull();
    expect(el.hasAttribute('output-padding')).toBe(false);
    expect(slider(el, 'output-padding')!.value).toBe('0');
    expect(part(el, 'status')!.textContent).toContain('output padding 2');
  });
});

describe('<conv-explorer>: a slider never leaves the playground stuck', () => {
  it('a slider past what the spec can take stops at the largest value it can (kernel 7 on an input of 6 → 6), and says so', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3"></conv-explorer>');
    await drag(el, 'kernel', 7);
    expect(part(el, 'error')).toBeNull();
    expect(el.getAttribute('kernel')).toBe('6');
    expect(slider(el, 'kernel')!.value).toBe('6');
    expect(part(el, 'status')!.textContent).toContain('kernel 7 → 6');
    expect(shadow(el).querySelector('conv-matrix')!.getAttribute('kernel')).toBe('6');
    // output padding on a regular convolution: dropped
    await drag(el, 'output-padding', 1);
    expect(part(el, 'error')).toBeNull();
    expect(el.hasAttribute('output-padding')).toBe(false);
    expect(slider(el, 'output-padding')!.value).toBe('0');
  });
});

describe('<conv-explorer>: the layer box applies as you paste or type', () => {
  it('pasting applies without Enter or leaving the box', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3"></conv-explorer>');
    const box = shadow(el).querySelector<HTMLInputElement>('input[name="layer"]')!;
    box.focus();
    box.value = 'nn.Conv1d(1, 1, kernel_size=2, stride=2)';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await settle(el);
    expect(el.getAttribute('layer')).toBe('nn.Conv1d(1, 1, kernel_size=2, stride=2)');
    expect(size(el)).toMatch(/=2$/); // ⌊(5 − 2)/2⌋ + 1
    expect(document.activeElement).toBe(el); // the focus stayed in the box (inside the shadow root)
    expect(shadow(el).activeElement).toBe(box);
  });

  it('typing: an incomplete layer is explained inline and the last good view stays; the finished layer applies', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3"></conv-explorer>');
    const box = shadow(el).querySelector<HTMLInputElement>('input[name="layer"]')!;
    await userEvent.type(box, 'nn.Conv1d(1, 1, 2');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('layer');
    expect(shadow(el).querySelector('conv-matrix')!.getAttribute('kernel')).toBe('3'); // the last good view
    expect(size(el)).toMatch(/=3$/);
    await userEvent.type(box, ')');
    await settle(el);
    expect(part(el, 'error')).toBeNull();
    expect(size(el)).toMatch(/=4$/); // 5 − 2 + 1
    // clearing the box brings back the fields it had replaced
    await userEvent.clear(box);
    await settle(el);
    expect(el.getAttribute('kernel')).toBe('3');
    expect(size(el)).toMatch(/=3$/);
  });
});
