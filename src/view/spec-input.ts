/**
 * What a surface needs to know about a spec written as text before it asks
 * a view for anything: its keys (the one list, src/geometry/spec-fields.ts),
 * whether its entries need the expression parser (mathjs, a chunk of its
 * own), and how to load it. The elements' door to them.
 */
export { SPEC_KEYS, type SpecInput, kebabCase } from '../geometry/spec-fields.ts';
export { specNeedsExpressions as specNeedsParser } from '../algebra/entries.ts';
export { loadExpressionParser } from '../algebra/expression.ts';
