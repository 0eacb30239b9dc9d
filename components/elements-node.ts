/**
 * `convmat/elements` under Node (server-side rendering, static-site builds,
 * tests without a DOM): importing it never throws. Where a DOM exists (jsdom,
 * happy-dom) it loads the embed bundle, which defines every element; without
 * one there is nothing to define and it does nothing. Browsers and bundlers
 * get dist/convmat.js itself (package.json `exports`).
 */
const dom = globalThis as { HTMLElement?: unknown; customElements?: unknown };
const EMBED_BUNDLE = '../convmat.js'; // dist/convmat.js, beside dist/lib/
if (typeof dom.HTMLElement === 'function' && typeof dom.customElements === 'object' && dom.customElements) {
  await import(/* @vite-ignore */ new URL(EMBED_BUNDLE, import.meta.url).href);
}

export type * from './define.ts';
