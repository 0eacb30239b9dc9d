import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium.ts';
import { root } from '../docs/readme-blocks.ts';
import { cellCount as count, figureMarkup } from './figure-markup.ts';

/**
 * The example projects under examples/ built as their `npm run build` builds
 * them, with `convmat/markdown-it` and `convmat/remark` pointed at the source
 * (their own package.json installs convmat from npm). Each page must hold the
 * live element with the static figure inside it, and each bad fence its
 * one-line error in place; with JavaScript off, Chromium shows the figure.
 */
const tmp = join(root, 'test/notes/.examples-tmp', `examples-${String(Math.random()).slice(2)}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function buildExample(name: string): Promise<string> {
  const dir = join(root, 'examples', name);
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, `${name}-${String(Math.random()).slice(2)}.mjs`);
  writeFileSync(file, readFileSync(join(dir, 'build.mjs'), 'utf8')
    .replaceAll("'convmat/markdown-it'", `'${join(root, 'src/notes/markdown-it.ts')}'`)
    .replaceAll("'convmat/remark'", `'${join(root, 'src/notes/remark.ts')}'`));
  const { build } = (await import(/* @vite-ignore */ file)) as { build(md: string): string | Promise<string> };
  return build(readFileSync(join(dir, 'notes.md'), 'utf8'));
}

/** What lies between `<tag …>` and its `</tag>`, for the first such element. */
function inside(html: string, open: RegExp, tag: string): string {
  const m = open.exec(html);
  expect(m, `${open} in the page`).not.toBeNull();
  const start = m!.index + m![0].length;
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

function expectErrorAfter(html: string, prose: string, message: RegExp): void {
  const at = html.indexOf(prose);
  expect(at).toBeGreaterThan(0);
  const rest = html.slice(at);
  const error = /<p class="convmat-fence-error"[^>]*>([^<]*)<\/p>/.exec(rest);
  expect(error, 'the error paragraph after the prose that announces it').not.toBeNull();
  expect(error![1]).toMatch(message);
  expect(html.match(/convmat-fence-error"/g)).toHaveLength(1);
}

/** Chromium with JavaScript off: the fallback figure of `selector` is drawn, with a size. */
async function fallbackBox(html: string, selector: string, shot: string): Promise<{ width: number; height: number }> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.route('**/*', (r) => r.abort());
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const box = await page.locator(selector).first().boundingBox();
    mkdirSync('/tmp/shots/notes', { recursive: true });
    await page.screenshot({ path: `/tmp/shots/notes/${shot}.png`, fullPage: true }).catch(() => {});
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  } finally {
    await browser.close();
  }
}

describe('examples/notes-markdown-it', () => {
  it('builds a page whose fences are live elements around their figures, the bad one its error in place', async () => {
    const html = await buildExample('notes-markdown-it');
    // 5×5 input padded by 1: 49 drawn cells, 25 inputs and 24 padding; output ⌊(5 + 2 − 3)/2⌋ + 1 = 3 a side
    const window = figureMarkup(inside(html, /<conv-window input="5x5" kernel="3x3" stride="2" padding="1">/, 'conv-window'));
    expect(window).toMatch(/<svg[\s>]/);
    expect([count(window, 'input'), count(window, 'padding'), count(window, 'output')]).toEqual([25, 24, 9]);
    expect(html).toContain('<conv-matrix input="4" kernel="3" padding="1" weights="x,y,z">');
    expectErrorAfter(html, 'A fence with a typo', /^convmat: --kernal: is not an option.*did you mean --kernel\?/);
    const box = await fallbackBox(html, 'conv-window > *', 'markdown-it-no-js');
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(100);
  });
});

describe('examples/notes-remark', () => {
  it('builds a page whose fences are live elements around their figures, the bad one its error in place', async () => {
    const html = await buildExample('notes-remark');
    // transposed, input 3×3, stride 2, kernel 3, padding 0: (3 − 1)(2 − 1) = 2 inserted zeros per line → a 5×5 core of
    // 9 inputs and 16 inserted cells, padded by d(k − 1) − p = 2 on each side: 9² − 5² = 56 padding cells; output (3 − 1)·2 + 3 = 7 a side
    const window = figureMarkup(inside(html, /<conv-window input="3x3" kernel="3x3" stride="2" transposed>/, 'conv-window'));
    expect([count(window, 'input'), count(window, 'inserted'), count(window, 'padding'), count(window, 'output')]).toEqual([9, 16, 56, 49]);
    expect(html).toContain('<conv-checkerboard input="6" kernel="3" stride="2">');
    expectErrorAfter(html, 'A fence with a typo', /^convmat: --stride/);
    const box = await fallbackBox(html, 'conv-window > *', 'remark-no-js');
    expect(box.width).toBeGreaterThan(100);
  });
});
