import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, settle, shadow } from './helpers.ts';

afterEach(cleanup);

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('scroll boxes inside the elements', () => {
  it('are tab stops exactly while they scroll: narrow, then wide, then narrow again', async () => {
    const box = await mount<HTMLDivElement>('<div style="width: 160px"><conv-window input="6x6" kernel="3x3"></conv-window></div>');
    const el = box.firstElementChild as HTMLElement;
    await settle(el);
    await frames();
    const scroll = shadow(el).querySelector<HTMLElement>('.scroll')!;
    expect(scroll.scrollWidth, 'the fixture scrolls').toBeGreaterThan(scroll.clientWidth);
    expect(scroll.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('tabindex'), 'the host keeps its own tab stop').toBe('0');

    box.style.width = '3000px';
    await frames();
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    expect(scroll.hasAttribute('tabindex')).toBe(false);
    expect(shadow(el).querySelectorAll('[tabindex][data-scroll-focus]')).toHaveLength(0);
    expect(el.getAttribute('tabindex'), 'a tabindex the element set itself stays').toBe('0');

    box.style.width = '160px';
    await frames();
    expect(scroll.getAttribute('tabindex')).toBe('0');
  });

  it('are tab stops as rendered, before any layout: a box below the fold that content-visibility skips is reachable (axe passes unscrolled)', async () => {
    const box = await mount<HTMLDivElement>('<div><div style="height: 4000px"></div><section style="content-visibility: auto; contain-intrinsic-size: auto 300px; width: 160px"><conv-window input="6x6" kernel="3x3"></conv-window></section></div>');
    const el = box.querySelector('conv-window')!;
    await settle(el);
    // no frame has passed since the render: nothing was measured
    const scroll = shadow(el).querySelector<HTMLElement>('.scroll')!;
    expect(scroll.getAttribute('tabindex')).toBe('0');
    expect(shadow(el).querySelector('.grid-scroll')!.getAttribute('tabindex')).toBe('0');
  });

  it('a box with the focus keeps its tab stop when it stops scrolling', async () => {
    const box = await mount<HTMLDivElement>('<div style="width: 160px"><conv-window input="6x6" kernel="3x3"></conv-window></div>');
    const el = box.firstElementChild as HTMLElement;
    await settle(el);
    await frames();
    const scroll = shadow(el).querySelector<HTMLElement>('.scroll')!;
    scroll.focus();
    box.style.width = '3000px';
    await frames();
    expect(scroll.getAttribute('tabindex')).toBe('0');
    scroll.blur();
  });
});
