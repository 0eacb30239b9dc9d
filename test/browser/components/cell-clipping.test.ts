import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mountInColumn, settle, shadow } from './helpers.ts';

afterEach(cleanup);

/**
 * Issue 24: a drawn grid never cuts its own cell text. A cell whose sum
 * (`v₁₇w₂ + v₁₈w₁`) is wider than the cell wraps after an operator or grows,
 * so every cell's content fits its box; a grid still wider than the page
 * scrolls as a whole, with the "scroll →" cue, never cut without one.
 * Checked at the docs column's width (326 px at 390, 860 px at 1280), for
 * the transposed page's Example 1 and the playground's stride-2, dilation-2
 * transposed spec, in every shadow root on the way down.
 */
/** Mounts at the docs column's width, then waits for the forms that come in later tasks and for composed parts. */
async function mountAt(width: 1280 | 390, markup: string): Promise<HTMLElement> {
  const el = await mountInColumn(width, markup);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 50));
    for (const inner of [el, ...shadow(el).querySelectorAll('conv-matrix, conv-window, conv-transposed')]) await settle(inner);
  }
  await document.fonts.ready;
  return el;
}

/** Every drawn cell under `root` (through shadow roots) whose content is wider or taller than its box, as `data-kind: text`. */
function clippedCells(root: ParentNode): string[] {
  const out: string[] = [];
  for (const c of root.querySelectorAll<HTMLElement>('[part="cell"]')) {
    if (c.closest('.legend')) continue;
    if (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1) out.push(`${(root as ShadowRoot).host?.localName} ${c.dataset.kind}: ${c.textContent?.replace(/\s+/g, '').slice(0, 40)}`);
  }
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) out.push(...clippedCells(host.shadowRoot));
  return out;
}

/**
 * Grids cut by a scroll box with no cue: a grid's cells must lie inside the
 * visible part of every box that clips them sideways, unless that box, or
 * one inside it, shows the "scroll →" cue (overflow-cue.ts).
 */
function cutGrids(root: ParentNode): string[] {
  const out: string[] = [];
  for (const g of root.querySelectorAll<HTMLElement>('[part="grid"]')) {
    const right = Math.max(...[...g.querySelectorAll('[part="cell"]')].map((c) => c.getBoundingClientRect().right));
    for (let box: HTMLElement | null = g; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
      const frame = box.closest<HTMLElement>('.scroll-frame');
      const cue = frame?.querySelector<HTMLElement>(':scope > .scroll-cue');
      const cued = !!cue && frame!.dataset.overflow?.includes('right') && getComputedStyle(cue).display !== 'none';
      // a box with the cue speaks for the boxes around it
      if (cued) break;
      if (right > edge + 1) out.push(`${box.className || box.localName} ${g.dataset.shape} grid cut at ${Math.round(edge)} (cells to ${Math.round(right)})`);
    }
  }
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) out.push(...cutGrids(host.shadowRoot));
  return out;
}

function cellCount(root: ParentNode): number {
  let n = root.querySelectorAll('[part="cell"]').length;
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) n += cellCount(host.shadowRoot);
  return n;
}

describe('grids never cut their own cell text (issue 24)', () => {
  for (const width of [390, 1280] as const) {
    it(`the transposed page's Example 1 (scatter sum, zero-insertion result) at ${width} px`, async () => {
      const el = await mountAt(width, '<conv-transposed input="2x2" kernel="3x3" inputs="v17,v18,v19,v20"></conv-transposed>');
      expect(shadow(el).querySelector('.sum [part="cell"]')).not.toBeNull();
      expect(clippedCells(shadow(el))).toEqual([]);
      expect(cutGrids(shadow(el))).toEqual([]);
    });

    it(`the playground's input=5x5 kernel=3x3 stride=2 padding=1 dilation=2, transposed, at ${width} px`, async () => {
      const el = await mountAt(width, '<conv-explorer input="5x5" kernel="3x3" stride="2" padding="1" dilation="2" transposed></conv-explorer>');
      expect(cellCount(shadow(el))).toBeGreaterThan(100);
      expect(clippedCells(shadow(el))).toEqual([]);
      expect(cutGrids(shadow(el))).toEqual([]);
    });
  }
});
