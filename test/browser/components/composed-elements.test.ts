import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, shadow, snapshot, visibleCells } from './helpers.ts';

afterEach(cleanup);

function hover(target: Element): void {
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
}

describe('<conv-derivation>', () => {
  it("derives the lecture's K z = … with collapsible steps and a passing verdict", async () => {
    const el = await mount('<conv-derivation topic="matrix" input="6" kernel="3"></conv-derivation>');
    expect(part(el, 'title')!.textContent).toMatch(/matrix/i);
    const steps = shadow(el).querySelectorAll('details[part="step"]');
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(visibleCells(el, 'p0')[0]).toEqual(['w1', 'w2', 'w3', '0', '0', '0']);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    await snapshot(el, 'conv-derivation');
    (steps[0] as HTMLDetailsElement).open = false;
    expect((steps[0] as HTMLDetailsElement).open).toBe(false);
  });

  it('links hover across the steps of the transposed derivation', async () => {
    const el = await mount('<conv-derivation topic="transposed" input="6" kernel="3"></conv-derivation>');
    const seen: Array<Record<string, unknown>> = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    hover(shadow(el).querySelector('.s0 .p0 .convmat-cell[data-row="2"]')!);
    await settle(el);
    expect(seen.at(-1)).toMatchObject({ output: 2, name: 'z9', inputs: [2, 3, 4] });
    const bg = (sel: string) => getComputedStyle(shadow(el).querySelector(sel)!).backgroundColor;
    expect(bg('.s0 .p1 .convmat-cell[data-row="3"]')).not.toBe(bg('.s0 .p1 .convmat-cell[data-row="0"]'));
  });

  it('shows the window derivation of the lecture example when no spec is given', async () => {
    const el = await mount('<conv-derivation topic="window"></conv-derivation>');
    expect(shadow(el).querySelectorAll('details[part="step"]').length).toBeGreaterThanOrEqual(9);
    el.setAttribute('topic', 'nonsense');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('topic');
  });
});

describe('<conv-explorer>', () => {
  it('composes the views, explains an invalid combination inline and keeps the views on the last valid spec', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3"></conv-explorer>');
    const matrix = shadow(el).querySelector('conv-matrix')!;
    await settle(matrix);
    expect(visibleCells(matrix, 'mK')).toHaveLength(4);
    const kernel = shadow(el).querySelector<HTMLInputElement>('input[name="kernel"]')!;
    kernel.value = '2';
    kernel.dispatchEvent(new Event('change'));
    await settle(el);
    await settle(matrix);
    expect(el.getAttribute('kernel')).toBe('2');
    expect(visibleCells(matrix, 'mK')).toHaveLength(5);
    const stride = shadow(el).querySelector<HTMLInputElement>('input[name="stride"]')!;
    stride.value = '2';
    stride.dispatchEvent(new Event('change'));
    await settle(el);
    const padding = shadow(el).querySelector<HTMLInputElement>('input[name="padding"]')!;
    padding.value = 'same';
    padding.dispatchEvent(new Event('change'));
    await settle(el);
    expect(part(el, 'error')!.textContent).toMatch(/"same" needs stride 1/);
    await settle(matrix);
    expect(visibleCells(matrix, 'mK')).toHaveLength(3); // stride 2 was valid and applied; "same" was not
    expect(part(matrix, 'error')).toBeNull();
  });

  it('links hover: an output row of the matrix moves the window to the same output', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3"></conv-explorer>');
    const matrix = shadow(el).querySelector('conv-matrix')!;
    const win = shadow(el).querySelector('conv-window') as HTMLElement & { step: number };
    await settle(matrix);
    await settle(win);
    // the hover goes to the current cell while polling: under a busy CPU the explorer may still
    // hand its views their attributes after they first settle, and a re-render replaces the cells
    const hoverRow3 = () => hover(shadow(matrix).querySelector('.mK .convmat-cell[data-row="3"]')!);
    hoverRow3();
    await expect.poll(() => { hoverRow3(); return el.getAttribute('active'); }, { timeout: 10_000 }).toBe('3');
    await settle(el);
    await settle(win);
    expect(win.step).toBe(3);
    const lit = [...part(win, 'output')!.querySelectorAll('.cell')].findIndex((c) => c.classList.contains('on'));
    expect(lit).toBe(3);
    await snapshot(el, 'conv-explorer');
  });

  it('shows the transposed forms when transposed is ticked', async () => {
    const el = await mount('<conv-explorer input="4" kernel="3" transposed></conv-explorer>');
    const t = shadow(el).querySelector('conv-transposed')!;
    await settle(t);
    expect(visibleCells(t, 'mp')).toHaveLength(6);
  });
});
