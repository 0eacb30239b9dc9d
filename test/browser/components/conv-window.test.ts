import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, snapshot } from './helpers.ts';

afterEach(cleanup);

const LECTURE = `<conv-window input="5x5" kernel="3x3"
  inputs="[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]"
  weights="[[0,1,2],[2,2,0],[0,1,2]]"></conv-window>`;

function text(el: Element | null): string {
  return (el?.querySelector('.katex-html')?.textContent ?? '').replace(/[\s\u200b]+/g, '');
}

/** Cells of a grid part: [value, subscript or ''] per cell, visible HTML only. */
function cells(el: Element, name: string): Array<[string, string]> {
  return [...part(el, name)!.querySelectorAll('.cell')].map((c) => [text(c), text(c.querySelector('.sub'))]);
}

describe('<conv-window>', () => {
  it("reproduces the lecture's nine frames of 5×5 ⊛ 3×3, ending in [[12,12,17],[10,17,19],[9,6,14]]", async () => {
    const el = await mount(LECTURE);
    const out = cells(el, 'output').map(([v]) => Number(v));
    expect(out).toEqual([12, 12, 17, 10, 17, 19, 9, 6, 14]);
    // frame 1: the kernel's entries written on the top-left 3×3 cells, as in the lecture
    const first = cells(el, 'input');
    const subs = first.map(([, s]) => s);
    expect(subs.slice(0, 5)).toEqual(['0', '1', '2', '', '']);
    expect(subs.slice(5, 10)).toEqual(['2', '2', '0', '', '']);
    expect(subs.slice(10, 15)).toEqual(['0', '1', '2', '', '']);
    expect(subs.slice(15)).toEqual(Array(10).fill(''));
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    await snapshot(el, 'conv-window');
  });

  it('steps with the arrow keys, lights the output cell and the matrix row together, and fires highlight', async () => {
    const el = await mount<HTMLElement & { step: number }>(LECTURE);
    const seen: unknown[] = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    el.focus();
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.step).toBe(1);
    expect(el.getAttribute('step')).toBe('1');
    const subs = cells(el, 'input').map(([, s]) => s);
    // frame 2 of the lecture: the window moved one column right
    expect(subs.slice(0, 5)).toEqual(['', '0', '1', '2', '']);
    const lit = [...part(el, 'output')!.querySelectorAll('.cell')].findIndex((c) => c.classList.contains('on'));
    expect(lit).toBe(1);
    // the matrix row 1 is highlighted by the stylesheet: its cells get a background
    const rowCell = shadow(el).querySelector('.mK .convmat-cell[data-row="1"]')!;
    const otherCell = shadow(el).querySelector('.mK .convmat-cell[data-row="0"]')!;
    expect(getComputedStyle(rowCell).backgroundColor).not.toBe(getComputedStyle(otherCell).backgroundColor);
    expect(seen.at(-1)).toMatchObject({ output: 1, name: 'y2', source: 'conv-window' });
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    await settle(el);
    expect(el.step).toBe(8); // wraps around from the first frame to the last
  });

  it('announces the frame politely for screen readers', async () => {
    const el = await mount(LECTURE);
    const live = shadow(el).querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain('Position 1 of 9');
    expect(live.textContent).toContain('12');
  });
});
