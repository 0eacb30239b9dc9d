import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The library build for Node (`npm run build:lib`): ES modules in dist/lib/,
 * one file per package entry — index.js (the API), testing.js (the vitest
 * matchers), testing-arbitrary.js (the fast-check arbitraries), figure.js
 * (convmat/figure: renderFigure, SVG, TikZ and static HTML without a browser), elements.js
 * (convmat/elements for Node and for bundlers: the elements, registered where
 * a document exists, with lit, katex and mathjs imported from the consumer's
 * node_modules and every lazy part a chunk of its own), cli.js (what bin/convmat.js imports outside a development
 * checkout), markdown-it.js and remark.js (the Markdown plugins, convmat/markdown-it and convmat/remark). The runtime
 * dependencies stay external; shared code goes into chunks beside them.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const entries: Record<string, string> = {
  index: here('./src/index.ts'),
  testing: here('./src/testing/index.ts'),
  'testing-arbitrary': here('./src/testing/arbitrary.ts'),
  figure: here('./src/render/figure.ts'),
  elements: here('./components/define.ts'),
  cli: here('./src/cli/main.ts'),
  'markdown-it': here('./src/notes/markdown-it.ts'),
  remark: here('./src/notes/remark.ts'),
};
for (const [name, path] of Object.entries(entries)) if (!existsSync(path)) delete entries[name];

/** The dependencies, imported at run time; KaTeX's stylesheet (`?raw`) is read at build time and inlined. */
const external = (id: string) => (/^(mathjs|katex|lit|@lit|vitest|fast-check)(\/|$)/.test(id) && !id.includes('?')) || id.startsWith('node:');

/**
 * KaTeX's fonts as files in dist/lib/assets/, each found by
 * `new URL(file, import.meta.url)`: Node reads them from the package, and a
 * consumer's bundler (Vite, webpack, Rollup) copies the ones it sees into its
 * own output. Vite's library mode would inline all twenty as base64.
 */
const fontFiles = {
  name: 'convmat-font-files',
  enforce: 'pre' as const,
  load(this: { emitFile(file: { type: 'asset'; fileName: string; source: Uint8Array }): string }, id: string) {
    const m = /^(.*\.woff2)\?url$/.exec(id);
    if (!m) return null;
    const ref = this.emitFile({ type: 'asset', fileName: `assets/${basename(m[1]!)}`, source: readFileSync(m[1]!) });
    return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
  },
};

export default defineConfig({
  base: './', // asset URLs relative to the chunk that names them (import.meta.url), wherever the package is installed
  publicDir: false,
  plugins: [fontFiles],
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external,
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
