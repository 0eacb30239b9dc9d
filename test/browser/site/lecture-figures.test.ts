import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { settle, shadow } from '../components/helpers.ts';
import { oracleConvTranspose } from '../../oracle.ts';
import { generateArchitecture } from '../../../docs/build/gen-architecture.ts';
import { attachControls } from '../../../docs/site/controls.ts';
import '../../../docs/site/site.css';
import oneD from '../../../docs/1d.html?raw';
import threeD from '../../../docs/3d.html?raw';
import transposed from '../../../docs/transposed.html?raw';
import twoD from '../../../docs/2d.html?raw';

/**
 * Issue 24, "Figures the lecture has that the site does not draw": each
 * lecture section is mounted from its page's own source, at 1280 and 390 px,
 * and the drawing it must hold is checked against sizes worked out by hand
 * and, for the overlap counts, against the independent oracle (test/oracle.ts).
 */
afterEach(() => { for (const h of document.querySelectorAll('.test-host')) h.remove(); });

const WIDTHS = [1280, 390] as const;

/** The section `id` of a docs page, mounted in a `main` as wide as the viewport, every element settled. */
async function mountSection(source: string, id: string | string[], width: number): Promise<HTMLElement> {
  await page.viewport(width, 900);
  // generated sections are filled in as the docs build fills them (docs/build/render-page.ts)
  const doc = new DOMParser().parseFromString(source.replace('<div data-generate="architecture"></div>', generateArchitecture()), 'text/html');
  const host = document.createElement('main');
  host.className = 'test-host';
  host.style.cssText = 'display:block;max-width:100%;margin:0;padding:0 8px;box-sizing:border-box;font:16px system-ui';
  for (const one of [id].flat()) {
    const section = doc.getElementById(one);
    if (!section) throw new Error(`no section #${one}`);
    host.append(document.importNode(section, true));
  }
  document.body.append(host);
  for (const el of host.querySelectorAll('*')) if (el.localName.startsWith('conv-')) await settle(el);
  await new Promise((r) => setTimeout(r, 100));
  return host;
}

/** The page has no horizontal scroll: whatever is wider than the screen scrolls inside its own box. */
function noPageOverflow(host: HTMLElement): void {
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  for (const el of host.querySelectorAll<HTMLElement>('*')) {
    if (!el.localName.startsWith('conv-')) continue;
    expect(el.getBoundingClientRect().right, el.outerHTML.slice(0, 80)).toBeLessThanOrEqual(window.innerWidth + 0.5);
  }
}

const grids = (el: Element, p: string) => [...shadow(el).querySelectorAll(`[part="${p}"] [part="grid"]`)];

describe.each(WIDTHS)('at %i px', (width) => {
  it('3d.html, the 3×3×3 volume: a window drawn as slices, 2×2×2 = 8 positions into a 2×2×2 output', async () => {
    const host = await mountSection(threeD, 'ex-3x3x3', width);
    const win = host.querySelector('conv-window[input="3x3x3"][kernel="2x2x2"]');
    expect(win, 'a <conv-window> in the 3×3×3 example').not.toBeNull();
    expect(grids(win!, 'input').map((g) => g.getAttribute('data-shape'))).toEqual(['3x3x3']);
    expect(grids(win!, 'output').map((g) => g.getAttribute('data-shape'))).toEqual(['2x2x2']);
    // (3 − 2)/1 + 1 = 2 per axis: 8 positions; the kernel covers 2·2·2 = 8 inputs in two slices
    expect(shadow(win!).querySelector('[part="controls"]')!.textContent).toMatch(/position 1 of 8/);
    const on = [...shadow(win!).querySelectorAll('[part="input"] [part="cell"].on')];
    expect(on).toHaveLength(8);
    expect(new Set(on.map((c) => c.parentElement))).toHaveProperty('size', 2);
    noPageOverflow(host);
  });

  it('1d.html, the accelerometer: three channel rows stacked, the window covering all three', async () => {
    const host = await mountSection(oneD, 'ex-accelerometer', width);
    const win = host.querySelector('conv-window[in-channels="3"]');
    expect(win, 'a <conv-window> with 3 input channels').not.toBeNull();
    const rows = grids(win!, 'input');
    expect(rows.map((g) => g.getAttribute('data-shape'))).toEqual(['6', '6', '6']);
    // stacked: one above the other, same left edge
    const boxes = rows.map((g) => g.getBoundingClientRect());
    expect(boxes[1]!.top).toBeGreaterThan(boxes[0]!.bottom - 1);
    expect(boxes[2]!.top).toBeGreaterThan(boxes[1]!.bottom - 1);
    expect(Math.abs(boxes[0]!.left - boxes[2]!.left)).toBeLessThan(1);
    // the window spans the depth: 2 taps in each of the 3 channels, 6 - 2 + 1 = 5 outputs
    expect(rows.map((g) => g.querySelectorAll('.on').length)).toEqual([2, 2, 2]);
    expect(shadow(win!).querySelectorAll('[part="output"] [part="cell"]')).toHaveLength(5);
    noPageOverflow(host);
  });

  it('transposed.html: stacked transposed convolutions, counted as the oracle counts them, compound the checkerboard', async () => {
    const host = await mountSection(transposed, 'ex-checker-stack', width);
    const stacks = [...host.querySelectorAll('conv-checkerboard')].filter((e) => (e.getAttribute('kernel') ?? '').includes(','));
    expect(stacks.length).toBeGreaterThanOrEqual(2);
    for (const el of stacks) {
      const kernels = el.getAttribute('kernel')!.split(',').map((k) => k.split('x').map(Number));
      const strides = el.getAttribute('stride')!.split(',').map(Number);
      const n = el.getAttribute('input')!.split('x').map(Number);
      // every input and weight 1, through the oracle's transposed convolution, layer after layer
      let x = { data: new Array<number>(n.reduce((a, b) => a * b, 1)).fill(1), shape: [1, ...n] };
      kernels.forEach((k, l) => {
        const w = { data: new Array<number>(k.reduce((a, b) => a * b, 1)).fill(1), shape: [1, 1, ...k] };
        x = oracleConvTranspose(x, w, { stride: k.map(() => strides[l]!) });
      });
      const plot = shadow(el).querySelector('[part="transposed"] [role="img"]')!;
      const drawn = [...plot.children].map((c) => Number(c.textContent));
      expect(drawn, el.outerHTML).toEqual(x.data);
      const box = plot.getBoundingClientRect();
      // the plot fits the screen, or scrolls inside its own box
      if (box.right > window.innerWidth) expect(getComputedStyle(plot.closest('.scroll')!).overflowX).toMatch(/auto|scroll/);
    }
    // three layers k = 3, s = 2 from 4 inputs: 39 outputs; inside, 1 to 5 paths, repeating every 8 (worked out by hand)
    const three = stacks.find((e) => e.getAttribute('kernel') === '3,3,3')!;
    const bars = [...shadow(three).querySelector('[part="transposed"] [role="img"]')!.children].map((c) => Number(c.textContent));
    expect(bars).toHaveLength(39);
    expect(bars.slice(7, 15)).toEqual([1, 4, 3, 5, 2, 5, 3, 4]);
    expect(bars.slice(15, 23)).toEqual([1, 4, 3, 5, 2, 5, 3, 4]);
    // a stride 1 layer with kernel 2 after k = 3, s = 2 evens it out: 3 inside
    const even = stacks.find((e) => e.getAttribute('kernel') === '3,2')!;
    expect(shadow(even).querySelector('[part="pattern"]')!.textContent).toMatch(/Even overlap: every interior output receives 3/);
    noPageOverflow(host);
  });

  it('1d.html, the classifier: every layer drawn with its shape, GAP and the dense layer as typeset matrices', async () => {
    const host = await mountSection(oneD, 'ex-classifier', width);
    const layers = [...host.querySelectorAll<HTMLElement>('.arch-layer')];
    // worked out by hand: 12 − 5 + 1 = 8, 8 − 3 + 1 = 6, 6 − 3 + 1 = 4; GAP keeps the 2 channels; 3 classes
    expect(layers.map((l) => l.querySelector('.arch-shape')!.textContent)).toEqual(['3 × 12', '4 × 8', '4 × 6', '2 × 4', '2', '3', '3']);
    expect(layers.map((l) => l.dataset.kind)).toEqual(['input', 'conv', 'conv', 'conv', 'gap', 'dense', 'softmax']);
    // the boxes are drawn to scale: height by channels, width by time steps
    const box = (i: number) => layers[i]!.querySelector('.arch-box')!.getBoundingClientRect();
    expect(box(1).height / box(0).height).toBeCloseTo(4 / 3, 1);
    expect(box(0).width / box(1).width).toBeCloseTo(12 / 8, 1);
    expect(box(4).height / box(3).height).toBeCloseTo(1, 1);
    for (const l of layers) expect(l.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
    // G, W and W·G are typeset, and the checks are shown
    const eqs = [...host.querySelectorAll('.arch-eq .katex-display')];
    expect(eqs).toHaveLength(3);
    expect(eqs[0]!.querySelector('.katex-mathml')!.textContent).toMatch(/G/);
    expect([...host.querySelectorAll('.arch-verdict')].map((v) => v.getAttribute('data-verdict'))).toEqual(['pass', 'pass']);
    noPageOverflow(host);
  });
});

/** Text of the typeset matrix cells and equations under `root`, shadow roots included (the light HTML of a cell, or KaTeX's). */
function typesetTexts(root: ParentNode): string[] {
  const out: string[] = [];
  for (const k of root.querySelectorAll('.convmat-cell, .katex-html')) {
    if (k.classList.contains('katex-html') && k.closest('.convmat-cell')) continue;
    const shown = k.classList.contains('convmat-cell') ? (k.querySelector('.katex-html') ?? k) : k;
    out.push((shown.textContent ?? '').replace(/[\s\u200b]+/g, ''));
  }
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...typesetTexts(el.shadowRoot));
  return out;
}

/** Waits until every derivation and matrix in `host` has typeset its deferred parts. */
async function typesetDone(host: HTMLElement): Promise<void> {
  for (const d of host.querySelectorAll('conv-derivation, conv-matrix')) {
    for (let i = 0; i < 60 && d.shadowRoot?.querySelector('[part="placeholder"]'); i++) await new Promise((r) => setTimeout(r, 50));
    await settle(d);
  }
  await new Promise((r) => setTimeout(r, 300));
}

describe.each(WIDTHS)('K·z is typeset once where an element and its derivation follow each other (%i px)', (width) => {
  // the first output of each example, from the lecture's printed products
  const cases: Array<[string, string, string[], string]> = [
    ['2d.html, 4×4 and 3×3', twoD, ['ex-4x4-symbolic', 'ex-4x4-blocks'], 'w1z1+w2z2+w3z3+w4z5+w5z6+w6z7+w7z9+w8z10+w9z11'],
    ['3d.html, 3×3×3 and 2×2×2', threeD, ['ex-3x3x3', 'ex-3d-blocks'], 'w1z1+w2z2+w3z4+w4z5+w5z10+w6z11+w7z13+w8z14'],
    ['transposed.html, Example 3, K', transposed, ['ex-3-conv'], 'w1z1+w2z2+w3z3'],
    ['transposed.html, Example 3, Kᵀ', transposed, ['ex-3-transposed'], 'w2z7+w1z8'],
  ];
  it.each(cases)('%s', async (_name, source, ids, first) => {
    const host = await mountSection(source, ids, width);
    await typesetDone(host);
    // the element shows the product…
    const matrix = host.querySelector('conv-matrix[show="equation"]')!;
    expect(typesetTexts(matrix.shadowRoot!).filter((t) => t.includes(first))).toHaveLength(1);
    // …and the derivation's product step refers to it instead of typesetting it again
    const derivation = host.querySelector('conv-derivation')!;
    const step = [...derivation.shadowRoot!.querySelectorAll('[part="step"]')].find((s) => /times the input/.test(s.querySelector('summary')!.textContent ?? ''));
    expect(step, 'the product step').toBeDefined();
    expect(typesetTexts(step!)).toEqual([]);
    expect(step!.textContent).toMatch(/shown just above/);
    expect(typesetTexts(derivation.shadowRoot!).filter((t) => t.includes(first)).length).toBeLessThanOrEqual(1);
  });
});

it('a derivation tweaked away from the example above typesets its own product again, and refers to it after a reset', async () => {
  const host = await mountSection(transposed, 'ex-3-conv', 1280);
  const d = host.querySelector<HTMLElement>('conv-derivation')!;
  const panel = attachControls(d)!;
  const productStep = () => [...d.shadowRoot!.querySelectorAll('[part="step"]')].find((s) => /times the input/.test(s.querySelector('summary')!.textContent ?? ''))!;
  const kernel = panel.querySelector<HTMLInputElement>('[data-attribute="kernel"] input[type="range"]')!;
  kernel.value = '2';
  kernel.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await typesetDone(host);
  expect(d.hasAttribute('product-shown')).toBe(false);
  // kernel 2 over 6 inputs: 5 outputs, the first w1z1 + w2z2
  expect(typesetTexts(productStep())).toContain('w1z1+w2z2');
  panel.querySelector<HTMLButtonElement>('.control-reset')!.click();
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  await typesetDone(host);
  expect(d.hasAttribute('product-shown')).toBe(true);
  expect(typesetTexts(productStep())).toEqual([]);
});
