import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';
import { expected, lectureMarkup, typeset } from './lecture.ts';

afterEach(cleanup);

function verdicts(el: Element): string[] {
  return [...shadow(el).querySelectorAll('[part="verdict"]')].map((v) => (v as HTMLElement).dataset.verdict!);
}

function katexText(el: Element): string {
  return ((el.querySelector('.katex-html') ?? el.querySelector('.katex'))?.textContent ?? '').replace(/[\s\u200b]+/g, '');
}

describe('<conv-transposed>', () => {
  it("shows the lecture's transposed example three ways, all agreeing", async () => {
    const el = await mount(lectureMarkup('conv-transposed', 'w-z-transposed'));
    const printed = expected('w-z-transposed').product!.map(typeset);
    expect(visibleCells(el, 'mp').flat()).toEqual(printed);
    const sums = [...part(el, 'scatter-form')!.querySelectorAll('.sum [data-out]')].map(katexText);
    expect(sums).toEqual(printed);
    // the first copy is the filter scaled by z7, landing on the first three outputs
    const first = shadow(el).querySelector('[part="copy"][data-in="0"]')!;
    expect([...first.querySelectorAll('[part="cell"]')].map(katexText)).toEqual(['w1z7', 'w2z7', 'w3z7', '', '', '']);
    // the zero-insertion form draws the lecture's p′ = 2: two zeros, z7..z10, two zeros
    const zi = [...part(el, 'zero-insertion-form')!.querySelectorAll('.zi [part="cell"]')].map((c) => (c as HTMLElement).dataset.kind);
    expect(zi).toEqual(['padding', 'padding', 'input', 'input', 'input', 'input', 'padding', 'padding']);
    expect(verdicts(el)).toEqual(['pass', 'pass']);
    await snapshot(el, 'conv-transposed');
  });

  it('answers a new input size with Kᵀ·x in the task of the change; the scatter and zero-insertion forms follow in the tasks after, then all agree', async () => {
    const el = await mount('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>');
    const inputs = () => part(el, 'scatter-form')!.querySelectorAll('.inp [part="cell"]').length;
    const results = () => part(el, 'zero-insertion-form')!.querySelectorAll('[part="grid"][aria-label^="result"] [part="cell"]').length;
    expect([visibleCells(el, 'mp').length, inputs()]).toEqual([9, 4]);
    el.setAttribute('input', '3x3');
    (el as unknown as { performUpdate(): void }).performUpdate(); // the task of the change
    expect(visibleCells(el, 'mp')).toHaveLength(25);
    expect([inputs(), results()]).toEqual([4, 9]); // the 2×2 drawing, kept until the next tasks
    await settle(el);
    expect([inputs(), results()]).toEqual([9, 25]);
    expect(verdicts(el)).toEqual(['pass', 'pass']);
  });

  it('handles stride 2 with output padding, and the 2D example 4 (3×3, stride 2, padding 1)', async () => {
    const el = await mount('<conv-transposed input="3" kernel="3" stride="2" padding="1" output-padding="1"></conv-transposed>');
    expect(visibleCells(el, 'mp')).toHaveLength(6);
    expect(verdicts(el)).toEqual(['pass', 'pass']);
    const two = await mount('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>');
    expect(visibleCells(two, 'mp')).toHaveLength(9);
    expect(verdicts(two)).toEqual(['pass', 'pass']);
  });

  it('lights the same output in all three forms on hover', async () => {
    const el = await mount('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>');
    const cell = part(el, 'scatter-form')!.querySelector('.sum [data-out="2"]')!;
    cell.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await settle(el);
    const bg = (e: Element) => getComputedStyle(e).backgroundColor;
    const result = (o: number) => part(el, 'zero-insertion-form')!.querySelector(`[data-out="${o}"]`)!;
    const plain = bg(result(0));
    expect(bg(result(2))).not.toBe(plain);
    expect(bg(shadow(el).querySelector('.mp .convmat-cell[data-row="2"]')!)).not.toBe(plain);
  });

  it('draws 2D results as 2D grids, and hovering an input lights its scaled copy where it lands', async () => {
    const el = await mount('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>');
    const sum = part(el, 'scatter-form')!.querySelector('.sum [part="grid"]') as HTMLElement;
    expect(sum.dataset.shape).toBe('3x3');
    expect(shadow(el).querySelectorAll('[part="copy"]')).toHaveLength(4);
    // zero insertion: 2×2 inputs, 5 inserted zeros, a ring of 16 padding cells (d(k−1) − p = 1)
    const zi = [...part(el, 'zero-insertion-form')!.querySelectorAll('.zi [part="cell"]')].map((c) => (c as HTMLElement).dataset.kind);
    expect(['input', 'inserted', 'padding'].map((k) => zi.filter((x) => x === k).length)).toEqual([4, 5, 16]);
    const bg = (e: Element) => getComputedStyle(e).backgroundColor;
    const out = (o: number) => part(el, 'scatter-form')!.querySelector(`.sum [data-out="${o}"]`)!.closest('[part="cell"]')!;
    const before = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((o) => bg(out(o)));
    // input 4 (bottom right, z4) with stride 2 and padding 1 lands on outputs 4, 5, 7, 8 (taps w1, w2, w4, w5)
    const hoverZ4 = () => part(el, 'scatter-form')!.querySelector('.inp [data-in="3"]')!
      .dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    hoverZ4();
    await settle(el);
    // polled: the cells' background has a 150 ms transition; the hover is sent again to the
    // current node in case a late re-render (fonts loaded under a busy CPU) replaced the first one
    const lit = () => [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((o) => bg(out(o)) !== before[o]);
    await expect.poll(() => { hoverZ4(); return lit(); }, { timeout: 10_000 }).toEqual([4, 5, 7, 8]);
    const copy = shadow(el).querySelector('[part="copy"][data-in="3"]')!;
    expect(bg(copy)).not.toBe(bg(shadow(el).querySelector('[part="copy"][data-in="0"]')!));
    expect([...copy.querySelectorAll('[part="cell"]')].map(katexText)).toEqual(['', '', '', '', 'w1z4', 'w2z4', '', 'w4z4', 'w5z4']);
    await snapshot(el, 'conv-transposed-2d');
  });

  it('rejects output padding that is not smaller than the stride, inline', async () => {
    const el = await mount('<conv-transposed input="3" kernel="3" stride="2" output-padding="2"></conv-transposed>');
    expect(part(el, 'error')!.dataset.attribute).toBe('output-padding');
  });
});
