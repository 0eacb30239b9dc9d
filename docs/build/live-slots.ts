import { prerender } from './prerender.ts';

/**
 * Wraps every convmat element of a page in a "live slot": the static,
 * build-time rendering first (readable with JavaScript off), and the live
 * element inside a <template>. The site script swaps them in one at a time,
 * one task each, so no single task blocks the page while the elements render.
 */
const ELEMENT = /<(conv-[a-z-]+)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*>([\s\S]*?)<\/\1>/g;
const ATTR = /([\w-]+)(?:="([^"]*)")?/g;

export function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1]!] = decode(m[2] ?? '');
  return out;
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface LiveElement {
  readonly tag: string;
  readonly attrs: Record<string, string>;
}

export function liveSlots(html: string, warn?: (m: string) => void): { html: string; elements: LiveElement[] } {
  const elements: LiveElement[] = [];
  const out = html.replace(ELEMENT, (whole, tag: string, attrSource: string) => {
    const attrs = parseAttributes(attrSource);
    elements.push({ tag, attrs });
    const fallback = prerender(tag, attrs, warn);
    return `<div class="live" data-tag="${tag}"><div class="fallback">${fallback}</div><template>${whole}</template></div>`;
  });
  return { html: out, elements };
}
