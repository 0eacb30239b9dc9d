import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { PAGES } from './docs/build/pages.ts';
import { convmatSite } from './docs/build/plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The documentation site and playground. `npm run dev` serves it; `npm run
 * build:site` writes the static site to dist/site/. Every page of
 * docs/build/pages.ts is an entry; `base: './'` makes every URL relative, so
 * the site works from any folder of a static host.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [convmatSite(root)],
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map((p) => [p.file.replace(/\.html$/, '').replace(/\//g, '-'), resolve(root, p.file)])),
    },
  },
});
