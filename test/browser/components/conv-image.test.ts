import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, mount, part, settle, shadow } from './helpers.ts';
import { pictureCanvas } from './picture.ts';
import type { ConvImageElement } from '../../../components/conv-image/conv-image.ts';
import type { HighlightDetail } from '../../../components/shared/conv-element.ts';

/**
 * <conv-image> against computations written here: a picture drawn on a
 * canvas in the test (a data: URL), the Sobel response and a transposed
 * convolution's scatter computed by plain loops.
 */
afterEach(cleanup);

/** An h×w picture as a PNG data URL, gray level (0…255) per pixel from `f`. */
function picture(h: number, w: number, f: (y: number, x: number) => number): string {
  return pictureCanvas(h, w, f).toDataURL('image/png');
}

async function mountLoaded(markup: string): Promise<ConvImageElement> {
  const el = await mount<ConvImageElement>(markup);
  for (let i = 0; i < 50 && !el.result && !part(el, 'error'); i++) { await new Promise((r) => setTimeout(r, 20)); await settle(el); }
  return el;
}

const SOBEL = [[1, 0, -1], [2, 0, -2], [1, 0, -1]];
// an 8×8 vertical edge: columns 0-3 black, 4-7 white
const EDGE = (_y: number, x: number) => (x >= 4 ? 255 : 0);

describe('<conv-image>', () => {
  it('computes the Sobel response on a vertical edge', async () => {
    const el = await mountLoaded(`<conv-image src="${picture(8, 8, EDGE)}" kernel="3x3" weights="${JSON.stringify(SOBEL)}"></conv-image>`);
    const r = el.result!;
    expect(r.shape).toEqual([6, 6]);
    // cross-correlation by hand: out[y][x] = Σ SOBEL[u][v] · img[y+u][x+v]
    for (let y = 0; y < 6; y++) for (let x = 0; x < 6; x++) {
      let want = 0;
      for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) want += SOBEL[u]![v]! * (EDGE(y + u, x + v) / 255);
      expect(r.values[y * 6 + x]).toBeCloseTo(want, 6);
    }
    // the window straddling the edge reads white only under the right column: −1 − 2 − 1
    expect(r.values[2]).toBeCloseTo(-4, 6);
    expect(r.values[0]).toBeCloseTo(0, 6);
    expect(part(el, 'range')!.textContent).toMatch(/values -4 to 0; gray: symmetric around 0/);
    expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    expect(part(el, 'input')!.getAttribute('aria-label')).toContain('8 by 8');
  });

  it('a stride-2 transposed convolution with a uniform kernel scatters unevenly (the checkerboard)', async () => {
    const el = await mountLoaded(`<conv-image src="${picture(5, 5, () => 255)}" kernel="3x3" stride="2" transposed weights="[[1,1,1],[1,1,1],[1,1,1]]"></conv-image>`);
    const r = el.result!;
    expect(r.shape).toEqual([11, 11]);
    // the scatter: input (i, j) adds the kernel at (2i + u, 2j + v)
    const want = new Float64Array(121);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) want[(2 * i + u) * 11 + 2 * j + v]! += 1;
    r.values.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 6));
    expect([r.values[2 * 11 + 2], r.values[2 * 11 + 3], r.values[3 * 11 + 3]].map((v) => Math.round(v!))).toEqual([4, 2, 1]);
    // the window of output (2, 3): the inputs whose scattered copy reaches it, 2i + u = 2 and 2j + v = 3
    const events: HighlightDetail[] = [];
    el.addEventListener('highlight', (e) => events.push((e as CustomEvent<HighlightDetail>).detail));
    const out = part(el, 'output') as HTMLCanvasElement;
    const box = out.getBoundingClientRect();
    out.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + (3.5 / 11) * box.width, clientY: box.top + (2.5 / 11) * box.height, bubbles: true }));
    await settle(el);
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) if (2 * i + u === 2 && 2 * j + v === 3) reads.push(i * 5 + j);
    expect(events.at(-1)!.output).toBe(2 * 11 + 3);
    expect([...events.at(-1)!.inputs!].sort((a, b) => a - b)).toEqual(reads);
  });

  it('hovering an output pixel highlights its window on the input and fires highlight', async () => {
    const el = await mountLoaded(`<conv-image src="${picture(8, 8, EDGE)}" kernel="3x3" weights="${JSON.stringify(SOBEL)}"></conv-image>`);
    const events: HighlightDetail[] = [];
    el.addEventListener('highlight', (e) => events.push((e as CustomEvent<HighlightDetail>).detail));
    const out = part(el, 'output') as HTMLCanvasElement;
    const box = out.getBoundingClientRect();
    // output pixel (row 3, column 2) of 6×6
    out.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + (2.5 / 6) * box.width, clientY: box.top + (3.5 / 6) * box.height, bubbles: true }));
    await settle(el);
    const last = events.at(-1)!;
    expect(last.output).toBe(3 * 6 + 2);
    const window: number[] = [];
    for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) window.push((3 + u) * 8 + 2 + v);
    expect([...last.inputs!].sort((a, b) => a - b)).toEqual(window);
    // the overlay on the input tints exactly those pixels
    const overlay = shadow(el).querySelector<HTMLCanvasElement>('canvas[data-layer="input"]')!;
    const alpha = overlay.getContext('2d')!.getImageData(0, 0, 8, 8).data.filter((_, i) => i % 4 === 3);
    expect([...alpha].flatMap((a, i) => (a > 0 ? [i] : []))).toEqual(window);
    // arrow keys move the highlighted pixel
    out.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(el);
    expect(events.at(-1)!.output).toBe(3 * 6 + 3);
    expect(out.tabIndex).toBe(0);
  });

  it('refuses symbolic weights inline', async () => {
    const el = await mount<ConvImageElement>('<conv-image kernel="3x3" weights="a,0,-1,2,0,-2,1,0,-1"></conv-image>');
    expect(part(el, 'error')!.textContent).toContain('conv-image needs numeric weights');
    expect(el.result).toBeNull();
  });

  it('keeps the last good picture when the weights become symbolic', async () => {
    const el = await mount<ConvImageElement>(`<conv-image input="16x16" kernel="3x3" weights="${JSON.stringify(SOBEL)}"></conv-image>`);
    expect(el.result!.shape).toEqual([14, 14]);
    el.setAttribute('weights', 'a,b,c,1,2,3,4,5,6');
    await settle(el);
    expect(part(el, 'error')!.textContent).toContain('numeric weights');
    expect(part(el, 'output')).not.toBeNull();
  });

  it('shows a load failure of src inline', async () => {
    const el = await mountLoaded('<conv-image src="/no-such-picture.png"></conv-image>');
    expect(part(el, 'error')!.textContent).toContain('could not load src "/no-such-picture.png"');
  });

  it('keeps the last picture when a new src fails to load', async () => {
    const el = await mountLoaded(`<conv-image src="${picture(8, 8, EDGE)}"></conv-image>`);
    expect(el.result!.shape).toEqual([6, 6]);
    el.setAttribute('src', '/also-missing.png');
    for (let i = 0; i < 50 && !part(el, 'error'); i++) { await new Promise((r) => setTimeout(r, 20)); await settle(el); }
    expect(part(el, 'error')!.textContent).toContain('could not load src "/also-missing.png"');
    expect(el.result!.shape).toEqual([6, 6]);
    expect(part(el, 'output')).not.toBeNull();
  });

  it('a large picture gets a summary without a long task', async () => {
    const { blocked, runs } = await longTasksWhileMounting('<conv-image input="512x512"></conv-image>', (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/too large/i);
    }, 250, 5);
    expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
  });

  it('the default test pattern at the largest full size stays under 250 ms per task', async () => {
    const { blocked, runs } = await longTasksWhileMounting('<conv-image input="128x128" padding="1"></conv-image>', (el) => {
      expect((el as ConvImageElement).result!.shape).toEqual([128, 128]);
    }, 250, 5);
    expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
  });
});
