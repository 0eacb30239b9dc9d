import { SPEC_KEYS, type SpecKey, attributeName } from '../shared/spec-from-attributes.ts';

/**
 * The playground's spec in the page URL: one query parameter per set spec
 * attribute, named as the attribute (`?input=5x5&kernel=3x3&transposed`).
 * Other parameters of the page are kept. Values stay strings, exactly as typed.
 */
export function readSpecFromUrl(search: string): Partial<Record<SpecKey, string>> {
  const q = new URLSearchParams(search);
  const out: Partial<Record<SpecKey, string>> = {};
  for (const k of SPEC_KEYS) {
    const v = q.get(attributeName(k));
    if (v !== null) out[k] = v;
  }
  return out;
}

/** The query string with the spec's parameters replaced by `values`. */
export function searchWithSpec(search: string, values: Partial<Record<SpecKey, string>>): string {
  const q = new URLSearchParams(search);
  for (const k of SPEC_KEYS) {
    const v = values[k];
    if (v === undefined) q.delete(attributeName(k));
    else q.set(attributeName(k), v);
  }
  const s = q.toString().replace(/=(?=&|$)/g, '');
  return s ? `?${s}` : '';
}

/** Replaces the current history entry's query, so the address bar always links to what is shown. */
export function writeSpecToUrl(values: Partial<Record<SpecKey, string>>): void {
  const next = searchWithSpec(location.search, values);
  if (next === location.search) return;
  history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
}
