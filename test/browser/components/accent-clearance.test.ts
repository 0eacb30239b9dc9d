import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, mount } from './helpers.ts';
import { matrixView } from '../../../src/view/matrix-view.ts';
import { fastCell, fastMatrixStyles } from '../../../components/shared/fast-matrix.ts';
import { renderTex } from '../../../src/render/katex-render.ts';
import { katexStyles } from '../../../components/shared/katex-styles.ts';

afterEach(cleanup);

/**
 * Issue 24: h̃ must not look like ħ. The tilde over a letter with an
 * ascender (b, d, h, k, l) clears the letter's ink, in KaTeX's typesetting
 * (\tilde{h}) and in the elements' light cells (fast-matrix.ts). Measured on
 * pixels: the accent is painted red and the letter blue, and the lowest red
 * row must lie above the highest blue row.
 */
const TALL = ['b', 'd', 'h', 'k', 'l'];

/** The rows (top, bottom) of the red and the blue ink in a screenshot of `el`. */
async function inkRows(el: Element): Promise<{ red: [number, number]; blue: [number, number] }> {
  const b64 = await page.screenshot({ element: el, save: false });
  const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
  const c = new OffscreenCanvas(img.width, img.height);
  const g = c.getContext('2d')!;
  g.drawImage(img, 0, 0);
  const { data } = g.getImageData(0, 0, img.width, img.height);
  const red: number[] = [], blue: number[] = [];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = 4 * (y * img.width + x);
      const [r, gr, bl] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 160 && gr < 120 && bl < 120) red.push(y);
      if (bl > 160 && r < 120 && gr < 120) blue.push(y);
    }
  }
  if (!red.length || !blue.length) throw new Error(`no ink found (red ${red.length}, blue ${blue.length})`);
  return { red: [Math.min(...red), Math.max(...red)], blue: [Math.min(...blue), Math.max(...blue)] };
}

/** `html` at 64 px in a shadow root with KaTeX's and the light cells' styles, accent red and letter blue. */
async function typeset(html: string): Promise<Element> {
  // any element adds KaTeX's fonts to the document
  await mount('<conv-matrix input="3" kernel="1"></conv-matrix>');
  const host = document.createElement('div');
  host.className = 'test-host';
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [katexStyles.styleSheet!, fastMatrixStyles.styleSheet!];
  root.innerHTML = `<style>${PAINT}</style><span style="font-size:64px;display:inline-block;padding:24px">${html}</span>`;
  await document.fonts.ready;
  await new Promise((r) => setTimeout(r, 50));
  return root.querySelector('span')!;
}

const PAINT = `.fm-tilde, .accent-body { color: #ff0000 !important; }
  .fm-acc > .mathnormal, .accent-body ~ *, .accent .vlist > span:first-child .mord { color: #0000ff !important; }`;

describe('accents clear ascenders (issue 24: h̃ is not ħ)', () => {
  for (const letter of TALL) {
    it(`the light cell of ${letter}̃₁ puts the tilde above the ${letter}'s ascender, and close to it`, async () => {
      const v = matrixView({ input: 3, kernel: 1, weights: `${letter}tilde` });
      if (!('eq' in v)) throw new Error('expected a matrix view');
      const html = fastCell(v.eq.entries[0]!);
      expect(html).toContain('fm-acc');
      const { red, blue } = await inkRows(await typeset(html!));
      expect(red[1], `tilde bottom ${red[1]} vs ${letter} top ${blue[0]}`).toBeLessThan(blue[0]);
      // and it stays over the letter, not floating off: within a third of an em of its top
      expect(blue[0] - red[1]).toBeLessThan(22);
    });

    it(`KaTeX's \\tilde{${letter}} puts the tilde above the ${letter}'s ascender`, async () => {
      const { red, blue } = await inkRows(await typeset(renderTex(`\\tilde{${letter}}`)));
      expect(red[1], `tilde bottom ${red[1]} vs ${letter} top ${blue[0]}`).toBeLessThan(blue[0]);
    });
  }
});
