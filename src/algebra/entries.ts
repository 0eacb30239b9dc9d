import { ParseError } from '../errors.ts';
import { type Polynomial, constPoly, symbolPoly } from './polynomial.ts';
import { expressionNeedsMathjs, parseExpression } from './expression.ts';
import { parseRational } from './rational.ts';
import { assertIdentifier, isIdentifier } from './symbols.ts';
import { MAX_DEPTH, assertArrayDepth, parseJsonText } from '../json-depth.ts';

/**
 * Reading the `weights` and `inputs` of a spec: a name prefix ("w"), a list of
 * names or values ("x,y,z", "1/2,2*w1"), or a (nested) array of numbers, names
 * and expressions, given as an array or as JSON text.
 */
export type EntryValue = number | string | Polynomial;

export type EntrySource =
  | { kind: 'prefix'; prefix: string }
  | { kind: 'list'; items: EntryValue[]; shape: number[] | null };

/** What an expression may contain: names, numbers, + − * / ^, parentheses and spaces. */
const NOT_EXPRESSION = /[^A-Za-z0-9_.+\-*/^()\s]/u;

/** True when a value is an expression only mathjs reads (`2x`), so a browser caller can load it first. */
export function needsExpressionParser(v: EntryValue): boolean {
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return !isIdentifier(s) && !NOT_EXPRESSION.test(s) && !isPlainNumber(s) && expressionNeedsMathjs(s);
}

/**
 * Whether a spec's weights or inputs hold an expression only mathjs reads (an
 * implicit product such as `2x`; `2*w1` is plain arithmetic). The CLI and the
 * elements load mathjs only then: importing it costs about a second, more
 * than everything else together. A malformed value answers false: normalizeSpec reports it with its field.
 */
export function specNeedsExpressions(spec: { readonly weights?: unknown; readonly inputs?: unknown }): boolean {
  return (['weights', 'inputs'] as const).some((field) => {
    const v = spec[field];
    if (v === undefined) return false;
    let src: EntrySource;
    try { src = parseEntrySource(v, field); } catch { return false; }
    return src.kind === 'list' && src.items.some(needsExpressionParser);
  });
}

/** A word that is meant as a name (letters, digits, _; not starting with a digit), identifier or not. */
const NAME_LIKE = /^[\p{L}_][\p{L}\p{N}_]*$/u;

export function entryToPolynomial(v: EntryValue, field: string): Polynomial {
  if (typeof v === 'number') return constPoly(parseRational(v, field));
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (isIdentifier(s)) return symbolPoly(s);
  if (NAME_LIKE.test(s)) assertIdentifier(s, field); // a NameError naming the field, not a later shape error
  const bad = NOT_EXPRESSION.exec(s);
  if (bad) {
    throw new ParseError({
      field, value: v,
      rule: `is not a number, a name or an expression: ${JSON.stringify(bad[0])} is not allowed`,
      fix: 'use numbers, names, + - * / ^ and parentheses',
    });
  }
  if (isPlainNumber(s)) return constPoly(parseRational(s, field));
  return parseExpression(s, field);
}

function isPlainNumber(s: string): boolean {
  try { parseRational(s); return true; } catch { return false; }
}

export function parseEntrySource(v: unknown, field: string): EntrySource {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('[')) {
      const json = parseJsonText(s, field, MAX_DEPTH.entries, 'write a nested array such as [[0,1,2],[2,2,0]]');
      return nested(json, field);
    }
    if (s.includes(',')) return { kind: 'list', items: s.split(',').map((x) => x.trim()), shape: null };
    if (isIdentifier(s)) return { kind: 'prefix', prefix: s };
    if (NAME_LIKE.test(s)) assertIdentifier(s, field);
    return { kind: 'list', items: [s], shape: null };
  }
  if (Array.isArray(v)) return nested(v, field);
  throw new ParseError({ field, value: v, rule: 'expected a name prefix, a comma-separated list, or an array' });
}

function nested(v: unknown, field: string): EntrySource {
  if (!Array.isArray(v)) throw new ParseError({ field, value: v, rule: 'expected an array' });
  assertArrayDepth(v, field, MAX_DEPTH.entries);
  const items: EntryValue[] = [];
  const shape = shapeOf(v, field, items);
  return { kind: 'list', items, shape };
}

/** Depth-first flattening that checks the array is rectangular and its leaves are values. */
function shapeOf(v: unknown, field: string, out: EntryValue[]): number[] {
  if (!Array.isArray(v)) {
    if (typeof v === 'number' || typeof v === 'string') { out.push(v); return []; }
    throw new ParseError({ field, value: v, rule: 'entries must be numbers, names or expressions' });
  }
  if (v.length === 0) throw new ParseError({ field, value: v, rule: 'arrays must not be empty' });
  const first = shapeOf(v[0], `${field}[0]`, out);
  for (let i = 1; i < v.length; i++) {
    const s = shapeOf(v[i], `${field}[${i}]`, out);
    if (s.length !== first.length || s.some((x, j) => x !== first[j])) {
      throw new ParseError({
        field: `${field}[${i}]`, value: undefined,
        rule: `ragged array: expected shape [${first.join(', ')}] like ${field}[0], got [${s.join(', ')}]`,
      });
    }
  }
  return [v.length, ...first];
}
