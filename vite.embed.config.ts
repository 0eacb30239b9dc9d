import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const ENTRY = fileURLToPath(new URL('./components/define.ts', import.meta.url));

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };
const starts = new WeakMap<ModuleGraph, Set<string>>();

/** Every module the entry imports statically, transitively: what a page runs before any element has data. */
function startModules(graph: ModuleGraph): Set<string> {
  const known = starts.get(graph);
  if (known) return known;
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) visit(dep);
  };
  visit(ENTRY);
  starts.set(graph, seen);
  return seen;
}

/**
 * The embed bundle: `npm run build:embed` writes dist/convmat.js, the ES
 * module that defines every element, and its chunks beside it. What runs
 * before any element has data (Lit, the elements, the spec reader) is one
 * start chunk that dist/convmat.js imports (held to DESIGN.md's 55 KB gzip by
 * test/components/embed-bundle.test.ts); everything else is fetched by
 * `import()` when an element needs it: KaTeX with its stylesheet, each
 * element's engine part (components/shared/lazy-part.ts), mathjs for
 * expressions. KaTeX's fonts are emitted as files next to the bundle and
 * found relative to import.meta.url, so the folder can be copied anywhere.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  // production builds of lit whatever NODE_ENV the caller has (vitest sets "test")
  resolve: { conditions: ['module', 'browser', 'production'] },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: false,
    rolldownOptions: {
      input: 'components/define.ts',
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: 'convmat.js',
        minify: true,
        chunkFileNames: 'convmat-[name]-[hash].js',
        // the start is one chunk beside the entry (not one per set of lazy chunks sharing a module); the lazy chunks import from it
        codeSplitting: { groups: [{ name: (id, graph) => (id !== ENTRY && startModules(graph).has(id) ? 'start' : null) }] },
        assetFileNames: 'convmat-assets/[name]-[hash][extname]',
      },
    },
  },
});
