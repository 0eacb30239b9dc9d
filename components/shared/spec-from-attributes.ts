import { ParseError, SpecError } from '../../src/errors.ts';
import { SPEC_KEYS, type SpecInput, kebabCase, loadExpressionParser as loadMathjs, specNeedsParser } from '../../src/view/spec-input.ts';
import { LazyPart } from './lazy-part.ts';

/**
 * The shared spec attributes of every element (DESIGN.md), in the CLI's
 * syntax. Attributes are kebab-case, properties camelCase; values are handed
 * to the engine's own parsers untouched, so the element accepts exactly what
 * `convmat --input 5x5 --padding same` does.
 */
export { SPEC_KEYS };

export type SpecKey = (typeof SPEC_KEYS)[number];

/** outputPadding → output-padding: the CLI's flag rule (one home, src/geometry/spec-fields.ts) */
export const attributeName = kebabCase;

/**
 * How a spec property reflects to its attribute: text as written, a number
 * as its digits, a list as JSON; anything else (a Symbol, a function) has no
 * attribute form and removes the attribute, and the element says why
 * (specFromAttributes) instead of throwing into the page.
 */
const specConverter = {
  fromAttribute: (v: string | null) => v,
  toAttribute: (v: unknown): string | null => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) { try { return JSON.stringify(v); } catch { return null; } }
    return null;
  },
};

type SpecProperty = { reflect: true; attribute: string; converter: typeof specConverter };

/** Lit property declarations for the spec keys: text that reflects to kebab-case attributes. */
export function specProperties(): Record<SpecKey, SpecProperty> {
  const out = {} as Record<SpecKey, SpecProperty>;
  for (const k of SPEC_KEYS) out[k] = { reflect: true, attribute: attributeName(k), converter: specConverter };
  return out;
}

export type SpecAttributes = Partial<Record<SpecKey, unknown>>;

/**
 * The spec of an element: every set attribute, as written; `transposed` is a
 * boolean attribute. A property set to what no attribute can hold (a Symbol,
 * a function, an object) is a SpecError naming it.
 */
export function specFromAttributes(values: SpecAttributes): SpecInput {
  const spec: Record<string, unknown> = {};
  for (const k of SPEC_KEYS) {
    const v = values[k];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && !Array.isArray(v)) {
      throw new SpecError({
        field: k, value: typeof v === 'symbol' ? String(v) : typeof v,
        rule: 'must be text, as the attribute is written (a number or a list also do)', fix: `set ${attributeName(k)} as in the CLI, e.g. "x,y,z"`,
      });
    }
    spec[k] = k === 'transposed' ? (v === '' ? true : v) : v;
  }
  return spec as SpecInput;
}

export { specNeedsParser };

/** mathjs, for such expressions: a separate chunk of the bundle, loaded once by the first element that needs it. */
export const expressionParser = new LazyPart('the expression parser', () => loadMathjs());

export function loadExpressionParser(): Promise<unknown> {
  return expressionParser.load();
}

/**
 * A numeric index attribute (`step`, `active`) as Lit read it: undefined when
 * unset, else an integer from 0 (to `count` − 1 when given). Anything else, such
 * as `step="<img>"` (read as NaN), is a SpecError naming the attribute and the rule.
 */
export function checkIndex(name: string, value: number | undefined | null, raw: string | null, count?: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 0 || (count !== undefined && value >= count)) {
    const range = count === undefined ? 'a whole number from 0' : `an integer from 0 to ${count - 1}`;
    throw new SpecError({ field: name, value: raw ?? value, rule: `must be ${range}` });
  }
  return value;
}

/**
 * Refuses a spec attribute an element has no use for (`weights` on a
 * receptive field, `dilation` on the separable counts), so a value is never
 * silently ignored: a ParseError naming the attribute, what the element reads
 * instead, and the fix.
 */
export function rejectUnused(tag: string, values: SpecAttributes, used: readonly SpecKey[]): void {
  for (const k of SPEC_KEYS) {
    const v = values[k];
    if (v === null || v === undefined || used.includes(k)) continue;
    throw new ParseError({
      field: k, value: v,
      rule: `is not used by <${tag}>, which reads ${used.map(attributeName).join(', ')}`,
      fix: `remove ${attributeName(k)}`,
    });
  }
}
