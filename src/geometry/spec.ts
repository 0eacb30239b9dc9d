import { ParseError } from '../errors.ts';
import { type Polynomial, symbolPoly, symbolsOf } from '../algebra/polynomial.ts';
import { assertIdentifier, assertTypesetDistinct, isIdentifier, symbolName } from '../algebra/symbols.ts';
import { type EntrySource, entryToPolynomial } from '../algebra/entries.ts';
import type { SpecInput } from './spec-fields.ts';
import { type SpecGeometry, readGeometry } from './spec-geometry.ts';
import { assertDistinct, outputNamesFor, product, tensorFamily, weightNamesFor } from './names.ts';
import { NameFamily } from './name-family.ts';

export { LIMITS, SPEC_KEYS, type SpecInput } from './spec-fields.ts';
export type { AxisGeometry, RegularConv, SpecGeometry } from './spec-geometry.ts';

/**
 * A normalised, validated spec: its geometry (spec-geometry.ts) and its names.
 * For a transposed spec, `conv` is the regular convolution whose matrix is
 * transposed (its axes' `n` is this spec's output).
 */
export interface ConvSpec extends SpecGeometry {
  /** names when every weight is a bare symbol, else null */
  readonly weightNames: readonly string[] | null;
  readonly inputNames: readonly string[] | null;
  readonly outputNames: readonly string[];
  readonly weights: readonly Polynomial[];
  readonly inputs: readonly Polynomial[];
}

/** The specs normalizeSpec made (a module-private brand: no other object passes as one). */
const NORMALISED = new WeakSet<object>();

/**
 * Validates a spec and resolves every default; an unknown key is a ParseError with a did-you-mean. A ConvSpec passes through.
 * One reading flow: fields (spec-fields.ts) → geometry (spec-geometry.ts) → names (here).
 */
export function normalizeSpec(raw: SpecInput | ConvSpec): ConvSpec {
  if (isConvSpec(raw)) return raw;
  const { geometry, weights, inputs } = readGeometry(raw as SpecInput);
  const { inputShape, outputShape, weightShape, singleChannel, transposed } = geometry;
  const w = resolveEntries(weights, 'weights', 'w', weightShape, singleChannel, (p) => weightNamesFor(p, weightShape, singleChannel));
  const z = resolveEntries(inputs, 'inputs', 'z', inputShape, singleChannel, (p) => tensorFamily(p, inputShape, singleChannel));
  const weightNames = w.names ?? [...symbolNames(w.values)];
  const taken = assertDistinct(weightNames, z.family ?? z.names ?? symbolNames(z.values));
  // the outputs' names as their rule: written when first read
  const outputs = outputNamesFor({ inputPrefix: z.prefix, inputNames: z.family ? null : z.names, weightNames, inputShape, outputShape, singleChannel, transposed, taken });
  assertTypesetDistinct([{ field: 'weights', names: w.names }, { field: 'inputs', names: z.family ?? z.names }, { field: 'outputs', names: outputs }]);
  const spec: ConvSpec = Object.freeze({
    ...geometry, weightNames: w.names, inputNames: z.names, weights: w.values, inputs: z.values,
    get outputNames() { return outputs.all(); },
  });
  NORMALISED.add(spec);
  return spec;
}

/** The geometry of a spec without making names: a ConvSpec's own, or read from the raw spec (every limit checked). */
export function specGeometry(raw: SpecInput | ConvSpec): SpecGeometry {
  return isConvSpec(raw) ? raw : readGeometry(raw as SpecInput).geometry;
}

export function isConvSpec(raw: unknown): raw is ConvSpec {
  return typeof raw === 'object' && raw !== null && NORMALISED.has(raw);
}

function resolveEntries(
  src: EntrySource | undefined, field: string, defaultPrefix: string, shape: readonly number[], singleChannel: boolean,
  namesFor: (prefix: string) => readonly string[] | NameFamily,
): { names: readonly string[] | null; family: NameFamily | null; values: Polynomial[]; prefix: string | null } {
  if (!src || src.kind === 'prefix') {
    const prefix = src?.kind === 'prefix' ? src.prefix : defaultPrefix;
    const made = namesFor(prefix);
    const family = made instanceof NameFamily ? made : null;
    const names = family ? family.all() : made as readonly string[];
    // generated names grow in length from the first to the last: checking those two checks them all
    assertIdentifier(names[0], field);
    assertIdentifier(names[names.length - 1], field);
    return { names, family, values: names.map((n) => symbolPoly(n)), prefix };
  }
  const total = product(shape);
  const spatial = shape.slice(field === 'weights' ? 2 : 1);
  const shapeOk = !src.shape || same(src.shape, shape) || (singleChannel && same(src.shape, spatial));
  if (!shapeOk || src.items.length !== total) {
    throw new ParseError({
      field, value: undefined,
      rule: `needs ${total} ${total === 1 ? 'entry' : 'entries'} in shape [${shape.join(', ')}]${singleChannel ? ` or [${spatial.join(', ')}]` : ''}, got ${src.shape ? `shape [${src.shape.join(', ')}]` : `${src.items.length}`}`,
    });
  }
  const values = src.items.map((v, i) => entryToPolynomial(v, `${field}[${i}]`));
  const bare = src.items.every((v) => typeof v === 'string' && isIdentifier(v.trim()));
  return { names: bare ? src.items.map((v) => String(v).trim()) : null, family: null, values, prefix: null };
}

/** The names of the symbols in entries that are expressions (`2*a`), for the name checks. */
function symbolNames(values: readonly Polynomial[]): Set<string> {
  const names = new Set<string>();
  for (const p of values) for (const id of symbolsOf(p)) names.add(symbolName(id));
  return names;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
