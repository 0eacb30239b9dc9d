import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SPEC_KEYS } from '../../components/shared/spec-from-attributes.ts';
import type { SpecInput } from '../../src/geometry/spec.ts';

/** The docs pages and the elements written in them, read straight from the HTML sources. */
export const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

export interface PageElement {
  readonly tag: string;
  /** attributes as written; a bare attribute (transposed) has the value '' */
  readonly attrs: Readonly<Record<string, string>>;
}

export function pageNames(): string[] {
  return readdirSync(DOCS).filter((f) => f.endsWith('.html'));
}

export function pageSource(page: string): string {
  return readFileSync(`${DOCS}${page}`, 'utf8');
}

export function pageElements(page: string): PageElement[] {
  const out: PageElement[] = [];
  for (const m of pageSource(page).matchAll(/<(conv-[a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = (a[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    out.push({ tag: m[1]!, attrs });
  }
  return out;
}

/** The spec an element's shared attributes spell (kebab-case → camelCase; a bare `transposed` is true). */
export function specOf(e: PageElement): SpecInput {
  const spec: Record<string, unknown> = {};
  for (const key of SPEC_KEYS) {
    const attr = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const v = e.attrs[attr];
    if (v === undefined) continue;
    spec[key] = key === 'transposed' ? true : v;
  }
  return spec as SpecInput;
}

/** The page text without tags, for checking what a page says. */
export function pageText(page: string): string {
  return pageSource(page).replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ').replace(/\s+/g, ' ');
}
