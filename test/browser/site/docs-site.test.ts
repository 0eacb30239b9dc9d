import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/helpers.ts';
import { part, settle, shadow, visibleCells } from '../components/helpers.ts';
import { attachControls } from '../../../docs/site/controls.ts';
import { hydrate, hydrateAll } from '../../../docs/site/hydrate.ts';
import siteCss from '../../../docs/site/site.css?raw';
import { mountIdentityPanels } from '../../../docs/site/identity-panel.ts';

afterEach(() => {
  for (const h of document.querySelectorAll('.site-test')) h.remove();
  delete document.documentElement.dataset.hydrated;
  delete document.documentElement.dataset.hydratedView;
});

function host(markup: string): HTMLElement {
  const h = document.createElement('div');
  h.className = 'site-test';
  h.innerHTML = markup;
  document.body.append(h);
  return h;
}

/** What a user does with a slider: set its value and fire `input` (as dragging does, before any `change`). */
function drag(slider: HTMLInputElement, value: number): void {
  slider.value = String(value);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

describe('example controls', () => {
  it('a slider re-renders the element as it is dragged, shows the output size formula, and reset restores the lecture\'s values', async () => {
    await page.viewport(1100, 900);
    const h = host('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>');
    const el = h.querySelector('conv-matrix')!;
    await settle(el);
    const panel = attachControls(el as HTMLElement)!;
    panel.open = true;
    expect(visibleCells(el, 'mK')).toHaveLength(4);
    expect(panel.querySelector('.output-size')!.textContent).toBe('o = ⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1 = ⌊(6 + 0 + 0 − 2 − 1)/1⌋ + 1 = 4');
    const kernel = panel.querySelector<HTMLInputElement>('[data-attribute="kernel"] input[type="range"]')!;
    drag(kernel, 2);
    await frame();
    await settle(el);
    expect(el.getAttribute('kernel')).toBe('2');
    expect(visibleCells(el, 'mK')).toHaveLength(5);
    const stride = panel.querySelector<HTMLInputElement>('[data-attribute="stride"] input[type="range"]')!;
    drag(stride, 2);
    await frame();
    await settle(el);
    expect(el.getAttribute('stride')).toBe('2');
    expect(visibleCells(el, 'mK')).toHaveLength(3);
    expect(panel.querySelector('.output-size')!.textContent).toContain('⌊(6 + 0 + 0 − 1 − 1)/2⌋ + 1 = 3');
    await userEvent.click(panel.querySelector<HTMLButtonElement>('.control-reset')!);
    await settle(el);
    expect(el.getAttribute('kernel')).toBe('3');
    expect(el.hasAttribute('stride')).toBe(false);
    expect(visibleCells(el, 'mK')).toHaveLength(4);
    expect(kernel.value).toBe('3');
  });

  it('one slider per axis of 5x5, and the example\'s own weights step aside while the sizes differ', async () => {
    const h = host('<conv-window input="5x5" kernel="3x3" weights="[[0,1,2],[2,2,0],[0,1,2]]"></conv-window>');
    const el = h.querySelector('conv-window')!;
    await settle(el);
    const panel = attachControls(el as HTMLElement)!;
    const inputs = panel.querySelectorAll<HTMLInputElement>('[data-attribute="input"] input[type="range"]');
    expect(inputs).toHaveLength(2);
    drag(panel.querySelectorAll<HTMLInputElement>('[data-attribute="kernel"] input[type="range"]')[1]!, 2);
    await frame();
    await settle(el);
    expect(el.getAttribute('kernel')).toBe('3x2');
    expect(el.hasAttribute('weights')).toBe(false);
    expect(part(el, 'error')).toBeNull();
    drag(panel.querySelectorAll<HTMLInputElement>('[data-attribute="kernel"] input[type="range"]')[1]!, 3);
    await frame();
    expect(el.getAttribute('weights')).toBe('[[0,1,2],[2,2,0],[0,1,2]]');
  });

  it('per-layer lists get one slider per layer (receptive field: try k = 4, s = 3)', async () => {
    const h = host('<conv-receptive-field kernel="2" stride="2" input="8"></conv-receptive-field>');
    const el = h.querySelector('conv-receptive-field')!;
    await settle(el);
    const panel = attachControls(el as HTMLElement)!;
    drag(panel.querySelector<HTMLInputElement>('[data-attribute="kernel"] input[type="range"]')!, 4);
    drag(panel.querySelector<HTMLInputElement>('[data-attribute="stride"] input[type="range"]')!, 3);
    drag(panel.querySelector<HTMLInputElement>('[data-attribute="input"] input[type="range"]')!, 16);
    await frame();
    await settle(el);
    expect(part(el, 'info')!.textContent).toMatch(/receptive field 13 = 13/); // 1 + 3 + 3·3
  });
});

describe('hydration and printing', () => {
  const slot = (markup: string) => `<div class="live" data-tag="x"><div class="fallback">static</div><template>${markup}</template></div>`;

  it('a live example gets its controls; before printing, every slot goes live', async () => {
    await page.viewport(1100, 600);
    const h = host(`${slot('<conv-matrix input="4" kernel="2"></conv-matrix>')}<div style="height:4000px"></div>${slot('<conv-checkerboard kernel="3" stride="2"></conv-checkerboard>')}`);
    await hydrate(document);
    const [first, second] = [...h.querySelectorAll<HTMLElement>('.live')];
    expect(first!.classList.contains('is-live')).toBe(true);
    expect(first!.querySelector('.example-controls')).not.toBeNull();
    expect(second!.classList.contains('is-live')).toBe(false);
    expect(second!.querySelector('.fallback')!.textContent).toBe('static');
    window.dispatchEvent(new Event('beforeprint'));
    await expect.poll(() => second!.classList.contains('is-live'), { timeout: 3000 }).toBe(true);
    const board = second!.querySelector('conv-checkerboard')!;
    await settle(board);
    expect(shadow(board).querySelectorAll('.bar').length).toBeGreaterThan(0);
  });

  it('a shared link to a tweaked example makes it live first, restored and scrolled to (issue 24)', async () => {
    await page.viewport(1100, 600);
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?ex2.padding=1`);
    try {
      const h = host(`${slot('<conv-matrix input="4" kernel="2"></conv-matrix>')}<div style="height:4000px"></div>${slot('<conv-matrix input="5" kernel="3"></conv-matrix>')}<div style="height:4000px"></div>`);
      await hydrate(document);
      const second = h.querySelectorAll<HTMLElement>('.live')[1]!;
      expect(second.classList.contains('is-live')).toBe(true);
      const el = second.querySelector('conv-matrix')!;
      await settle(el);
      expect(el.getAttribute('padding')).toBe('1');
      expect(second.querySelector<HTMLDetailsElement>('.example-controls')!.open).toBe(true);
      const r = second.getBoundingClientRect();
      expect(r.top).toBeLessThan(innerHeight);
      expect(r.bottom).toBeGreaterThan(0);
    } finally {
      history.replaceState(null, '', before);
      scrollTo(0, 0);
    }
  });
});

describe('a block that content-visibility skips', () => {
  const slot = (markup: string) => `<div class="live" data-tag="x"><div class="fallback">static</div><template>${markup}</template></div>`;

  it('around an element that renders while far below the fold, takes the size of the finished drawing (nothing runs over the next section)', async () => {
    await page.viewport(1100, 600);
    const h = host(`<style>${siteCss}</style><main><div style="height:5000px"></div><section id="far">${slot('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1" output-padding="1" inputs="h17,h18,h19,h20"></conv-transposed>')}</section><h2 id="after">next</h2></main>`);
    await hydrate(document);
    await hydrateAll(document);
    const el = h.querySelector('conv-transposed')!;
    await settle(el);
    for (let i = 0; i < 4; i++) await frame();
    const section = h.querySelector('#far')!.getBoundingClientRect();
    const drawn = el.getBoundingClientRect();
    expect(drawn.height).toBeGreaterThan(500);
    expect(section.bottom).toBeGreaterThanOrEqual(drawn.bottom - 1);
    expect(h.querySelector('#after')!.getBoundingClientRect().top).toBeGreaterThanOrEqual(drawn.bottom - 1);
  });
});

describe('identities panel', () => {
  it('a running check can be cancelled, and the next check starts a fresh worker', async () => {
    const h = host('<div class="identity-live" data-identity="matrix-equals-sliding-window" data-spec=\'{"input":6,"kernel":3}\'><p class="fallback">static</p></div>');
    await mountIdentityPanels(document, 60_000);
    const verdict = () => h.querySelector<HTMLElement>('.identity-verdict');
    expect(verdict()!.dataset.verdict).toBe('pass');
    const [check, , cancel] = [...h.querySelectorAll('button')] as HTMLButtonElement[];
    expect(cancel!.hidden).toBe(true);
    h.querySelector('textarea')!.value = '{"input":"48x48","kernel":"3x3"}';
    check!.click();
    expect(cancel!.hidden).toBe(false);
    expect(check!.disabled).toBe(true);
    cancel!.click();
    await expect.poll(() => h.querySelector('.identity-stopped')?.textContent).toBe('Check stopped: cancelled.');
    expect(cancel!.hidden).toBe(true);
    expect(check!.disabled).toBe(false);
    h.querySelector('textarea')!.value = '{"input":5,"kernel":2}';
    check!.click();
    await expect.poll(() => verdict()?.dataset.verdict, { timeout: 10_000 }).toBe('pass');
  });

  it('a failing check lists its differing entries with both sides and their difference', async () => {
    const h = host('<div class="identity-live" data-identity="checkerboard-divisibility" data-spec=\'{"input":6,"kernel":3,"stride":2}\'></div>');
    await mountIdentityPanels(document, 60_000);
    expect(h.querySelector<HTMLElement>('[part="verdict"]')!.dataset.verdict).toBe('fail');
    const items = [...h.querySelectorAll('.identity-result li')].map((li) => li.textContent);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/^position \(\d+\): [12] ≠ 3\/2 \(difference -?1\/2\)$/);
  });

  it('a check that runs past the time limit is stopped with a message', async () => {
    const h = host('<div class="identity-live" data-identity="matrix-equals-sliding-window" data-spec=\'{"input":"160x160","kernel":"3x3"}\'></div>');
    await mountIdentityPanels(document, 20);
    expect(h.querySelector('.identity-stopped')!.textContent).toMatch(/Check stopped: stopped after 0\.02 s; try a smaller spec/);
  });
});
