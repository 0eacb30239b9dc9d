import type { SpecInput } from '../geometry/spec.ts';
import { needsExpressionParser, parseEntrySource } from '../algebra/entries.ts';
import { loadExpressionParser as loadMathjs } from '../algebra/expression.ts';

/**
 * What a surface needs to know about a spec written as text before it asks
 * a view for anything: whether its entries need the expression parser
 * (mathjs, a chunk of its own), and how to load it.
 */

/** True when `weights` or `inputs` hold an expression only mathjs reads (an implicit product such as `2x`; `2*w1` needs nothing). */
export function specNeedsParser(spec: SpecInput): boolean {
  for (const field of ['weights', 'inputs'] as const) {
    const v = spec[field];
    if (v === undefined) continue;
    try {
      const src = parseEntrySource(v, field);
      if (src.kind === 'list' && src.items.some(needsExpressionParser)) return true;
    } catch {
      // a malformed value is reported by normalizeSpec with its field name
    }
  }
  return false;
}

/** Loads mathjs for such expressions (the caller keeps the promise; see the elements' expressionParser). */
export function loadExpressionParser(): Promise<unknown> {
  return loadMathjs();
}
