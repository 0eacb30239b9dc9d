import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
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

  it('an example without padding offers no mode (it would change nothing)', async () => {
    const el = mountExample('<conv-matrix input="5" kernel="3"></conv-matrix>');
    await settle(el);
    expect(attachControls(el)!.querySelector('[data-attribute="padding-mode"]')).toBeNull();
  });
});
