import { inject } from 'vitest';
import { page } from 'vitest/browser';
import 'katex'; // pre-bundled up front: the elements import KaTeX and mathjs lazily,
import 'mathjs'; // and a dependency discovered late makes Vite reload the test page
import '../../../components/define.ts';

/** Mounts markup in a fresh container and waits until every convmat element has rendered. */
export async function mount<T extends HTMLElement = HTMLElement>(markup: string): Promise<T> {
  await page.viewport(1100, 900);
  const host = document.createElement('div');
  host.className = 'test-host';
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.firstElementChild as T;
  await settle(el);
  return el;
}

/** Waits for the element's pending Lit update(s), including lazily loaded parsers. */
export async function settle(el: Element): Promise<void> {
  const lit = el as Element & { updateComplete?: Promise<unknown> };
  for (let i = 0; i < 3; i++) {
    await lit.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  await lit.updateComplete;
}

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function part(el: Element, name: string): HTMLElement | null {
  return shadow(el).querySelector(`[part~="${name}"]`);
}

/** Text of a typeset region without KaTeX's MathML copy (the visible HTML only). */
export function visibleCells(el: Element, scope: string): string[][] {
  const rows = new Map<number, string[]>();
  for (const cell of shadow(el).querySelectorAll(`.${scope} .convmat-cell`)) {
    const r = Number(cell.getAttribute('data-row'));
    const text = ((cell.querySelector('.katex-html') ?? cell.querySelector('.katex') ?? cell).textContent ?? '').replace(/[\s\u200b]+/g, '');
    rows.set(r, [...(rows.get(r) ?? []), text]);
  }
  return [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!);
}

/**
 * Saves a screenshot of an element under docs/screenshots/, only when the run
 * asks for it (CONVMAT_SCREENSHOTS=1): a plain test run leaves tracked files alone.
 */
export async function snapshot(el: Element, name: string): Promise<void> {
  if (!inject('screenshots')) return;
  await document.fonts.ready;
  (el as HTMLElement).style.display = 'inline-block';
  await page.screenshot({ element: el, path: `../../../docs/screenshots/${name}.png` });
}

/**
 * Long tasks while `markup` mounts and its deferred work runs, over three
 * mounts. Long tasks are wall-clock, so when the other test project keeps both
 * cores busy one 60 ms task can stretch past 250 ms; an intermittent freeze
 * must not hide behind two good mounts either. `blocked` is true when the
 * MEDIAN mount's longest task is over `limitMs` (the middle of the three
 * maxima). `inspect` sees each mounted element before it is removed.
 */
export async function longTasksWhileMounting(
  markup: string, inspect: (el: HTMLElement) => void, limitMs = 250, waits = 10,
): Promise<{ blocked: boolean; runs: number[][]; median: number }> {
  const runs: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const long: number[] = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
    obs.observe({ type: 'longtask' });
    const el = await mount(markup);
    for (let w = 0; w < waits; w++) await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    inspect(el);
    cleanup();
    runs.push(long.map(Math.round));
  }
  const median = medianOf(runs.map((r) => Math.max(0, ...r)));
  return { blocked: median > limitMs, runs, median };
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The width of a docs page's text column at a viewport of 1280 and of 390 px. */
export const DOCS_COLUMN = { 1280: 860, 390: 326 } as const;

/** Mounts markup in a host as wide as the docs column at `viewport`, and waits for its render and layout (fonts, three frames). */
export async function mountInColumn(viewport: keyof typeof DOCS_COLUMN, markup: string): Promise<HTMLElement> {
  await page.viewport(viewport, 900);
  const host = document.createElement('div');
  host.className = 'test-host';
  host.style.width = `${DOCS_COLUMN[viewport]}px`;
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.firstElementChild as HTMLElement;
  await settle(el);
  await document.fonts.ready;
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
  return el;
}

export function cleanup(): void {
  for (const host of document.querySelectorAll('.test-host')) host.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** CONVMAT_SCREENSHOTS=1: write docs/screenshots/*.png (vitest.config.ts) */
    screenshots: boolean;
  }
}
