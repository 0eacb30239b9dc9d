import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, visibleCells } from './helpers.ts';

afterEach(cleanup);

const texts = (el: Element, sel: string) => [...shadow(el).querySelectorAll(sel)].map((x) => x.textContent!.trim());

describe('<conv-explorer>: the transposed checkbox, typing and the URL', () => {
  it('a click on "transposed" makes the views transposed, and output padding is then accepted', async () => {
    const el = await mount('<conv-explorer input="2" kernel="3" stride="2" padding="1"></conv-explorer>');
    const box = shadow(el).querySelector<HTMLInputElement>('input[name="transposed"]')!;
    await userEvent.click(box);
    await settle(el);
    expect(el.hasAttribute('transposed')).toBe(true);
    expect(box.checked).toBe(true);
    expect(shadow(el).querySelector('conv-transposed')).not.toBeNull();
    const size = () => [...part(el, 'output-size')!.querySelectorAll('.katex-html')].map((k) => k.textContent).join('').replace(/\s+/g, '');
    expect(size()).toMatch(/=3$/); // (2−1)·2 − 1 − 1 + 2 + 0 + 1
    const op = shadow(el).querySelector<HTMLInputElement>('input[name="output-padding"]')!;
    await userEvent.fill(op, '1');
    op.dispatchEvent(new Event('change'));
    await settle(el);
    expect(part(el, 'error')).toBeNull();
    expect(el.getAttribute('output-padding')).toBe('1');
    expect(size()).toMatch(/=4$/); // the lecture's 2×2 → 4×4 with output padding 1
    await userEvent.click(box);
    await settle(el);
    expect(el.hasAttribute('transposed')).toBe(false);
    // a regular convolution takes no output padding: it is dropped, and the status says so (issue 24)
    expect(part(el, 'error')).toBeNull();
    expect(el.hasAttribute('output-padding')).toBe(false);
    expect(part(el, 'status')!.textContent).toContain('output padding 1 dropped');
  });

  it('text fields apply as you type (debounced), without Enter', async () => {
    const el = await mount('<conv-explorer input="6" kernel="3"></conv-explorer>');
    const kernel = shadow(el).querySelector<HTMLInputElement>('input[name="kernel"]')!;
    await userEvent.fill(kernel, '2');
    await expect.poll(() => el.getAttribute('kernel'), { timeout: 2000 }).toBe('2');
    const matrix = shadow(el).querySelector('conv-matrix')!;
    await settle(el);
    await settle(matrix);
    expect(visibleCells(matrix, 'mK')).toHaveLength(5);
  });

  it('shows the output size with its formula and the numbers substituted', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3" stride="2" padding="1"></conv-explorer>');
    const text = [...part(el, 'output-size')!.querySelectorAll('.katex-html')].map((k) => k.textContent).join('').replace(/\s+/g, '');
    expect(text).toContain('5+1+1−2−1'); // ⌊(5 + 1 + 1 − 2 − 1)/2⌋ + 1
    expect(text.endsWith('=3')).toBe(true);
  });

  it('with url-state, the URL holds the spec: a link reproduces it and every change is written back', async () => {
    const before = location.href;
    try {
      history.replaceState(null, '', `${location.pathname}?keep=1`);
      const plain = await mount('<conv-explorer url-state input="6" kernel="3"></conv-explorer>');
      expect(location.search).toBe('?keep=1'); // the page's own spec leaves the address as it was
      plain.remove();
      history.replaceState(null, '', `${location.pathname}?keep=1&input=5x5&kernel=3x3&stride=2&transposed`);
      const el = await mount('<conv-explorer url-state input="6" kernel="3"></conv-explorer>');
      expect(el.getAttribute('input')).toBe('5x5');
      expect(el.getAttribute('stride')).toBe('2');
      expect(el.hasAttribute('transposed')).toBe(true);
      expect(shadow(el).querySelector<HTMLInputElement>('input[name="transposed"]')!.checked).toBe(true);
      const pad = shadow(el).querySelector<HTMLInputElement>('input[name="padding"]')!;
      pad.value = '1';
      pad.dispatchEvent(new Event('change'));
      await settle(el);
      const q = new URLSearchParams(location.search);
      expect(q.get('padding')).toBe('1');
      expect(q.get('keep')).toBe('1');
      expect(q.get('transposed')).toBe('');
      // the round trip: a second playground opened on this URL shows the same spec
      const again = await mount('<conv-explorer url-state></conv-explorer>');
      for (const a of ['input', 'kernel', 'stride', 'padding', 'transposed']) expect(again.getAttribute(a)).toBe(el.getAttribute(a));
      // an invalid value is not written to the URL
      pad.value = 'same';
      pad.dispatchEvent(new Event('change'));
      await settle(el);
      expect(part(el, 'error')).not.toBeNull();
      expect(new URLSearchParams(location.search).get('padding')).toBe('1');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});

describe('<conv-receptive-field>: k, s and d per layer through the spec attributes', () => {
  it('kernel="3" dilation="1,2,4" is the TCN stack (15), not the default', async () => {
    const el = await mount('<conv-receptive-field kernel="3" dilation="1,2,4" input="16"></conv-receptive-field>');
    expect(part(el, 'info')!.textContent).toMatch(/receptive field 15 = 15/);
    expect(texts(el, 'svg text:not(.end)')).toEqual(['input', 'layer 1', 'layer 2', 'layer 3']);
    expect(texts(el, 'svg text.end')).toEqual(['x₀', 'x₁₅', 'ŷ₀', 'ŷ₁']);
    el.setAttribute('stride', '2,1');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('stride');
    expect(part(el, 'error')!.textContent).toMatch(/2 values, one per layer, but dilation has 3/);
    expect(part(el, 'info')!.textContent).toMatch(/15/); // the last good stack stays
  });

  it('the lecture stacks: 4 for k = 2, s = 2; 7 with d = 2; a third layer through layers="3"', async () => {
    const four = await mount('<conv-receptive-field kernel="2" stride="2"></conv-receptive-field>');
    expect(part(four, 'info')!.textContent).toMatch(/receptive field 4 = 4/);
    const seven = await mount('<conv-receptive-field kernel="2" stride="2" dilation="2"></conv-receptive-field>');
    expect(part(seven, 'info')!.textContent).toMatch(/receptive field 7 = 7/);
    seven.setAttribute('layers', '3');
    await settle(seven);
    expect(part(seven, 'info')!.textContent).toMatch(/receptive field 15 = 15/); // 7 + 2·1·4
  });

  it('padding="causal" keeps every layer\'s length and connects each output to the present and the past only', async () => {
    const el = await mount('<conv-receptive-field kernel="3" dilation="1,2,4" padding="causal" input="16"></conv-receptive-field>');
    const circles = [...shadow(el).querySelectorAll('circle')];
    expect(circles).toHaveLength(4 * 16);
    const x = (c: Element) => Number(c.getAttribute('cx'));
    const y = (c: Element) => Number(c.getAttribute('cy'));
    const levelY = [...new Set(circles.map(y))].sort((a, b) => b - a); // input at the bottom
    for (const line of shadow(el).querySelectorAll('line')) {
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)));
      expect(levelY.indexOf(y1!)).toBe(levelY.indexOf(y2!) + 1);
      expect(x2!).toBeLessThanOrEqual(x1! + 1e-9); // an edge never reaches into the future
    }
    // the last output ŷ_T reads x_T … x_{T−14}: 15 inputs
    expect(texts(el, 'svg text.end')).toEqual(['x₀', 'x₁₅', 'ŷ₀', 'ŷ₁₅']); // x₀…x_T → ŷ₀…ŷ_T
    // the early outputs see only the start of the input; the verdict and the default highlight use a full one
    expect(part(el, 'info')!.textContent).toMatch(/receptive field 15 = 15/);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    const last = circles.filter((c) => y(c) === levelY[3]).sort((a, b) => x(a) - x(b)).at(-1)!;
    last.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await settle(el);
    const lit = circles.filter((c) => y(c) === levelY[0] && c.classList.contains('on'));
    expect(lit).toHaveLength(15);
  });

  it('an attribute it cannot use is an inline error naming it: kernel, active', async () => {
    const el = await mount('<conv-receptive-field kernel="3" dilation="1,2" input="9"></conv-receptive-field>');
    el.setAttribute('kernel', '3,0');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('kernel');
    expect(part(el, 'error')!.textContent).toMatch(/kernel\[1\]/);
    el.setAttribute('kernel', '3');
    el.setAttribute('active', 'abc');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('active');
    expect(part(el, 'error')!.textContent).toMatch(/must be an integer from 0 to 2/);
    el.setAttribute('active', '1');
    await settle(el);
    expect(part(el, 'error')).toBeNull();
  });
});

describe('<conv-checkerboard>: per-layer attributes', () => {
  const bars = (el: Element) => [...part(el, 'transposed')!.querySelectorAll('.bar')].map((b) => Number(b.textContent));

  it('a stack k = 3, 2 and s = 2, 1 counts paths: the second layer evens out the first', async () => {
    const el = await mount('<conv-checkerboard kernel="3,2" stride="2,1" input="5"></conv-checkerboard>');
    expect(bars(el)).toEqual([1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1]);
    expect(part(el, 'pattern')!.textContent).toMatch(/Even overlap: every interior output receives 3 paths/);
    const verdicts = [...shadow(el).querySelectorAll('[part="verdict"]')].map((v) => (v as HTMLElement).dataset.verdict);
    expect(verdicts).toEqual(['pass', 'pass']);
    expect(part(el, 'resized')).toBeNull();
  });

  it('k = 4, s = 3 (the controls\' example): uneven; bad lists and values are inline errors', async () => {
    const el = await mount('<conv-checkerboard kernel="4" stride="3"></conv-checkerboard>');
    expect(part(el, 'pattern')!.textContent).toMatch(/Uneven/);
    el.setAttribute('dilation', '1,2,3');
    el.setAttribute('stride', '2,2');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('stride');
    el.setAttribute('stride', 'two');
    el.setAttribute('dilation', '1');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('stride');
    expect(part(el, 'pattern')!.textContent).toMatch(/Uneven/); // the last good view stays
  });
});

describe('<conv-separable show>', () => {
  it('shows one table when asked, and names a wrong part inline', async () => {
    const el = await mount('<conv-separable show="factorisation" weights="[[1,0,-1],[2,0,-2],[1,0,-1]]"></conv-separable>');
    expect(part(el, 'factorisation')).not.toBeNull();
    expect(part(el, 'spatial-cost')).toBeNull();
    expect(part(el, 'depthwise-cost')).toBeNull();
    expect(shadow(el).textContent).not.toContain('86,400');
    el.setAttribute('show', 'depthwise');
    await settle(el);
    expect(part(el, 'factorisation')).toBeNull();
    expect(part(el, 'depthwise-cost')!.textContent).toContain('86,400');
    el.setAttribute('show', 'spatial, depthwise');
    await settle(el);
    expect(part(el, 'spatial-cost')).not.toBeNull();
    expect(part(el, 'depthwise-cost')).not.toBeNull();
    el.setAttribute('show', 'tables');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('show');
    expect(part(el, 'error')!.textContent).toMatch(/factorisation, spatial, depthwise/);
  });
});

describe('index attributes name themselves when they cannot be used', () => {
  it('<conv-window step="<img>"> explains the attribute and keeps the window; a valid step clears it', async () => {
    const el = await mount('<conv-window input="6" kernel="3"></conv-window>');
    el.setAttribute('step', '<img>');
    await settle(el);
    const error = part(el, 'error')!;
    expect(error.dataset.attribute).toBe('step');
    expect(error.textContent).toMatch(/must be a whole number from 0/);
    expect(error.textContent).toContain('<img>');
    expect(shadow(el).querySelector('img')).toBeNull();
    el.setAttribute('step', '2');
    await settle(el);
    expect(part(el, 'error')).toBeNull();
  });
});

describe('a spec attribute an element has no use for is refused, never ignored', () => {
  it('weights on a receptive field, groups on a checkerboard, dilation on the separable counts', async () => {
    for (const [markup, attr] of [
      ['<conv-receptive-field kernel="2" stride="2" weights="0.5,1"></conv-receptive-field>', 'weights'],
      ['<conv-checkerboard kernel="3" stride="2" groups="2"></conv-checkerboard>', 'groups'],
      ['<conv-separable input="7x7" kernel="3x3" dilation="2"></conv-separable>', 'dilation'],
    ] as const) {
      const el = await mount(markup);
      const error = part(el, 'error')!;
      expect(error.dataset.attribute, markup).toBe(attr);
      expect(error.textContent).toMatch(/is not used by <conv-[a-z-]+>, which reads/);
    }
  });
});
