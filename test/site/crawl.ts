import type { Browser, BrowserContext, Page } from 'playwright';
import { type AxeFinding, axeViolations } from './axe.ts';

/**
 * What the crawl records of one page, in one browser visit: console errors,
 * failed requests, the elements and whether each rendered, every verdict
 * (searched through shadow roots), the links, the ids, the long tasks while
 * loading, the horizontal overflow at a phone's width, and axe-core's
 * violations at both widths once every element has rendered.
 */
export interface PageReport {
  readonly url: string;
  readonly consoleErrors: string[];
  readonly failedRequests: string[];
  readonly elements: { tag: string; rendered: boolean }[];
  readonly verdicts: { verdict: string | null; text: string }[];
  readonly elementErrors: string[];
  readonly links: string[];
  /** long tasks (ms) of this first, cold load (reported, not asserted: it includes compiling the scripts) */
  readonly coldLongTasks: number[];
  readonly overflowAt390: number;
  /** axe-core's violations (every impact) at 1280 px and at 390 px after scrolling to the end, and at 1280 px as loaded (nothing scrolled: boxes below the fold not laid out yet) */
  readonly axe: { readonly 1280: AxeFinding[]; readonly 390: AxeFinding[]; readonly unscrolled: AxeFinding[] };
}

export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

/** Runs in the page: every element of the document and of every shadow root below it. */
const DEEP = `
  window.__deepAll = (root = document) => {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) walk(el.shadowRoot); }
    };
    walk(root);
    return out;
  };
`;

/**
 * Off-screen elements go live only when they come near the viewport, so the
 * crawl scrolls down the page, a screen at a time, until every slot is live.
 */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pause = () => new Promise((r) => setTimeout(r, 60));
    for (let y = 0; y < document.documentElement.scrollHeight && !document.documentElement.dataset.hydrated; y += innerHeight / 2) {
      scrollTo(0, y);
      await pause();
    }
    for (const slot of document.querySelectorAll('.live:not(.is-live)')) { slot.scrollIntoView(); await pause(); }
    scrollTo(0, 0);
  });
}

/**
 * Scrolls the whole page, a screen at a time, and back to the top: blocks far
 * from the viewport are not laid out (content-visibility), so what depends
 * on layout (a scroll box becoming a tab stop while it scrolls) happens as a
 * reader scrolls past it.
 */
async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) { scrollTo(0, y); await frame(); }
    scrollTo(0, 0);
    await frame();
  });
}

/** axe-core's violations once the reader has scrolled through the page at the current width. */
async function axeAfterScrolling(page: Page): Promise<AxeFinding[]> {
  await scrollToEnd(page);
  return axeViolations(page);
}

async function settle(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated-view]', { timeout: 30_000 });
  await scrollThrough(page);
  await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
  await page.waitForFunction(async () => {
    const all = (window as unknown as { __deepAll(): Element[] }).__deepAll();
    const conv = all.filter((e) => e.localName.startsWith('conv-')) as (Element & { updateComplete?: Promise<unknown> })[];
    await Promise.all(conv.map((e) => e.updateComplete));
    return !all.some((e) => e.getAttribute('part') === 'placeholder');
  }, undefined, { timeout: 30_000, polling: 100 });
}

/** A browsing context whose pages record their long tasks; share it so the site's files are cached. */
export async function longTaskContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE_LONG_TASKS + DEEP);
  return context;
}

/** Long tasks (ms) of one visit: while loading (until the first screen is live and the page is quiet), and while then scrolling to the end. */
export interface LongTasks { load: number[]; scroll: number[] }

/** The long tasks of one load of `url`, then of scrolling through it until every element has rendered. */
export async function longTasksOf(context: BrowserContext, url: string): Promise<LongTasks> {
  const page = await context.newPage();
  const taken = () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-hydrated-view]', { timeout: 30_000 });
  await page.waitForTimeout(300);
  const load = await taken();
  await settle(page);
  await page.waitForTimeout(100);
  const scroll = await taken();
  await page.close();
  return { load, scroll };
}

/** Runs `work` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: readonly T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await work(items[i]!); } };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

export async function visit(browser: Browser, url: string, screenshot?: string): Promise<PageReport> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(OBSERVE_LONG_TASKS + DEEP);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) failedRequests.push(`${r.url()} ${r.status()}`); });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const data = await page.evaluate(() => {
    const all = (window as unknown as { __deepAll(): Element[] }).__deepAll();
    const conv = all.filter((e) => e.localName.startsWith('conv-'));
    return {
      elements: conv.map((e) => {
        const box = e.getBoundingClientRect();
        const kids = e.shadowRoot ? [...e.shadowRoot.children].filter((c) => c.localName !== 'style') : [];
        return { tag: e.localName, rendered: kids.length > 0 && box.width > 0 && box.height > 0 };
      }),
      verdicts: all.filter((e) => e.getAttribute('part')?.split(/\s+/).includes('verdict'))
        .map((e) => ({ verdict: e.getAttribute('data-verdict'), text: (e.textContent ?? '').trim().replace(/\s+/g, ' ') })),
      elementErrors: all.filter((e) => e.getAttribute('part') === 'error').map((e) => (e.textContent ?? '').trim().replace(/\s+/g, ' ')),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      coldLongTasks: (window as unknown as { __longTasks: number[] }).__longTasks.slice(),
    };
  });

  // as loaded, once: every block around an element stays rendered until the element is complete (hydrate.ts), so
  // no skipped block keeps a stale size with a drawing running over the next section, as axe once saw on transposed.html
  const axeUnscrolled = await axeViolations(page);
  const axeWide = await axeAfterScrolling(page);
  if (screenshot) await page.screenshot({ path: `${screenshot}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  const overflowAt390 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const axeNarrow = await axeAfterScrolling(page);
  if (screenshot) await page.screenshot({ path: `${screenshot}-phone.png`, fullPage: false });
  await context.close();
  return { url, consoleErrors, failedRequests, overflowAt390, axe: { 1280: axeWide, 390: axeNarrow, unscrolled: axeUnscrolled }, ...data };
}
