import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';

afterEach(cleanup);

function verdicts(el: Element): string[] {
  return [...shadow(el).querySelectorAll('[part="verdict"]')].map((v) => (v as HTMLElement).dataset.verdict!);
}

function katexText(el: Element): string {
  return (el.querySelector('.katex-html')?.textContent ?? '').replace(/[\s\u200b]+/g, '');
}

describe('<conv-transposed>', () => {
  it("shows the lecture's transposed example three ways, all agreeing", async () => {
    const el = await mount('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>');
    expect(visibleCells(el, 'mp').flat()).toEqual([
      'w1z7', 'w2z7+w1z8', 'w3z7+w2z8+w1z9', 'w3z8+w2z9+w1z10', 'w3z9+w2z10', 'w3z10',
    ]);
    const sums = [...part(el, 'scatter-form')!.querySelectorAll('tr.sum td')].map(katexText);
    expect(sums).toEqual(['w1z7', 'w2z7+w1z8', 'w3z7+w2z8+w1z9', 'w3z8+w2z9+w1z10', 'w3z9+w2z10', 'w3z10']);
    // the first scatter row is the filter scaled by z7, landing on the first three outputs
    const firstRow = [...part(el, 'scatter-form')!.querySelectorAll('tr')][1]!;
    expect([...firstRow.querySelectorAll('td')].map(katexText)).toEqual(['w1z7', 'w2z7', 'w3z7', '', '', '']);
    expect(verdicts(el)).toEqual(['pass', 'pass']);
    await snapshot(el, 'conv-transposed');
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
    const cell = part(el, 'scatter-form')!.querySelector('tr.sum td[data-out="2"]')!;
    cell.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await settle(el);
    const bg = (e: Element) => getComputedStyle(e).backgroundColor;
    const plain = bg(part(el, 'zero-insertion-form')!.querySelector('td[data-out="0"]')!);
    expect(bg(part(el, 'zero-insertion-form')!.querySelector('td[data-out="2"]')!)).not.toBe(plain);
    expect(bg(shadow(el).querySelector('.mp .convmat-cell[data-row="2"]')!)).not.toBe(plain);
  });

  it('rejects output padding that is not smaller than the stride, inline', async () => {
    const el = await mount('<conv-transposed input="3" kernel="3" stride="2" output-padding="2"></conv-transposed>');
    expect(part(el, 'error')!.dataset.attribute).toBe('output-padding');
  });
});
