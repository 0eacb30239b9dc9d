import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../components/helpers.ts';
import { settle, visibleCells } from '../components/helpers.ts';
import { attachControls } from '../../../docs/site/controls.ts';

/**
 * Issue 24: every tweaked "Try other values" example is written to the page
 * URL under its key (its live slot's position), so it can be shared like the
 * playground, and a link restores it with its panel open.
 */
const start = location.href;
afterEach(() => {
  for (const h of document.querySelectorAll('.site-test')) h.remove();
  history.replaceState(null, '', start);
});

/** Two live slots, as on a docs page; returns the element of the second (key ex2). */
function mountSecondExample(markup: string): HTMLElement {
  const h = document.createElement('div');
  h.className = 'site-test';
  h.innerHTML = `<div class="live"><p>first example</p></div><div class="live">${markup}</div>`;
  document.body.append(h);
  return h.querySelectorAll('.live')[1]!.firstElementChild as HTMLElement;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const params = () => Object.fromEntries(new URLSearchParams(location.search));

async function slide(panel: HTMLElement, attr: string, value: number): Promise<void> {
  const s = panel.querySelector<HTMLInputElement>(`[data-attribute="${attr}"] input[type="range"]`)!;
  s.value = String(value);
  s.dispatchEvent(new Event('input'));
  await frame();
}

describe('"Try other values" in the URL', () => {
  it('each change is written under the example\'s key, other parameters kept; reset removes them', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1`);
    const el = mountSecondExample('<conv-matrix input="5" kernel="3"></conv-matrix>');
    await settle(el);
    const panel = attachControls(el)!;
    panel.open = true;
    expect(params()).toEqual({ keep: '1' });
    await slide(panel, 'padding', 1);
    await slide(panel, 'stride', 2);
    const select = panel.querySelector<HTMLSelectElement>('[data-attribute="padding-mode"] select')!;
    select.value = 'circular';
    select.dispatchEvent(new Event('change'));
    await frame();
    expect(params()).toEqual({ keep: '1', 'ex2.padding': '1', 'ex2.stride': '2', 'ex2.padding-mode': 'circular' });
    await slide(panel, 'stride', 1); // back to the lecture's value: no longer a change
    expect(params()).toEqual({ keep: '1', 'ex2.padding': '1', 'ex2.padding-mode': 'circular' });
    await userEvent.click(panel.querySelector<HTMLButtonElement>('.control-reset')!);
    expect(params()).toEqual({ keep: '1' });
  });

  it('a link restores the example: its attributes, the sliders and select showing them, the panel open', async () => {
    history.replaceState(null, '', `${location.pathname}?ex2.padding=1&ex2.padding-mode=reflect&ex1.kernel=9`);
    const el = mountSecondExample('<conv-matrix input="5" kernel="3"></conv-matrix>');
    await settle(el);
    const panel = attachControls(el)!;
    await settle(el);
    expect(panel.open).toBe(true);
    expect(el.getAttribute('padding')).toBe('1');
    expect(el.getAttribute('padding-mode')).toBe('reflect');
    expect(el.getAttribute('kernel')).toBe('3'); // ex1's parameter is another example's
    expect(panel.querySelector<HTMLInputElement>('[data-attribute="padding"] input[type="range"]')!.value).toBe('1');
    expect(panel.querySelector<HTMLSelectElement>('[data-attribute="padding-mode"] select')!.value).toBe('reflect');
    expect(visibleCells(el, 'mK')[0]).toEqual(['w2', 'w1+w3', '0', '0', '0']);
  });
});
