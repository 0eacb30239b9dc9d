import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, shadow, snapshot } from './helpers.ts';

afterEach(cleanup);

function hover(target: Element): void {
  target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
}

describe('<conv-receptive-field>', () => {
  it("gives the lecture's receptive fields: 4 for k=2 s=2 twice, 7 with dilation 2, 15 for the TCN 1,2,4", async () => {
    const four = await mount('<conv-receptive-field kernel="2" stride="2"></conv-receptive-field>');
    expect(part(four, 'info')!.textContent).toMatch(/receptive field 4 = 4 input positions/);
    expect(part(four, 'verdict')!.dataset.verdict).toBe('pass');
    const seven = await mount('<conv-receptive-field kernel="2" stride="2" dilation="2"></conv-receptive-field>');
    expect(part(seven, 'info')!.textContent).toMatch(/receptive field 7 = 7 input positions/);
    const tcn = await mount('<conv-receptive-field kernel="3" dilation="1,2,4" input="20"></conv-receptive-field>');
    expect(part(tcn, 'info')!.textContent).toMatch(/receptive field 15 = 15/);
    await snapshot(tcn, 'conv-receptive-field');
  });

  it('lights the receptive field of a hovered neuron and fires highlight with its input positions', async () => {
    const el = await mount('<conv-receptive-field kernel="3" dilation="1,2" input="9"></conv-receptive-field>');
    const seen: Array<Record<string, unknown>> = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    const circles = [...shadow(el).querySelectorAll('circle')];
    // levels: 9 inputs, 7 after layer 1, 3 after layer 2 (k=3, d=2 spans 5); the last circle is the third top neuron
    expect(circles).toHaveLength(19);
    hover(circles[18]!);
    await settle(el);
    expect(seen.at(-1)).toMatchObject({ layer: 2, neuron: 2, inputs: [2, 3, 4, 5, 6, 7, 8] });
    expect(shadow(el).querySelectorAll('circle.on').length).toBe(7 + 3);
  });

  it('draws a 2D stack as grids and names a bad layer inline', async () => {
    const el = await mount('<conv-receptive-field kernel="3x3"></conv-receptive-field>');
    expect(part(el, 'info')!.textContent).toMatch(/5 × 5 = 25/);
    el.setAttribute('dilation', '1,q');
    await settle(el);
    expect(part(el, 'error')!.dataset.attribute).toBe('dilation');
    expect(part(el, 'info')).not.toBeNull();
  });
});

describe('<conv-checkerboard>', () => {
  it('shows uneven overlap for k=3, s=2 and even overlap for k=4, s=2, next to resize-then-convolve', async () => {
    const odd = await mount('<conv-checkerboard kernel="3" stride="2"></conv-checkerboard>');
    const bars = [...part(odd, 'transposed')!.querySelectorAll('.bar')].map((b) => Number(b.textContent));
    expect(bars).toEqual([1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1]);
    expect(part(odd, 'pattern')!.textContent).toMatch(/Uneven overlap \(1 and 2 taps\)/);
    expect(part(odd, 'verdict')!.dataset.verdict).toBe('pass');
    const resized = [...part(odd, 'resized')!.querySelectorAll('.bar')].map((b) => Number(b.textContent));
    expect(new Set(resized.slice(1, -1))).toEqual(new Set([3]));
    await snapshot(odd, 'conv-checkerboard');
    const even = await mount('<conv-checkerboard kernel="4" stride="2"></conv-checkerboard>');
    expect(part(even, 'pattern')!.textContent).toMatch(/Even overlap: every interior output receives 2 taps/);
  });

  it('hovering a position fires highlight with its count and outlines it', async () => {
    const el = await mount('<conv-checkerboard kernel="3" stride="2"></conv-checkerboard>');
    const seen: Array<Record<string, unknown>> = [];
    el.addEventListener('highlight', (e) => seen.push((e as CustomEvent).detail));
    const bars = [...part(el, 'transposed')!.querySelectorAll('.bar')];
    hover(bars[2]!);
    await settle(el);
    expect(seen.at(-1)).toMatchObject({ output: 2, count: 2 });
    expect(getComputedStyle(bars[2]!).outlineStyle).toBe('solid');
    expect(getComputedStyle(bars[3]!).outlineStyle).toBe('none');
  });

  it('draws a 2D heat map', async () => {
    const el = await mount('<conv-checkerboard kernel="3x3" stride="2"></conv-checkerboard>');
    const cells = [...part(el, 'transposed')!.querySelectorAll('.heat span')].map((c) => Number(c.textContent));
    expect(cells).toHaveLength(11 * 11);
    expect(new Set(cells)).toEqual(new Set([1, 2, 4]));
    expect(part(el, 'pattern')!.textContent).toMatch(/Uneven overlap \(1, 2 and 4 taps\)/);
    await snapshot(el, 'conv-checkerboard-2d');
  });
});

describe('<conv-separable>', () => {
  it("factors Sobel's kernel and counts the lecture's multiplications", async () => {
    const el = await mount('<conv-separable></conv-separable>');
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('81');
    expect(text).toContain('72');
    expect(text).toContain('86,400');
    expect(text).toContain('10,275');
    expect([...shadow(el).querySelectorAll('[part="verdict"]')].map((v) => (v as HTMLElement).dataset.verdict)).toEqual(['pass', 'pass']);
    await snapshot(el, 'conv-separable');
  });

  it("counts the lecture's second depthwise example and rejects a rank-2 kernel with the reason", async () => {
    const el = await mount('<conv-separable input="12x12" kernel="5x5" in-channels="3" out-channels="256" weights="[[1,2],[3,4]]"></conv-separable>');
    const text = shadow(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('1,228,800');
    expect(text).toContain('53,952');
    expect((shadow(el).querySelector('[part="verdict"]') as HTMLElement).dataset.verdict).toBe('fail');
    expect(text).toMatch(/not separable: rank ≥ 2/);
  });
});
