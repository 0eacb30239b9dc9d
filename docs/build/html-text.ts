/**
 * Small string helpers for the site's own HTML (written by us, so regular):
 * escaping, tag stripping, slugs and heading extraction. No HTML parser is
 * needed for pages we author ourselves.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', times: '×', middot: '·', rarr: '→' };

/** Visible text of an HTML fragment: tags, templates, scripts and styles removed, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))
    .replace(/\s+/g, ' ')
    .trim();
}

export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-') || 'section';
}

export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

const HEADING = /<h([23])([^>]*)>([\s\S]*?)<\/h\1>/g;

/**
 * Gives every h2/h3 an id (kept when written, else a unique slug) and a
 * visible anchor link, and returns the headings in order.
 */
export function anchorHeadings(html: string): { html: string; headings: Heading[] } {
  const used = new Set<string>([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const headings: Heading[] = [];
  const out = html.replace(HEADING, (_m, level: string, attrs: string, inner: string) => {
    const text = htmlToText(inner);
    let id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    if (!id) {
      const base = slugify(text);
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      attrs = `${attrs} id="${id}"`;
    }
    headings.push({ level: Number(level), id, text });
    const anchor = `<a class="anchor" href="#${id}" aria-label="Link to ${escapeHtml(text)}">#</a>`;
    return `<h${level}${attrs}>${inner}${anchor}</h${level}>`;
  });
  return { html: out, headings };
}

/** The content of `<main …>…</main>` in a page, or '' when absent. */
export function mainOf(html: string): string {
  return /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}
