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
