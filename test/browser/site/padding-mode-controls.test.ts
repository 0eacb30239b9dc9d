import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/helpers.ts';
import { settle, visibleCells } from '../components/helpers.ts';
import { attachControls } from '../../../docs/site/controls.ts';

/** "Try other values" offers PyTorch's padding mode where an example has padding, as a choice of four words. */
afterEach(() => {
  for (const h of document.querySelectorAll('.site-test')) h.remove();
});

function mountExample(markup: string): HTMLElement {
  const h = document.createElement('div');
  h.className = 'site-test';
  h.innerHTML = markup;
  document.body.append(h);
  return h.firstElementChild as HTMLElement;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

describe('the padding-mode control of the example panels', () => {
  it('a padded example gets a select; choosing reflect sums the border entries; reset removes the attribute', async () => {
    const el = mountExample('<conv-matrix input="5" kernel="3" padding="1"></conv-matrix>');
    await settle(el);
    const panel = attachControls(el)!;
    panel.open = true;
    const select = panel.querySelector<HTMLSelectElement>('[data-attribute="padding-mode"] select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['zeros', 'reflect', 'replicate', 'circular']);
    expect(select.value).toBe('zeros');
    expect(visibleCells(el, 'mK')[0]).toEqual(['w2', 'w3', '0', '0', '0']);
    select.value = 'reflect';
    select.dispatchEvent(new Event('change'));
    await frame();
    await settle(el);
    expect(el.getAttribute('padding-mode')).toBe('reflect');
    expect(visibleCells(el, 'mK')[0]).toEqual(['w2', 'w1+w3', '0', '0', '0']);
    await userEvent.click(panel.querySelector<HTMLButtonElement>('.control-reset')!);
    await settle(el);
    expect(el.hasAttribute('padding-mode')).toBe(false);
    expect(select.value).toBe('zeros');
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px, an example without padding offers the mode too: the 2D 5×5 window slides to padding 1 and reflects`, async () => {
      await page.viewport(width, 900);
      const el = mountExample('<conv-window input="5x5" kernel="3x3"></conv-window>');
      await settle(el);
      const panel = attachControls(el)!;
      panel.open = true;
      const select = panel.querySelector<HTMLSelectElement>('[data-attribute="padding-mode"] select')!;
      expect(select.getBoundingClientRect().width).toBeGreaterThan(0);
      expect(select.getBoundingClientRect().right).toBeLessThanOrEqual(document.documentElement.clientWidth);
      select.value = 'reflect';
      select.dispatchEvent(new Event('change'));
      const slider = panel.querySelector<HTMLInputElement>('[data-attribute="padding"] input[type="range"]')!;
      slider.value = '1';
      slider.dispatchEvent(new Event('input'));
      await frame();
      await settle(el);
      expect(el.getAttribute('padding')).toBe('1');
      expect(el.getAttribute('padding-mode')).toBe('reflect');
      expect(el.shadowRoot!.querySelector('[part~="error"]')).toBeNull();
      // the 7×7 padded input: 24 padding cells, each a copy of an input (reflect mirrors about the edge: the corner copies z7)
      const pads = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="input"] [part="cell"][data-kind="padding"]')];
      expect(pads.length).toBe(24);
      expect(pads.every((c) => c.dataset.copies !== undefined)).toBe(true);
      expect(pads[0]!.dataset.copies).toBe('z7');
    });
  }
});

describe('no padding mode on a transposed example', () => {
  it('a transposed convolution pads only with zeros: its panel offers no mode', async () => {
    const el = mountExample('<conv-matrix input="3" kernel="3" stride="2" transposed></conv-matrix>');
    await settle(el);
    expect(attachControls(el)!.querySelector('[data-attribute="padding-mode"]')).toBeNull();
  });
});

describe('the derivation and the im2col examples of the issue-13 pages', () => {
  const choose = async (panel: HTMLDetailsElement, attr: string, value: string) => {
    const select = panel.querySelector<HTMLSelectElement>(`[data-attribute="${attr}"] select`)!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await frame();
  };

  it('a padded gradient derivation offers the mode; with reflect its verdicts still pass', async () => {
    const el = mountExample('<conv-derivation topic="gradient" input="4" kernel="3" padding="1"></conv-derivation>');
    await settle(el);
    const panel = attachControls(el)!;
    expect([...panel.querySelectorAll<HTMLSelectElement>('[data-attribute="padding-mode"] option')].map((o) => o.value))
      .toEqual(['zeros', 'reflect', 'replicate', 'circular']);
    await choose(panel, 'padding-mode', 'reflect');
    await settle(el);
    expect(el.getAttribute('padding-mode')).toBe('reflect');
    const verdicts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="verdict"]')].map((v) => v.dataset.verdict);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts).not.toContain('fail');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).toBeNull();
  });

  it('an im2col matrix offers the form: conv shows K (weights), reset brings Z back', async () => {
    const el = mountExample('<conv-matrix input="6" kernel="3" form="im2col" show="equation"></conv-matrix>');
    await settle(el);
    const panel = attachControls(el)!;
    panel.open = true;
    expect(visibleCells(el, 'mK')[0]).toEqual(['z1', 'z2', 'z3']);
    await choose(panel, 'form', 'conv');
    await settle(el);
    expect(visibleCells(el, 'mK')[0]).toEqual(['w1', 'w2', 'w3', '0', '0', '0']);
    await userEvent.click(panel.querySelector<HTMLButtonElement>('.control-reset')!);
    await settle(el);
    expect(el.getAttribute('form')).toBe('im2col');
    expect(visibleCells(el, 'mK')[0]).toEqual(['z1', 'z2', 'z3']);
  });
});
