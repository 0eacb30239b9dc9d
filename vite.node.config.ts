import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The library build for Node (`npm run build:lib`): ES modules in dist/lib/,
 * one file per package entry — index.js (the API), testing.js (the vitest
 * matchers), testing-arbitrary.js (the fast-check arbitraries), elements.js
 * (convmat/elements under Node: the embed bundle where a DOM exists, nothing
 * otherwise) and cli.js (what bin/convmat.js imports outside a development
 * checkout). The runtime
 * dependencies stay external; shared code goes into chunks beside them.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const entries: Record<string, string> = {
  index: here('./src/index.ts'),
  testing: here('./src/testing/index.ts'),
  'testing-arbitrary': here('./src/testing/arbitrary.ts'),
  elements: here('./components/elements-node.ts'),
  cli: here('./src/cli/main.ts'),
};
for (const [name, path] of Object.entries(entries)) if (!existsSync(path)) delete entries[name];

const external = (id: string) => /^(mathjs|katex|lit|vitest|fast-check)(\/|$)/.test(id) || id.startsWith('node:');

export default defineConfig({
  publicDir: false,
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
