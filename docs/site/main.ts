import { hydrate } from './hydrate.ts';
import { initSearch } from './search.ts';
import { watchScrollFocus } from '../../components/shared/scroll-focus.ts';

/**
 * The site script: search first (it is tiny), then the element definitions,
 * then KaTeX, then the live elements one by one in place of their static renderings.
 */
initSearch();

// the page's boxes that scroll sideways (site.css gives them overflow: auto) are tab stops while they scroll
watchScrollFocus(document.querySelectorAll('pre, .table-wrap, .katex-display, .live, .identity .statement'));

const toggle = document.getElementById('nav-toggle');
document.querySelector('.sidebar')?.addEventListener('click', (e) => {
  if (toggle instanceof HTMLInputElement && e.target instanceof HTMLAnchorElement) toggle.checked = false;
});

// KaTeX is evaluated in a task of its own, before the first element renders in another; a page
// without live elements (the API reference…) never loads the elements, the engine or KaTeX.
const live = document.querySelector('.live, .identity-live') !== null;
(live ? import('../../components/define.ts')
  .then(() => import('../../components/shared/katex-block.ts'))
  .then(async (k) => { await k.loadKatex(); await nextTask(); k.warmKatex(); }) : Promise.resolve())
  .then(
  () => hydrate(),
  (e: unknown) => { console.error('convmat elements failed to load', e); },
);

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
