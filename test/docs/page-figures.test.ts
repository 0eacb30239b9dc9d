import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageOf } from '../../docs/build/pages.ts';
import { renderPage } from '../../docs/build/render-page.ts';
import { root } from './readme-blocks.ts';
import { cellCount, figureMarkup } from '../notes/figure-markup.ts';

/**
 * docs/figures.html, rendered as the site build renders it: every format of
 * renderFigure is on the page (the SVGs as images, the animated one with its
 * SMIL or CSS animation, the HTML fragment inline, the TikZ as code), the
 * drawing elements that carry the "Save figure" menu are live, and the
 * Markdown note is shown as written and as convmat/markdown-it renders it,
 * its bad fence's error in place. Cells are counted from the arithmetic:
 * a 5×5 input padded by 1 draws 25 input and 24 padding cells, and the
 * 3×3 kernel with stride 2 gives ⌊(5 + 2 − 3)/2⌋ + 1 = 3 outputs a side.
 */
const FILE = 'docs/figures.html';

async function page(): Promise<string> {
  return (await renderPage(pageOf(FILE)!, readFileSync(join(root, FILE), 'utf8'), root)).html;
}

/** The SVG files shown as images, decoded, in page order. */
const images = (html: string) => [...html.matchAll(/<img alt="[^"]*" style="[^"]*" src="data:image\/svg\+xml,[^"]*">/g)].map((m) => figureMarkup(m[0]));

describe(FILE, () => {
  it('is in the site nav (Reference)', () => {
    expect(pageOf(FILE)).toEqual({ file: FILE, title: 'Figures and notes', group: 'Reference' });
  });

  it('shows one spec in every format, each with the cells of the arithmetic', async () => {
    const html = await page();
    const [still, animated] = images(html);
    for (const svg of [still!, animated!]) expect([cellCount(svg, 'input'), cellCount(svg, 'padding'), cellCount(svg, 'output')]).toEqual([25, 24, 9]);
    expect(animated).toMatch(/<animate|@keyframes/);
    expect(still).not.toMatch(/<animate|@keyframes/);
    const fragment = /<figure class="convmat-figure"[\s\S]*?<\/figure>/.exec(html)![0];
    expect([cellCount(fragment, 'input'), cellCount(fragment, 'padding'), cellCount(fragment, 'output')]).toEqual([25, 24, 9]);
    expect(fragment).toContain('class="katex"');
    expect(html).toMatch(/<pre tabindex="0" aria-label="TikZ of the window figure \(its first lines\)"><code>[^<]*\\begin\{tikzpicture\}/);
    for (const format of ['--frame 3 -o window.svg', '--animate -o window-animated.svg', '--frame 3 --format html', '--format tikz -o window.tex']) {
      expect(html).toContain(`convmat figure window --input 5x5 --kernel 3x3 --stride 2 --padding 1 ${format}`);
    }
    for (const figure of [still!, animated!, fragment]) expect(figure).not.toMatch(/<script/i);
  });

  it('has live drawing elements (with the menu) and the note as written and as rendered, its error in place', async () => {
    const html = await page();
    // every live element is a live slot of the site: its markup in a <template>
    const live = [...html.matchAll(/<template><(conv-[a-z-]+)/g)].map((m) => m[1]);
    expect(live).toEqual(['conv-window', 'conv-checkerboard', 'conv-window']);
    expect(html).toContain('```convmat\nwindow --input 5x5 --kernel 3x3 --stride 2 --padding 1\n```');
    expect(html).toMatch(/<template><conv-window input="5x5" kernel="3x3" stride="2" padding="1"><img alt="window figure: input 5x5, kernel 3x3, stride 2, padding 1"/);
    expect(html).toMatch(/<p class="convmat-fence-error"[^>]*>convmat: --kernal: is not an option of convmat figure[^<]*did you mean --kernel\?/);
  });
});
