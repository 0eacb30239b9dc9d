import katex from 'katex';
import katexCss from 'katex/dist/katex.min.css?inline';
import { page } from 'vitest/browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { polynomialToLatex } from '../../../src/algebra/print.ts';
import { polynomialRing } from '../../../src/algebra/ring.ts';
import { normalizeSpec } from '../../../src/geometry/spec.ts';
import { convMatrix } from '../../../src/matrix/conv-matrix.ts';
import { materialize } from '../../../src/matrix/csr.ts';
import { KATEX_OPTIONS, renderMatrixHtml } from '../../../src/render/katex-render.ts';

/**
 * The fast matrix renderer (distinct cells typeset once, CSS grid, CSS
 * brackets) must look like KaTeX's own bmatrix: same cells in the same
 * places, about the same size. Screenshots of both are written under
 * test/browser/latex/__screenshots__/ for a person to look at.
 */
function cellsOf(spec: object): string[][] {
  const s = normalizeSpec(spec);
  return materialize(convMatrix(s), s.weights, polynomialRing).map((row) => row.map((p) => polynomialToLatex(p)));
}

beforeAll(async () => {
  const style = document.createElement('style');
  style.textContent = katexCss.replace(/url\(fonts\//g, 'url(/node_modules/katex/dist/fonts/');
  document.head.append(style);
  document.body.style.cssText = 'margin:0;padding:16px;background:#fff;font-size:20px';
  await document.fonts.load('20px KaTeX_Main');
  await document.fonts.load('italic 20px KaTeX_Math');
});

function mount(html: string, id: string): HTMLElement {
  const el = document.createElement('div');
  el.id = id;
  el.style.cssText = 'display:inline-block;padding:8px;margin:4px';
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

describe.each([
  ['lecture-4x6', { input: 6, kernel: 3 }],
  ['16x18', { input: 18, kernel: 3 }],
  ['4x16-2d', { input: '4x4', kernel: '3x3' }],
])('%s', (name, spec) => {
  it('the grid renderer matches KaTeX bmatrix: same cell order, size within 15%', async () => {
    const cells = cellsOf(spec);
    const tex = `\\begin{bmatrix}${cells.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
    const ref = mount(katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: false }), `ref-${name}`);
    const fast = mount(renderMatrixHtml(cells), `fast-${name}`);
    await document.fonts.ready;
    const a = ref.getBoundingClientRect(), b = fast.getBoundingClientRect();
    expect(Math.abs(b.width - a.width) / a.width).toBeLessThan(0.15);
    expect(Math.abs(b.height - a.height) / a.height).toBeLessThan(0.15);
    // the grid shows the same cells in the same order (its visible text, row by row)
    const gridText = [...fast.querySelectorAll('.convmat-cell')].map((c) => c.querySelector('.katex-html')!.textContent!.replace(/\s|\u200b/g, ''));
    expect(gridText).toEqual(cells.flat().map((t) => t.replace(/[_{}\s]/g, '')));
    // one MathML tree for screen readers, with every cell
    expect(fast.querySelectorAll('math mtd')).toHaveLength(cells.flat().length);
    await page.screenshot({ element: ref, path: `__screenshots__/${name}-katex.png` });
    await page.screenshot({ element: fast, path: `__screenshots__/${name}-grid.png` });
    ref.remove();
    fast.remove();
  });
});

it('highlights a row and writes the label', async () => {
  const el = mount(renderMatrixHtml(cellsOf({ input: 6, kernel: 3 }), { label: 'K', highlightRow: 1 }), 'hl');
  await document.fonts.ready;
  const row1 = [...el.querySelectorAll('[data-row="1"]')] as HTMLElement[];
  expect(row1.every((c) => c.style.background !== '')).toBe(true);
  expect(el.querySelector('.convmat-matrix-label')!.textContent).toContain('K');
  await page.screenshot({ element: el, path: '__screenshots__/lecture-highlight-grid.png' });
});
