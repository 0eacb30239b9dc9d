import type { SpecInput } from '../src/geometry/spec.ts';

/**
 * A library spec in the spelling the CLI flags and the element attributes
 * share (DESIGN.md, "one spec, three spellings"): kebab-case names, shapes as
 * `5x5`, padding pairs as `1,2;0,1`, weight and input lists as written or as
 * JSON. `true` means a bare switch. Plain data, safe in the browser tests too.
 */
export function specTexts(spec: SpecInput): Array<[string, string | true]> {
  return Object.entries(spec).map(([key, value]): [string, string | true] => {
    const name = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (value === true) return [name, true];
    if (key === 'weights' || key === 'inputs') return [name, typeof value === 'string' ? value : JSON.stringify(value)];
    if (Array.isArray(value)) return [name, value.some(Array.isArray) ? value.map((p: number[]) => p.join(',')).join(';') : value.join('x')];
    return [name, String(value)];
  });
}

/** The CLI flags of a spec. */
export function specFlags(spec: SpecInput): string[] {
  return specTexts(spec).flatMap(([name, v]) => (v === true ? [`--${name}`] : [`--${name}`, v]));
}

/** The attributes of a spec, as markup (values escaped for a double-quoted attribute). */
export function specAttributes(spec: SpecInput): string {
  const quote = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return specTexts(spec).map(([name, v]) => (v === true ? name : `${name}="${quote(v)}"`)).join(' ');
}
