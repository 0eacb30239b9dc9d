import { describe, expect, it } from 'vitest';
import { pageNames, pageSource } from './page-elements.ts';

/**
 * A link that says "above" or "below" points at an anchor of the same page
 * that is really above or below it (backward.html sent "see below" to the
 * section above it). Positions are read from the HTML source, in page order.
 */
const LINK = /<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g;
const WORD = /\b(above|below)\b/;

function relativeLinks(page: string): { target: string; word: 'above' | 'below'; at: number }[] {
  const html = pageSource(page);
  const out: { target: string; word: 'above' | 'below'; at: number }[] = [];
  for (const m of html.matchAll(LINK)) {
    // the word inside the link, or right before it ("see below: <a …>")
    const word = m[2]!.match(WORD)?.[1] ?? html.slice(Math.max(0, m.index! - 24), m.index!).match(/\b(above|below)\W*$/)?.[1];
    if (word) out.push({ target: m[1]!, word: word as 'above' | 'below', at: m.index! });
  }
  return out;
}

describe('in-page links that say above or below', () => {
  it('backward.html has one: its padding-mode eval case points up to #padding-modes', () => {
    expect(relativeLinks('backward.html')).toEqual([expect.objectContaining({ target: 'padding-modes', word: 'above' })]);
  });

  it.each(pageNames())('%s: each points the way it says', (page) => {
    const html = pageSource(page);
    for (const link of relativeLinks(page)) {
      const target = html.search(new RegExp(`\\sid="${link.target}"`));
      expect(target, `#${link.target} exists`).toBeGreaterThanOrEqual(0);
      expect(link.word === 'above' ? target < link.at : target > link.at, `${page}: "${link.word}" → #${link.target}`).toBe(true);
    }
  });
});
