import { SPEC_KEYS, type SpecKey, attributeName } from '../shared/spec-from-attributes.ts';

/**
 * Specs in the page URL. The playground: one query parameter per set spec
 * attribute, named as the attribute (`?input=5x5&kernel=3x3&transposed`).
 * A docs example's "Try other values": the attributes changed from the
 * lecture's, each prefixed with the example's key (`?ex3.padding=1&ex3.padding-mode=reflect`;
 * an attribute removed is written empty). Other parameters of the page are
 * kept. Values stay strings, exactly as typed.
 */
export function readParams(search: string, names: readonly string[], prefix = ''): Record<string, string> {
  const q = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = q.get(`${prefix}${n}`);
    if (v !== null) out[n] = v;
  }
  return out;
}

/** The query string with the parameters `prefix + name` of `names` replaced by `values` (a name not in `values` is removed). */
export function searchWithParams(search: string, names: readonly string[], values: Readonly<Record<string, string | undefined>>, prefix = ''): string {
  const q = new URLSearchParams(search);
  for (const n of names) {
    const v = values[n];
    if (v === undefined) q.delete(`${prefix}${n}`);
    else q.set(`${prefix}${n}`, v);
  }
  const s = q.toString().replace(/=(?=&|$)/g, '');
  return s ? `?${s}` : '';
}

/** Whether the query holds any parameter starting with `prefix`. */
export function hasParamsWith(search: string, prefix: string): boolean {
  return [...new URLSearchParams(search).keys()].some((k) => k.startsWith(prefix));
}

/** Replaces the current history entry's query, so the address bar always links to what is shown. */
export function replaceSearch(next: string): void {
  if (next === location.search) return;
  history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
}

const ATTRIBUTES = SPEC_KEYS.map(attributeName);

export function readSpecFromUrl(search: string): Partial<Record<SpecKey, string>> {
  const byAttribute = readParams(search, ATTRIBUTES);
  const out: Partial<Record<SpecKey, string>> = {};
  for (const k of SPEC_KEYS) if (byAttribute[attributeName(k)] !== undefined) out[k] = byAttribute[attributeName(k)];
  return out;
}

/** The query string with the spec's parameters replaced by `values`. */
export function searchWithSpec(search: string, values: Partial<Record<SpecKey, string>>): string {
  const byAttribute: Record<string, string | undefined> = {};
  for (const k of SPEC_KEYS) byAttribute[attributeName(k)] = values[k];
  return searchWithParams(search, ATTRIBUTES, byAttribute);
}

export function writeSpecToUrl(values: Partial<Record<SpecKey, string>>): void {
  replaceSearch(searchWithSpec(location.search, values));
}
