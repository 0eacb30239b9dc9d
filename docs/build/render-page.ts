import { generateApi } from './gen-api.ts';
import { generateArchitecture } from './gen-architecture.ts';
import { generateCli } from './gen-cli.ts';
import { generateElements } from './gen-elements.ts';
import { generateFigureFormats, generateNoteExample } from './gen-figures.ts';
import { generateIdentities } from './gen-identities.ts';
import { generateOneHot } from './gen-one-hot.ts';
import { generatePerformance } from './gen-performance.ts';
import type { Heading } from './html-text.ts';
import { applyLayout } from './layout.ts';
import { type LiveElement, liveSlots } from './live-slots.ts';
import type { PageInfo } from './pages.ts';

/**
 * One page from its source to the HTML Vite bundles: generated sections
 * (`<div data-generate="cli"></div>` and friends) are filled in, elements
 * become live slots with their static fallback, and the shared layout wraps
 * the result.
 */
type Generator = (root: string) => string | Promise<string>;

const GENERATORS: Record<string, Generator> = {
  cli: () => generateCli(),
  api: generateApi,
  elements: generateElements,
  performance: generatePerformance,
  'one-hot': () => generateOneHot(),
  architecture: () => generateArchitecture(),
  identities: () => generateIdentities(),
  'figure-formats': () => generateFigureFormats(),
  'note-example': () => generateNoteExample(),
};

export interface RenderedPage {
  readonly html: string;
  readonly headings: Heading[];
  readonly elements: LiveElement[];
  /** the page without the static fallbacks, for the search index */
  readonly searchHtml: string;
}

async function fillGenerated(source: string, root: string): Promise<string> {
  const marks = [...source.matchAll(/<div data-generate="([\w-]+)"><\/div>/g)];
  let out = source;
  for (const m of marks) {
    const gen = GENERATORS[m[1]!];
    if (!gen) throw new Error(`unknown generated section "${m[1]}"`);
    out = out.replace(m[0], await gen(root));
  }
  return out;
}

const cache = new Map<string, Promise<RenderedPage>>();

/** Renders a page; the same source is rendered once (the build asks for each page twice: HTML and search index). */
export function renderPage(page: PageInfo, source: string, root: string, warn?: (m: string) => void): Promise<RenderedPage> {
  const key = `${page.file}\0${source}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = renderUncached(page, source, root, warn);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

async function renderUncached(page: PageInfo, source: string, root: string, warn?: (m: string) => void): Promise<RenderedPage> {
  const filled = await fillGenerated(source, root);
  const { html: live, elements } = liveSlots(filled, warn);
  const { html, headings } = applyLayout(page, live);
  return { html, headings, elements, searchHtml: applyLayout(page, filled).html };
}
