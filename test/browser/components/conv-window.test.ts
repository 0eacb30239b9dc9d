import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, snapshot } from './helpers.ts';
import { expected, lectureMarkup } from './lecture.ts';
import { mathmlSettled } from '../../../components/shared/katex-block.ts';

afterEach(cleanup);

const LECTURE = lectureMarkup('conv-window', 'conv2d-5x5-numbers');

function text(el: Element | null): string {
  return ((el?.querySelector('.katex-html') ?? el?.querySelector('.katex'))?.textContent ?? '').replace(/[\s\u200b]+/g, '');
}

/** Cells of a grid part: [value, subscript or ''] per cell, visible HTML only. */
function cells(el: Element, name: string): Array<[string, string]> {
  return [...part(el, name)!.querySelectorAll('.cell')].map((c) => [text(c), text(c.querySelector('.sub'))]);
}

describe('<conv-window>', () => {
  it("reproduces the lecture's nine frames of 5×5 ⊛ 3×3, ending in [[12,12,17],[10,17,19],[9,6,14]]", async () => {
    const el = await mount(LECTURE);
    const out = cells(el, 'output').map(([v]) => Number(v));
    expect(out).toEqual(expected('conv2d-5x5-numbers').values);
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

/** data-kind of every drawn cell of the input part. */
function kindCounts(el: Element): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of part(el, 'input')!.querySelectorAll('[part="cell"]')) {
    const k = (c as HTMLElement).dataset.kind!;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function shapes(el: Element, name: string): string[] {
  return [...part(el, name)!.querySelectorAll('[part="grid"]')].map((g) => (g as HTMLElement).dataset.shape!);
}

/** Indices of the lit input cells and the weight written on each. */
function covered(el: Element): Array<[number, string]> {
  return [...part(el, 'input')!.querySelectorAll('[part="cell"]')].flatMap((c, i) =>
    (c.classList.contains('on') ? [[i, text(c.querySelector('.sub'))] as [number, string]] : []));
}

describe('<conv-window> draws padding, stride, dilation and zero insertion', () => {
  it('4×4, stride 2, padding 1: 16 input and 20 padding cells; frame 2 covers padding too (Example 4)', async () => {
    const el = await mount<HTMLElement & { step: number }>('<conv-window input="4x4" kernel="3x3" stride="2" padding="1"></conv-window>');
    expect(kindCounts(el)).toEqual({ input: 16, padding: 20 });
    expect(shapes(el, 'input')).toEqual(['6x6']);
    expect(shapes(el, 'output')).toEqual(['2x2']);
    // position 1 (the second frame) sits two columns right: all nine taps drawn, three of them on padding
    el.step = 1;
    await settle(el);
    const lit = covered(el);
    expect(lit.map(([i]) => i)).toEqual([2, 3, 4, 8, 9, 10, 14, 15, 16]);
    expect(lit.map(([, w]) => w)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9']);
    const kinds = [...part(el, 'input')!.querySelectorAll('[part="cell"]')].map((c) => (c as HTMLElement).dataset.kind);
    expect(lit.filter(([i]) => kinds[i] === 'padding')).toHaveLength(3);
  });

  it('transposed 2×2, stride 2, padding 1: 4 input, 5 inserted, 16 padding cells, and the flipped kernel', async () => {
    const el = await mount('<conv-window input="2x2" kernel="3x3" stride="2" padding="1" transposed></conv-window>');
    expect(kindCounts(el)).toEqual({ input: 4, inserted: 5, padding: 16 });
    expect(shapes(el, 'input')).toEqual(['5x5']);
    expect(shapes(el, 'output')).toEqual(['3x3']);
    // frame 0 at the top left, kernel flipped: w9 on the corner padding cell, w1 on z1's cell... w5 on z1
    expect(covered(el).map(([i, w]) => `${i}:${w}`)).toEqual(['0:w9', '1:w8', '2:w7', '5:w6', '6:w5', '7:w4', '10:w3', '11:w2', '12:w1']);
  });

  it('dilation 2 draws holes between the taps', async () => {
    const el = await mount('<conv-window input="7x7" kernel="3x3" dilation="2"></conv-window>');
    expect(kindCounts(el)).toEqual({ input: 49 });
    expect(covered(el).map(([i]) => i)).toEqual([0, 2, 4, 14, 16, 18, 28, 30, 32]);
  });

  it('stride 2 in 1D steps two cells per frame; output padding adds a cell after; 3D is a row of slices; channels stack', async () => {
    const el = await mount<HTMLElement & { step: number }>('<conv-window input="7" kernel="3" stride="2"></conv-window>');
    el.step = 2;
    await settle(el);
    expect(covered(el).map(([i]) => i)).toEqual([4, 5, 6]);
    const op = await mount('<conv-window input="3" kernel="3" stride="2" padding="1" output-padding="1" transposed></conv-window>');
    expect(kindCounts(op)).toEqual({ input: 3, inserted: 2, padding: 3 }); // 1 before, 1 + output padding 1 after
    const cube = await mount('<conv-window input="2x3x3" kernel="1x2x2"></conv-window>');
    expect(shapes(cube, 'input')).toEqual(['2x3x3']);
    expect(part(cube, 'input')!.querySelectorAll('.slice')).toHaveLength(2);
    const chans = await mount('<conv-window input="4x4" kernel="3x3" in-channels="2" out-channels="1"></conv-window>');
    expect(shapes(chans, 'input')).toEqual(['4x4', '4x4']);
  });

  it('clicking an output cell moves the window there', async () => {
    const el = await mount<HTMLElement & { step: number }>('<conv-window input="4x4" kernel="3x3" stride="2" padding="1"></conv-window>');
    (part(el, 'output')!.querySelectorAll('[part="cell"]')[3] as HTMLElement).click();
    await settle(el);
    expect(el.step).toBe(3);
    expect(covered(el).map(([i]) => i)).toEqual([14, 15, 16, 20, 21, 22, 26, 27, 28]);
  });

  it('a large spec shows a summary at once instead of drawing 65,536 cells', async () => {
    const el = await mount('<conv-window input="256x256" kernel="3x3"></conv-window>');
    expect(part(el, 'summary')!.textContent).toContain('256×256');
    expect(shadow(el).querySelectorAll('[part="cell"]')).toHaveLength(0);
  });
});

describe('the dot product line', () => {
  it('shows its typeset HTML at once and gets its MathML in idle time, after every step', async () => {
    const el = await mount('<conv-window input="5x5" kernel="3x3" padding="1"></conv-window>');
    const lines: string[] = [];
    for (const step of ['0', '7']) {
      el.setAttribute('step', step);
      await settle(el);
      await mathmlSettled();
      const math = part(el, 'dot')!.querySelectorAll('.katex-mathml math');
      expect(math).toHaveLength(1);
      // the MathML reads what the line shows
      const shown = part(el, 'dot')!.querySelector('.katex-html')!.textContent!.replace(/[\s\u200b]+/g, '');
      expect(math[0]!.textContent!.replace(/\s+/g, '').startsWith(shown)).toBe(true);
      lines.push(shown);
    }
    expect(lines[0]).not.toBe(lines[1]);
  });
});
