/**
 * The attribute `padding-mode` (PyTorch's padding_mode) on the elements: the
 * drawings say which input each padding cell copies, the matrix shows its
 * summed entries, and a bad value is an inline error that keeps the last good
 * rendering. The copied names are worked out by hand from PyTorch's
 * definitions (torch.nn.functional.pad), not from the code under test:
 *   reflect   z3 z2 | z1 … z5 | z4 z3      replicate  z1 z1 | … | z5 z5      circular  z4 z5 | … | z1 z2
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';

afterEach(cleanup);

/** The input cells of a drawing: data-kind and data-copies (or '') per cell. */
function drawnCells(el: Element): Array<{ kind: string; copies: string; label: string | null }> {
  return [...part(el, 'input')!.querySelectorAll<HTMLElement>('[part="cell"]')].map((c) => ({
    kind: c.dataset.kind!, copies: c.dataset.copies ?? '', label: c.getAttribute('aria-label'),
  }));
}

const copiesOf = (el: Element) => drawnCells(el).filter((c) => c.kind === 'padding').map((c) => c.copies);

function visibleText(c: Element): string {
  return [...c.querySelectorAll('.copy .katex-html, .copy .tex')].map((x) => x.textContent ?? '').join('').replace(/[\s\u200b]+/g, '');
}

const window1d = (mode: string) => `<conv-window input="5" kernel="3" padding="2" padding-mode="${mode}" hide-matrix></conv-window>`;

describe('padding-mode on <conv-window>: each padding cell names the input it copies', () => {
  it.each([
    ['reflect', ['z3', 'z2', 'z4', 'z3']],
    ['replicate', ['z1', 'z1', 'z5', 'z5']],
    ['circular', ['z4', 'z5', 'z1', 'z2']],
  ])('%s, n = 5, padding 2: %j', async (mode, want) => {
    const el = await mount(window1d(mode));
    expect(copiesOf(el)).toEqual(want);
    const cells = drawnCells(el);
    expect(cells.map((c) => c.kind)).toEqual(['padding', 'padding', 'input', 'input', 'input', 'input', 'input', 'padding', 'padding']);
    expect(cells[0]!.label).toBe(`padding, copies ${want[0]}`);
    // the copied name is drawn, faded, inside the hatched cell
    const first = part(el, 'input')!.querySelector('[part="cell"]')!;
    expect(visibleText(first)).toBe(want[0]);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
  });

  it('zeros (and no attribute) draws plain zeros with no data-copies, exactly as before', async () => {
    for (const markup of [window1d('zeros'), '<conv-window input="5" kernel="3" padding="2" hide-matrix></conv-window>']) {
      const el = await mount(markup);
      const pads = [...part(el, 'input')!.querySelectorAll<HTMLElement>('[data-kind="padding"]')];
      expect(pads).toHaveLength(4);
      for (const c of pads) {
        expect(c.hasAttribute('data-copies')).toBe(false);
        expect(c.hasAttribute('tabindex')).toBe(false);
        const own = c.cloneNode(true) as HTMLElement;
        own.querySelector('.sub')?.remove(); // the weight the window writes on a covered cell
        expect(own.textContent!.trim()).toBe('0');
      }
      cleanup();
    }
  });

  it('2D reflect, 3×3 with padding 1: the top row copies z5 z4 z5 z6 z5', async () => {
    const el = await mount('<conv-window input="3x3" kernel="3x3" padding="1" padding-mode="reflect" hide-matrix></conv-window>');
    expect(drawnCells(el).slice(0, 5).map((c) => c.copies)).toEqual(['z5', 'z4', 'z5', 'z6', 'z5']);
    expect(part(el, 'grid')!.dataset.shape).toBe('5x5');
    await snapshot(el, 'conv-window-reflect');
  });

  it('3D circular, 2×2×2 with padding 1: drawn as four slices of 4×4; the front slice wraps to the back one', async () => {
    const el = await mount('<conv-window input="2x2x2" kernel="2x2x2" padding="1" padding-mode="circular" hide-matrix></conv-window>');
    expect(part(el, 'grid')!.dataset.shape).toBe('4x4x4');
    // depth −1 wraps to slice 2 (z5..z8); rows and columns −1 and 2 wrap too: z8 z7 z8 z7 / z6 z5 z6 z5 / …
    expect(drawnCells(el).slice(0, 8).map((c) => c.copies)).toEqual(['z8', 'z7', 'z8', 'z7', 'z6', 'z5', 'z6', 'z5']);
  });

  it('hovering or focusing a padding cell lights the input it copies', async () => {
    const el = await mount(window1d('reflect'));
    const cells = [...part(el, 'input')!.querySelectorAll<HTMLElement>('[part="cell"]')];
    await userEvent.hover(cells[0]!);
    // cell 0 copies z3, the third input: drawn cell 4
    expect(cells.filter((c) => c.classList.contains('copied')).map((c) => c.dataset.src)).toEqual(['2']);
    expect(cells[4]!.classList.contains('copied')).toBe(true);
    await userEvent.unhover(cells[0]!);
    expect(cells.some((c) => c.classList.contains('copied'))).toBe(false);
    cells[8]!.focus();
    // the last cell copies z3 as well; the one before it copies z4 (drawn cell 5)
    expect(cells[4]!.classList.contains('copied')).toBe(true);
    cells[7]!.focus();
    expect(cells.filter((c) => c.classList.contains('copied')).map((c) => c.dataset.src)).toEqual(['3']);
  });
});

describe('padding-mode on <conv-matrix>: summed entries', () => {
  it("reflect, n = 5, k = 3, padding 1: K's first row is [w2, w1 + w3, 0, 0, 0] and its last [0, 0, 0, w1 + w3, w2]", async () => {
    const el = await mount('<conv-matrix input="5" kernel="3" padding="1" padding-mode="reflect" show="equation"></conv-matrix>');
    const K = visibleCells(el, 'mK');
    expect(K[0]).toEqual(['w2', 'w1+w3', '0', '0', '0']);
    expect(K[1]).toEqual(['w1', 'w2', 'w3', '0', '0']);
    expect(K[4]).toEqual(['0', '0', '0', 'w1+w3', 'w2']);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    await snapshot(el, 'conv-matrix-reflect');
  });

  it('replicate: the first row is [w1 + w2, w3, 0, 0, 0]; circular: [w2, w3, 0, 0, w1] (circulant)', async () => {
    const rep = await mount('<conv-matrix input="5" kernel="3" padding="1" padding-mode="replicate"></conv-matrix>');
    expect(visibleCells(rep, 'mK')[0]).toEqual(['w1+w2', 'w3', '0', '0', '0']);
    cleanup();
    const circ = await mount('<conv-matrix input="5" kernel="3" padding="1" padding-mode="circular"></conv-matrix>');
    const K = visibleCells(circ, 'mK');
    expect(K[0]).toEqual(['w2', 'w3', '0', '0', 'w1']);
    expect(K[4]).toEqual(['w3', '0', '0', 'w1', 'w2']);
  });

  it('past what KaTeX typesets, the sparsity view paints a summed entry in its own colour, with a legend entry', async () => {
    const el = await mount('<conv-matrix input="100" kernel="3" padding="1" padding-mode="reflect"></conv-matrix>');
    const canvas = part(el, 'sparsity')!.querySelector('canvas')!;
    const size = canvas.width / 100;
    const ctx = canvas.getContext('2d')!;
    const at = (row: number, col: number) => [...ctx.getImageData(col * size + size / 2, row * size + size / 2, 1, 1).data.slice(0, 3)];
    // row 1 of K: [w2, w1 + w3, 0, …]; row 2: [w1, w2, w3, 0, …]
    const summed = at(0, 1);
    // the theme's text colour, not one of the weights' hues
    expect([[25, 25, 25], [235, 235, 235]]).toContainEqual(summed);
    expect(at(0, 0)).not.toEqual(summed);
    expect(at(1, 0)).not.toEqual(summed);
    expect(at(99, 98)).toEqual(summed);
    expect(at(50, 50)).not.toEqual(summed);
    expect(part(el, 'legend')!.querySelector('[data-summed]')).not.toBeNull();
    cleanup();
    const zeros = await mount('<conv-matrix input="100" kernel="3" padding="1"></conv-matrix>');
    expect(part(zeros, 'legend')!.querySelector('[data-summed]')).toBeNull();
  });

  it('a wide matrix with summed entries still scrolls inside the element', async () => {
    const el = await mount('<conv-matrix input="40" kernel="5" padding="2" padding-mode="reflect" style="display:block;width:320px"></conv-matrix>');
    const scroller = [...shadow(el).querySelectorAll<HTMLElement>('*')].find((n) => n.scrollWidth > n.clientWidth + 4 && getComputedStyle(n).overflowX !== 'visible');
    expect(scroller, 'a horizontally scrolling container').toBeDefined();
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(321);
  });
});

describe('padding-mode errors: the engine’s message inline, the last good state kept', () => {
  it('an unknown mode names the attribute and the allowed values, and keeps the drawing', async () => {
    const el = await mount(window1d('reflect'));
    el.setAttribute('padding-mode', 'mirror');
    await settle(el);
    const err = part(el, 'error')!;
    expect(err.dataset.attribute).toBe('padding-mode');
    expect(err.textContent).toMatch(/zeros, reflect, replicate, circular/);
    expect(copiesOf(el)).toEqual(['z3', 'z2', 'z4', 'z3']);
    el.setAttribute('padding-mode', 'circular');
    await settle(el);
    expect(part(el, 'error')).toBeNull();
    expect(copiesOf(el)).toEqual(['z4', 'z5', 'z1', 'z2']);
  });

  it('reflect padding as large as the input is refused with PyTorch’s bound', async () => {
    const el = await mount(window1d('reflect'));
    el.setAttribute('padding', '5');
    await settle(el);
    expect(part(el, 'error')!.textContent).toMatch(/padding/i);
    expect(copiesOf(el)).toEqual(['z3', 'z2', 'z4', 'z3']);
  });

  it('a transposed convolution takes only zeros', async () => {
    const el = await mount('<conv-transposed input="3" kernel="3" padding="1" padding-mode="reflect"></conv-transposed>');
    expect(part(el, 'error')!.textContent).toMatch(/zeros/);
  });
});

describe('the playground keeps padding-mode in its controls and its URL', () => {
  it('the select sets the attribute, the window shows the copies, and the URL holds it', async () => {
    const before = location.href;
    try {
      history.replaceState(null, '', `${location.pathname}?keep=1`);
      const el = await mount('<conv-explorer url-state input="5" kernel="3" padding="1"></conv-explorer>');
      const select = shadow(el).querySelector<HTMLSelectElement>('select[name="padding-mode"]')!;
      expect([...select.options].map((o) => o.value)).toEqual(['zeros', 'reflect', 'replicate', 'circular']);
      select.value = 'replicate';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(el.getAttribute('padding-mode')).toBe('replicate');
      expect(new URLSearchParams(location.search).get('padding-mode')).toBe('replicate');
      const win = shadow(el).querySelector('conv-window')!;
      await settle(win);
      expect(copiesOf(win)).toEqual(['z1', 'z5']);
      const again = await mount('<conv-explorer url-state></conv-explorer>');
      expect(again.getAttribute('padding-mode')).toBe('replicate');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it("a pasted layer with padding_mode='circular' sets the mode: the select shows it, disabled, and the window draws the copies", async () => {
    const el = await mount('<conv-explorer input="5"></conv-explorer>');
    const box = shadow(el).querySelector<HTMLInputElement>('input[name="layer"]')!;
    box.value = "nn.Conv1d(1, 1, 3, padding=1, padding_mode='circular', bias=False)";
    box.dispatchEvent(new Event('change'));
    await settle(el);
    const select = shadow(el).querySelector<HTMLSelectElement>('select[name="padding-mode"]')!;
    expect(select.value).toBe('circular');
    expect(select.disabled).toBe(true);
    const win = shadow(el).querySelector('conv-window')!;
    await settle(win);
    expect(copiesOf(win)).toEqual(['z5', 'z1']);
    expect(part(el, 'torch')!.textContent).toMatch(/padding_mode='circular'/);
  });
});
