import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../docs/build/pages.ts';
import { LAUNCH } from './crawl.ts';

/**
 * Issue 24, print: every docs page printed on A4 in Chromium keeps its
 * content on the paper. Each page is served by Vite, made live in full (as
 * `beforeprint` does), laid out with print media at the printable width of
 * A4 with 15 mm margins, and checked two ways:
 * - in the DOM, through every shadow root: no visible box reaches past the
 *   printable width (wide equations and grids wrap or shrink);
 * - in the PDF (`page.pdf`, rendered by pdftoppm): no page but the last ends
 *   in its top third, which is what a section pushed whole to the next page
 *   leaves behind, and the right margin stays blank.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const MARGIN_MM = 15;
/** A4's printable width in CSS px (96 px per inch) */
const PRINTABLE = Math.floor(((210 - 2 * MARGIN_MM) / 25.4) * 96);

let server: ViteDevServer;
let base = '';
let browser: Browser;
let out = '';

beforeAll(async () => {
  server = await createServer({ configFile: join(root, 'vite.config.ts'), root, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = server.resolvedUrls!.local[0]!;
  browser = await chromium.launch(LAUNCH);
  out = mkdtempSync(join(tmpdir(), 'convmat-print-'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Loads a page, makes every slot live, fits it for print (the page's own beforeprint), and switches to print media. */
async function printable(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.hydratedView !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.querySelectorAll('.live:not(.is-live)').length === 0, null, { timeout: 60_000 });
  // the elements render in tasks of their own after going live: wait for a quiet second
  await page.waitForTimeout(1500);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: PRINTABLE, height: 1100 });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForTimeout(300);
}

/**
 * In the page: visible boxes (through shadow roots) whose right edge passes
 * `limit`, or passes the edge of a box that clips them (on paper nothing
 * scrolls: what a box clips is lost). The MathML copies and screen-reader
 * text, clipped on purpose, are left out.
 */
function sticking(limit: number): string[] {
  /** px a box may pass an edge by (an inline code's padding at a line end, a hanging space): well inside the 15 mm margin */
  const SLACK = 8;
  const found: string[] = [];
  const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
  const edge = (el: Element): number => {
    let e = limit;
    for (let a = parentOf(el); a; a = parentOf(a)) if (getComputedStyle(a).overflowX !== 'visible') e = Math.min(e, a.getBoundingClientRect().right);
    return e;
  };
  const walk = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= limit + SLACK && r.right <= edge(el) + SLACK) continue;
      // clipped on purpose: MathML copies, screen-reader text, and the paths of an SVG (clipped by the <svg>)
      if (el.closest('.katex-mathml, .convmat-mathml, .sr-only, math') || (el instanceof SVGElement && el.localName !== 'svg')) continue;
      const host = (el.getRootNode() as ShadowRoot).host;
      found.push(`${host ? `${host.localName} › ` : ''}${el.localName}.${[...el.classList].join('.')} right ${Math.round(r.right)} (edge ${Math.round(Math.min(limit, edge(el)))})`);
    }
  };
  walk(document);
  return found.slice(0, 12);
}

/** Per PDF page: [the lowest inked row, the rightmost inked column] as fractions of the page, from a 24 dpi greyscale rendering. */
function inkExtents(pdf: string): Array<[number, number]> {
  const prefix = join(out, 'page');
  for (const f of readdirSync(out)) if (f.startsWith('page')) rmSync(join(out, f));
  execFileSync('pdftoppm', ['-r', '24', '-gray', pdf, prefix]);
  return readdirSync(out).filter((f) => f.startsWith('page') && f.endsWith('.pgm')).sort().map((f) => {
    const b = readFileSync(join(out, f));
    // P5 header: magic, width, height, maxval, each followed by whitespace
    const head = b.subarray(0, 40).toString('latin1').split(/\s+/);
    const [w, h] = [Number(head[1]), Number(head[2])];
    const start = b.length - w * h;
    let bottom = 0, right = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (b[start + y * w + x]! < 200) { bottom = Math.max(bottom, y); right = Math.max(right, x); }
    return [bottom / h, right / w] as [number, number];
  });
}

describe('printing the docs on A4 (issue 24)', () => {
  it.each(PAGES.map((p) => [p.file] as const))('%s: nothing sticks out of the page, and no page is left nearly empty', async (file) => {
    const page = await browser.newPage();
    try {
      await printable(page, base + file);
      expect(await page.evaluate(sticking, PRINTABLE), `boxes past the printable width (${PRINTABLE} px)`).toEqual([]);
      const pdf = join(out, 'doc.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', margin: { top: `${MARGIN_MM}mm`, bottom: `${MARGIN_MM}mm`, left: `${MARGIN_MM}mm`, right: `${MARGIN_MM}mm` } }));
      const pages = inkExtents(pdf);
      // ink in the right margin (past the printable area) is cut content
      const margin = 1 - MARGIN_MM / 210;
      expect(pages.map(([, r], i) => [i + 1, r]).filter(([, r]) => r! > margin + 0.01), 'pages with ink in the right margin').toEqual([]);
      expect(pages.slice(0, -1).map(([b], i) => [i + 1, b]).filter(([, b]) => b! < 0.34), 'pages (not the last) that end in their top third').toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
