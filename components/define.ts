import { defineElements } from './elements.ts';

/**
 * `convmat/elements`: the one module with side effects. It registers every
 * element where a document exists (a browser, jsdom, happy-dom) and defines
 * nothing elsewhere: under Node without a DOM (a server render, a static-site
 * build) it only exports the classes, synchronously, so `require()` works.
 * The embed bundle (dist/convmat.js) and the package's ES build for Node and
 * bundlers (dist/lib/elements.js, which imports lit, katex and mathjs) are
 * both built from it.
 */
if (typeof document !== 'undefined' && typeof customElements !== 'undefined') defineElements();

export * from './elements.ts';
