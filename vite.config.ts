import { defineConfig } from 'vite';

/** The documentation site and playground: `npm run dev` serves it, `npm run build:site` writes dist/site/. */
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist/site',
    emptyOutDir: true,
  },
});
