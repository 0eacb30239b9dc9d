import { ParseError } from './errors.ts';

/**
 * Nesting is bounded before anything recurses over it. No valid layout nests
 * deeper than these: weights [C_out, C_in/g, k, k, k] have rank 5; a spec
 * object adds one level; an eval input (an array of cases, each an object
 * holding rank-5 weights) adds two. JSON text is scanned once, without
 * parsing, and arrays handed to the library are walked without recursion.
 */
export const MAX_DEPTH = { entries: 5, spec: 6, eval: 7 } as const;

/** The deepest nesting of [ and { in JSON text (strings skipped); stops counting past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) { max = depth; if (max > limit) return max; }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** JSON.parse, after refusing text nested deeper than `maxDepth`. */
export function parseJsonText(text: string, field: string, maxDepth: number, fix?: string): unknown {
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) throw tooDeep(field, depth, maxDepth);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ParseError({ field, value: text, rule: `is not valid JSON (${(e as Error).message})`, ...(fix ? { fix } : {}) });
  }
}

/** Refuses arrays nested deeper than `maxDepth`, walking them without recursion. */
export function assertArrayDepth(v: unknown, field: string, maxDepth: number): void {
  const stack: Array<[unknown, number]> = [[v, 1]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (!Array.isArray(x)) continue;
    if (d > maxDepth) throw tooDeep(field, d, maxDepth);
    for (const y of x) if (Array.isArray(y)) stack.push([y, d + 1]);
  }
}

function tooDeep(field: string, _depth: number, maxDepth: number): ParseError {
  return new ParseError({
    field, value: undefined,
    rule: `is nested more than ${maxDepth} levels deep, deeper than any valid layout`,
    fix: 'weights are at most [C_out, C_in/groups, k, k, k], inputs [C_in, n, n, n]',
  });
}

/**
 * Marks a JSON string made by `markInexactNumbers` from a number the JSON
 * parser cannot hold: U+0000 then the number's text. (A user's own string
 * starting with U+0000 is read the same way: as that decimal, strictly.)
 */
export const EXACT_MARK = '\u0000';

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * JSON text in which every number whose double is not the decimal written
 * (more than 15 significant digits that a double does not keep, or a number
 * past the largest or below the smallest double) becomes the string
 * EXACT_MARK + its text, so a reader can take it digit for digit. Numbers a
 * double holds exactly as written are left alone (the common case costs one scan).
 */
export function markInexactNumbers(text: string): string {
  let out = '', from = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) { inString = true; continue; }
    if (c !== 45 && (c < 48 || c > 57)) continue;
    NUMBER_TOKEN.lastIndex = i;
    const m = NUMBER_TOKEN.exec(text);
    if (!m) continue;
    const token = m[0];
    if (!heldByDouble(token)) {
      out += `${text.slice(from, i)}"\\u0000${token}"`; // EXACT_MARK, escaped as JSON requires
      from = i + token.length;
    }
    i += token.length - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Whether the double nearest a decimal token is that decimal (compared as digits and exponent). */
function heldByDouble(token: string): boolean {
  const digits = token.replace(/[eE].*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
  // ≤ 15 significant digits within ±10^±300: a double keeps them (DBL_DIG = 15)
  if (token.length <= 24 && digits.replace(/0+$/, '').length <= 15 && !/[eE][+-]?\d{3}/.test(token)) return true;
  return decimalKey(token) === decimalKey(String(Number(token)));
}

/** A decimal as "digits e exponent" with no leading or trailing zeros ("0" for zero; "x" for Infinity). */
function decimalKey(s: string): string {
  if (!/^-?\d/.test(s)) return 'x';
  const [mant = '', exp = '0'] = s.replace(/^-/, '').toLowerCase().split('e');
  const [int = '', frac = ''] = mant.split('.');
  const all = (int + frac).replace(/^0+/, '');
  if (all === '') return '0';
  const lead = (int + frac).length - all.length; // zeros dropped in front
  const trimmed = all.replace(/0+$/, '');
  return `${s.startsWith('-') ? '-' : ''}${trimmed}e${Number(exp) + int.length - lead}`;
}

/**
 * How many items the top-level array of JSON text holds (1 when the text is
 * not an array), counted from its commas without parsing; stops past `limit`.
 */
export function topLevelItems(text: string, limit = Infinity): number {
  const start = text.search(/\S/);
  if (start < 0 || text.charCodeAt(start) !== 91) return 1;
  let depth = 0, items = 0, inString = false, empty = true;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) { if (--depth === 0) break; }
    else if (c === 44 && depth === 1 && ++items >= limit) return items + 1;
    if (depth >= 1 && i > start && c > 32) empty = false;
  }
  return empty ? 0 : items + 1;
}
