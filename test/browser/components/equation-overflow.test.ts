import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mountInColumn, settle, shadow } from './helpers.ts';

afterEach(cleanup);

/**
 * Issue 24, "Cut off": an equation wider than its box wraps K, · z,
 * = products and = outputs onto lines, a long z is elided as matrices are,
 * and whatever still sticks out is announced by a fade and a "scroll →" cue
 * (overlay scrollbars show nothing), which shows only when there is more.
 * The host is as wide as a docs page's column at each viewport.
 */
function rect(el: Element, sel: string): DOMRect {
  const n = shadow(el).querySelector(sel);
  if (!n) throw new Error(`no ${sel}`);
  return n.getBoundingClientRect();
}

/** The parts of the equation that lie wholly inside the scroll box's visible area. */
function visibleParts(el: Element): string[] {
  const box = rect(el, '.scroll');
  return ['mK', 'mz', 'mp', 'mo'].filter((p) => {
    const r = rect(el, `.${p} .convmat-grid, .${p} .fm-grid`);
    return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  });
}

function cueShown(el: Element): boolean {
  const cue = shadow(el).querySelector<HTMLElement>('.scroll-cue');
  if (!cue || getComputedStyle(cue).display === 'none') return false;
  const r = cue.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && /scroll →/.test(cue.textContent ?? '');
}

const FOUR = '<conv-matrix input="4x4" kernel="3x3" show="equation"></conv-matrix>';
const ONE_MATRIX = '<conv-matrix input="5x5" kernel="3x3" weights="[[0,1,2],[2,2,0],[0,1,2]]" inputs="[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]" show="equation"></conv-matrix>';

describe('wide equations are never clipped without a cue (issue 24)', () => {
  it('at 1280 px the 4×4 ⊛ 3×3 equation wraps: K, z, the products and the outputs are all in view, and no cue shows', async () => {
    const el = await mountInColumn(1280, FOUR);
    expect(visibleParts(el)).toEqual(['mK', 'mz', 'mp', 'mo']);
    expect(cueShown(el)).toBe(false);
  });

  it('at 390 px what does not fit is announced by the "scroll →" cue, which scrolls on click and goes once scrolled to the end', async () => {
    const el = await mountInColumn(390, FOUR);
    expect(visibleParts(el)).not.toContain('mK');
    expect(cueShown(el)).toBe(true);
    const box = shadow(el).querySelector<HTMLElement>('.scroll')!;
    // the cue scrolls the box on click
    shadow(el).querySelector<HTMLElement>('.scroll-cue')!.click();
    await new Promise((r) => setTimeout(r, 800));
    expect(box.scrollLeft).toBeGreaterThan(100);
    box.scrollLeft = box.scrollWidth;
    box.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    expect(cueShown(el)).toBe(false);
    expect(box.parentElement!.dataset.overflow).toBe('left');
  });

  it('a small equation that fits shows no cue at 390 px', async () => {
    const el = await mountInColumn(390, '<conv-matrix input="4" kernel="3" show="equation"></conv-matrix>');
    expect(visibleParts(el)).toEqual(['mK', 'mz', 'mp', 'mo']);
    expect(cueShown(el)).toBe(false);
  });

  for (const width of [1280, 390] as const) {
    it(`at ${width} px the 9 × 25 example's z is elided (z₁…, ⋮, …z₂₅), not a column three times K's height`, async () => {
      const el = await mountInColumn(width, ONE_MATRIX);
      const K = rect(el, '.mK .convmat-grid, .mK .fm-grid');
      const z = rect(el, '.mz .convmat-grid');
      expect(z.height).toBeLessThan(1.5 * K.height);
      const rows = [...shadow(el).querySelectorAll('.mz .convmat-cell')].map((c) => c.getAttribute('data-row'));
      expect(rows[0]).toBe('0');
      expect(rows.at(-1)).toBe('24');
      expect(rows).toContain('elided');
      // the equation is no taller than K and z stacked: no blank band above and below K
      expect(rect(el, '.equation').height).toBeLessThan(K.height + z.height + 40);
    });
  }

  it('hovering a row lights the inputs it reads in the elided z by their own index', async () => {
    const el = await mountInColumn(1280, ONE_MATRIX);
    el.setAttribute('active', '8');
    await settle(el);
    const lit = [...shadow(el).querySelectorAll<HTMLElement>('.mz .convmat-cell')]
      .filter((c) => getComputedStyle(c).backgroundColor !== 'rgba(0, 0, 0, 0)').map((c) => c.getAttribute('data-row'));
    // the last output reads inputs 13-15, 18-20, 23-25 (0-based 12..24): of the shown rows, 22, 23, 24 and no head row
    expect(lit).toEqual(expect.arrayContaining(['22', '23', '24']));
    expect(lit).not.toContain('0');
  });
});
