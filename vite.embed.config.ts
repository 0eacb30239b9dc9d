import { defineConfig } from 'vite';

/**
 * The embed bundle: `npm run build:embed` writes dist/convmat.js, one ES
 * module that defines every element. KaTeX's fonts are emitted as files next
 * to it and found relative to import.meta.url, so the folder can be copied
 * anywhere; mathjs is a separate chunk loaded only for expressions.
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
        assetFileNames: 'convmat-assets/[name]-[hash][extname]',
      },
    },
  },
});
