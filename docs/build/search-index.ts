import { htmlToText, mainOf } from './html-text.ts';

/**
 * The client-side search index, built at build time: one entry per h2/h3
 * section of every page (the page's intro counts as its own entry), with
 * the root-relative URL of its deep link and the section's visible text.
 */
export interface SearchEntry {
  /** root-relative URL with fragment, e.g. `docs/2d.html#the-lecture-s-5x5-example` */
  readonly url: string;
  readonly page: string;
  readonly heading: string;
  readonly text: string;
}

const MAX_TEXT = 700;

export function sectionsOf(file: string, pageTitle: string, html: string): SearchEntry[] {
  const main = mainOf(html);
  const parts = main.split(/(?=<h[23][^>]*\sid="[^"]+")/);
  const out: SearchEntry[] = [];
  for (const part of parts) {
    const h = /^<h[23][^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h[23]>/.exec(part);
    const heading = h ? htmlToText(h[2]!.replace(/<a class="anchor"[\s\S]*?<\/a>/, '')) : pageTitle;
    const text = htmlToText(h ? part.slice(h[0].length) : part).slice(0, MAX_TEXT);
    if (!h && !text) continue;
    out.push({ url: h ? `${file}#${h[1]}` : file, page: pageTitle, heading, text });
  }
  return out;
}
