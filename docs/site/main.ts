import { hydrate } from './hydrate.ts';
import { initSearch } from './search.ts';

/**
 * The site script: search first (it is tiny), then the element definitions,
 * then the live elements one by one in place of their static renderings.
 */
initSearch();

const toggle = document.getElementById('nav-toggle');
document.querySelector('.sidebar')?.addEventListener('click', (e) => {
  if (toggle instanceof HTMLInputElement && e.target instanceof HTMLAnchorElement) toggle.checked = false;
});

import('../../components/define.ts').then(
  () => hydrate(),
  (e: unknown) => { console.error('convmat elements failed to load', e); },
);
