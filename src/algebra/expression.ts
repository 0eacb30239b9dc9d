import { ParseError } from '../errors.ts';
import { parseArithmetic } from './arithmetic.ts';
import { type ExpressionReader, type MathjsModule, mathjsReader } from './mathjs-reader.ts';
import type { Polynomial } from './polynomial.ts';
import { polynomialToText } from './print.ts';

/**
 * User expressions (`1/2`, `2*w1`, `-(x+y)/3`) as exact polynomials. Only +,
 * −, ·, division by a number and whole powers are accepted; anything else is a
 * ParseError naming the field.
 *
 * Plain arithmetic is read here, synchronously, without mathjs, in every
 * environment and every bundle. mathjs reads the rest (implicit products such
 * as `2x`): in Node it is required synchronously on first need; in a browser
 * `await loadExpressionParser()` first (the elements and the CLI do). So
 * `import 'convmat'` never loads mathjs, and no import has a side effect.
 */
export const MAX_EXPRESSION_LENGTH = 500;

let reader: ExpressionReader | undefined;

export function parseExpression(text: string, field = 'expression'): Polynomial {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ParseError({ field, value: text, rule: `expressions are at most ${MAX_EXPRESSION_LENGTH} characters` });
  }
  return parseArithmetic(text, field) ?? readWithMathjs(text, field);
}

/** True when `text` is an expression only mathjs reads (so a browser caller can load it first). */
export function expressionNeedsMathjs(text: string): boolean {
  if (reader || text.length > MAX_EXPRESSION_LENGTH) return false;
  try {
    return parseArithmetic(text, 'expression') === undefined;
  } catch {
    return false; // an error that parseExpression reports without mathjs
  }
}

/** Loads mathjs for the expressions plain arithmetic does not cover (a separate chunk in bundles). Idempotent. */
export async function loadExpressionParser(): Promise<void> {
  if (reader) return;
  // named, so that bundlers keep only the parser's dependencies of mathjs
  const { create, parseDependencies } = await import('mathjs');
  reader ??= mathjsReader({ create, parseDependencies } as MathjsModule);
}

/** Text of a polynomial parsed back by mathjs itself: the round trip the CLI's JSON promises. */
export function roundTrip(p: Polynomial): Polynomial {
  return readWithMathjs(polynomialToText(p), 'expression');
}

function readWithMathjs(text: string, field: string): Polynomial {
  reader ??= requireReader();
  if (!reader) {
    throw new ParseError({
      field, value: text,
      rule: 'is not plain arithmetic (numbers, names, + - * / ^, parentheses), and mathjs, which reads the rest, is not loaded',
      fix: 'write products with * (2*x instead of 2x), or await loadExpressionParser() first',
    });
  }
  return reader(text, field);
}

type NodeModuleApi = typeof import('node:module');

/** In Node: mathjs and its reader through require, synchronously. Elsewhere: undefined. */
function requireReader(): ExpressionReader | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const moduleApi = nodeProcess?.getBuiltinModule?.('node:module') as NodeModuleApi | undefined;
  if (!moduleApi) return undefined;
  const require = moduleApi.createRequire(import.meta.url);
  const mathjs = require('mathjs') as MathjsModule;
  return mathjsReader(mathjs);
}
