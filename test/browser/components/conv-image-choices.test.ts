import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow } from './helpers.ts';
import { pictureCanvas } from './picture.ts';
import type { ConvImageElement } from '../../../components/conv-image/conv-image.ts';

/**
 * Issue 24: <conv-image> offers a kernel choice (Sobel x and y, box, Gaussian,
 * sharpen, typed weights) and an image choice that includes the reader's own
 * file, read in the page and never uploaded, its header's size checked before
 * it is decoded. Expected outputs are computed here by plain loops.
 */
afterEach(cleanup);

/** An h×w PNG (gray level per pixel from `f`) as a File, made on a canvas here. */
async function pngFile(h: number, w: number, f: (y: number, x: number) => number, name = 'mine.png'): Promise<File> {
  const blob = await new Promise<Blob>((r) => pictureCanvas(h, w, f).toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

async function waitFor(el: ConvImageElement, done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) { await new Promise((r) => setTimeout(r, 20)); await settle(el); }
}

async function choose(el: Element, name: string, value: string): Promise<void> {
  const select = shadow(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function pickFile(el: ConvImageElement, file: File): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type="file"]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** Cross-correlation with no padding, by loops: the reference. */
function correlate(img: number[][], k: number[][]): number[] {
  const out: number[] = [];
  for (let y = 0; y + k.length <= img.length; y++) for (let x = 0; x + k[0]!.length <= img[0]!.length; x++) {
    let s = 0;
    for (let u = 0; u < k.length; u++) for (let v = 0; v < k[0]!.length; v++) s += k[u]![v]! * img[y + u]![x + v]!;
    out.push(s);
  }
  return out;
}

const RAMP = (y: number, x: number) => (x * 40 + y * 10) % 256;
const grid = (h: number, w: number, f: (y: number, x: number) => number) =>
  Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => f(y, x) / 255));

describe('<conv-image>: kernel and image choices', () => {
  it('each preset kernel is applied; typed weights are read as typed', async () => {
    const el = await mount<ConvImageElement>('<conv-image></conv-image>');
    await waitFor(el, () => el.result !== null);
    const select = shadow(el).querySelector<HTMLSelectElement>('select[name="kernel-preset"]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['sobel-x', 'sobel-y', 'box', 'gaussian', 'sharpen', 'typed']);
    expect(select.value).toBe('sobel-x');
    const file = await pngFile(8, 9, RAMP);
    await pickFile(el, file);
    await waitFor(el, () => el.result?.shape[1] === 7);
    const img = grid(8, 9, RAMP);
    const kernels: Record<string, number[][]> = {
      'sobel-y': [[1, 2, 1], [0, 0, 0], [-1, -2, -1]],
      box: Array.from({ length: 5 }, () => Array(5).fill(0.04)),
      gaussian: [[1, 2, 1], [2, 4, 2], [1, 2, 1]].map((r) => r.map((v) => v / 16)),
      sharpen: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    };
    for (const [id, k] of Object.entries(kernels)) {
      await choose(el, 'kernel-preset', id);
      await waitFor(el, () => el.result?.shape[0] === 8 - k.length + 1);
      const want = correlate(img, k);
      expect([id, ...el.result!.values].map((v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v)))
        .toEqual([id, ...want.map((v) => Number(v.toFixed(6)))]);
      expect(part(el, 'verdict')!.dataset.verdict).toBe('pass');
    }
    await choose(el, 'kernel-preset', 'typed');
    const typed = shadow(el).querySelector<HTMLInputElement>('input[name="weights"]')!;
    typed.value = '[[0,1],[1,0]]';
    typed.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(el, () => el.result?.shape[0] === 7);
    expect([...el.result!.values].map((v) => Number(v.toFixed(6)))).toEqual(correlate(img, [[0, 1], [1, 0]]).map((v) => Number(v.toFixed(6))));
    expect(select.value).toBe('typed');
  });

  it('the reader\'s own file is read in the page (no request) and convolved; back to the test pattern', async () => {
    const el = await mount<ConvImageElement>('<conv-image></conv-image>');
    await waitFor(el, () => el.result !== null);
    expect(el.result!.shape).toEqual([62, 62]); // the 64×64 test pattern
    const requests = performance.getEntriesByType('resource').length;
    await pickFile(el, await pngFile(10, 6, RAMP, 'holiday.png'));
    await waitFor(el, () => el.result?.shape[0] === 8);
    expect(el.result!.shape).toEqual([8, 4]);
    expect(performance.getEntriesByType('resource').length).toBe(requests); // nothing fetched, nothing sent
    expect([...el.result!.values].map((v) => Number(v.toFixed(6)))).toEqual(correlate(grid(10, 6, RAMP), [[1, 0, -1], [2, 0, -2], [1, 0, -1]]).map((v) => Number(v.toFixed(6))));
    expect(part(el, 'input')!.getAttribute('aria-label')).toContain('holiday.png');
    expect(shadow(el).querySelector<HTMLSelectElement>('select[name="image"]')!.value).toBe('file');
    await choose(el, 'image', 'pattern');
    await waitFor(el, () => el.result?.shape[0] === 62);
    expect(el.result!.shape).toEqual([62, 62]);
  });

  it('a file whose header says it is too large is refused by its header, before decoding, naming it', async () => {
    const el = await mount<ConvImageElement>('<conv-image></conv-image>');
    await waitFor(el, () => el.result !== null);
    // a PNG signature and an IHDR of 20000 × 20000, and nothing decodable after it
    const b = new Uint8Array(64);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, 20000);
    new DataView(b.buffer).setUint32(20, 20000);
    await pickFile(el, new File([b], 'huge.png', { type: 'image/png' }));
    await waitFor(el, () => part(el, 'error') !== null);
    expect(part(el, 'error')!.textContent).toContain('20000×20000');
    expect(part(el, 'error')!.textContent).toContain('huge.png');
    expect(el.result!.shape).toEqual([62, 62]); // the last good picture stays
    await pickFile(el, new File([new TextEncoder().encode('not an image at all')], 'notes.txt'));
    await waitFor(el, () => /notes\.txt/.test(part(el, 'error')?.textContent ?? ''));
    expect(part(el, 'error')!.textContent).toContain('PNG, GIF, JPEG, WebP and BMP');
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px the choices fit and have names (axe)`, async () => {
      const el = await mount<ConvImageElement>('<conv-image></conv-image>');
      await page.viewport(width, 900);
      await waitFor(el, () => el.result !== null);
      await choose(el, 'kernel-preset', 'typed');
      const box = part(el, 'choices')!;
      for (const c of box.querySelectorAll<HTMLElement>('select, input')) {
        expect(c.getBoundingClientRect().right).toBeLessThanOrEqual(document.documentElement.clientWidth);
      }
      const r = await axe.run({ include: [{ fromShadowDom: ['conv-image', '[part="choices"]'] }] }, { resultTypes: ['violations'] });
      expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    });
  }
});

describe('<conv-image>: pictures createImageBitmap does not decode', () => {
  it('an SVG src is still drawn (decoded by an <img>)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="6" height="5"><rect width="3" height="5" fill="white"/><rect x="3" width="3" height="5" fill="black"/></svg>';
    const el = await mount<ConvImageElement>(`<conv-image src="data:image/svg+xml,${encodeURIComponent(svg)}"></conv-image>`);
    await waitFor(el, () => el.result !== null || part(el, 'error') !== null);
    expect(part(el, 'error')).toBeNull();
    expect(el.result!.shape).toEqual([3, 4]);
    // white | black edge under Sobel x: 1·(1 + 2 + 1) where the window straddles it
    expect(Number(el.result!.values[1]!.toFixed(6))).toBe(4);
  });
});
