import { GROUPS, PAGES, type PageInfo, relativeUrl } from './pages.ts';
import { anchorHeadings, escapeHtml, type Heading } from './html-text.ts';

/**
 * The shell every page shares: head links (site CSS, the site script), the
 * header with the search box, the sidebar with every page and the current
 * page's sections, and the footer. Written at build time, so navigation
 * works with JavaScript off. Links are relative, so the site works from any
 * folder of a static host.
 */
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/><path d="M3 4h4v4H3zM9 8h4v4H9z" fill="#fff"/></svg>';

export function applyLayout(page: PageInfo, source: string): { html: string; headings: Heading[] } {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/.exec(source)?.[1] ?? '';
  const { html: content, headings } = anchorHeadings(body);
  const home = relativeUrl(page.file, 'index.html');
  const head = [
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(ICON)}">`,
    `<meta name="convmat-root" content="${escapeHtml(relativeUrl(page.file, ''))}">`,
    '<link rel="stylesheet" href="/docs/site/site.css">',
    '<script type="module" src="/docs/site/main.ts"></script>',
    '<script>document.documentElement.classList.add("js")</script>',
  ].join('\n');
  const withHead = source.replace(/<\/head>/, `${head}\n</head>`);
  const shell = `<body>
<a class="skip" href="#content">Skip to content</a>
<header class="site-header">
  <input type="checkbox" id="nav-toggle" class="nav-toggle" aria-hidden="true" tabindex="-1">
  <label for="nav-toggle" class="nav-button" title="Menu"><span aria-hidden="true">☰</span><span class="sr-only">Menu</span></label>
  <a class="brand" href="${home}">convmat</a>
  <form class="search" role="search" action="#" onsubmit="return false">
    <label for="site-search" class="sr-only">Search the site</label>
    <input id="site-search" type="search" placeholder="Search…" autocomplete="off" aria-controls="search-results">
    <ol id="search-results" class="search-results" hidden></ol>
  </form>
</header>
<div class="layout">
${sidebar(page, headings)}
${content}
</div>
<footer class="site-footer"><p>convmat: every matrix on this site is computed by the engine and checked against the sliding window in your browser.</p></footer>
</body>`;
  return { html: withHead.replace(/<body\b[^>]*>[\s\S]*<\/body>/, shell), headings };
}

function sidebar(page: PageInfo, headings: readonly Heading[]): string {
  const groups = GROUPS.map((g) => {
    const links = PAGES.filter((p) => p.group === g).map((p) => {
      const current = p.file === page.file;
      const sub = current && headings.some((h) => h.level === 2)
        ? `<ol class="toc">${headings.filter((h) => h.level === 2).map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`).join('')}</ol>`
        : '';
      return `<li><a href="${relativeUrl(page.file, p.file)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a>${sub}</li>`;
    });
    return `<p class="nav-group">${g}</p><ul>${links.join('')}</ul>`;
  });
  return `<nav class="sidebar" aria-label="Site">${groups.join('\n')}</nav>`;
}
