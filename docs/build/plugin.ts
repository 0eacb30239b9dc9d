import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PAGES, pageOf } from './pages.ts';
import { renderPage } from './render-page.ts';
import { type SearchEntry, sectionsOf } from './search-index.ts';

/**
 * The site's Vite plugin. It renders every page at build time (and on each
 * request in `vite` dev): generated sections, static KaTeX fallbacks, the
 * layout. It also serves `virtual:convmat-search`, the search index, as a
 * module the search box imports on first use.
 */
export const SEARCH_MODULE = 'virtual:convmat-search';
const RESOLVED = `\0${SEARCH_MODULE}`;

export function convmatSite(root: string): Plugin {
  const warn = (m: string) => console.warn(`[convmat-site] ${m}`);
  return {
    name: 'convmat-site',
    transformIndexHtml: {
      order: 'pre',
      async handler(html, ctx) {
        const file = relative(root, ctx.filename).replace(/\\/g, '/');
        const page = pageOf(file);
        if (!page) return html;
        return (await renderPage(page, html, root, warn)).html;
      },
    },
    resolveId(id) {
      return id === SEARCH_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const entries: SearchEntry[] = [];
      for (const page of PAGES) {
        const source = readFileSync(resolve(root, page.file), 'utf8');
        const r = await renderPage(page, source, root);
        entries.push(...sectionsOf(page.file, page.title, r.searchHtml));
      }
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}
