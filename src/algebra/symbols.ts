import { NameError } from '../errors.ts';

/**
 * Interned symbols. A symbol is a small integer id; its name is an identifier
 * that both mathjs and SymPy parse (letter first, then letters, digits, `_`).
 */
const ids = new Map<string, number>();
const names: string[] = [];

export const MAX_NAME_LENGTH = 64;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Words that parse as operators or constants in mathjs or as keywords in Python/SymPy. */
const RESERVED = new Set([
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'end', 'true', 'false', 'null', 'undefined',
  'Infinity', 'NaN', 'pi', 'e', 'E', 'i', 'I', 'PI', 'tau', 'phi', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT1_2', 'SQRT2',
  'lambda', 'if', 'else', 'for', 'while', 'def', 'class', 'import', 'from', 'as', 'is', 'None', 'True', 'False',
  'return', 'pass', 'with', 'yield', 'global', 'del', 'try', 'except', 'raise', 'assert', 'break', 'continue', 'elif',
  'finally', 'nonlocal', 'async', 'await', 'oo', 'zoo', 'S', 'N', 'O', 'Q',
]);

export function isIdentifier(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** Throws a NameError naming `field` unless `name` is a usable identifier. */
export function assertIdentifier(name: unknown, field: string): asserts name is string {
  if (typeof name !== 'string' || !isIdentifier(name)) {
    const reserved = typeof name === 'string' && RESERVED.has(name);
    throw new NameError({
      field, value: name,
      rule: reserved
        ? 'this name is reserved by mathjs or SymPy'
        : `a name must be an identifier: a letter, then letters, digits or _, at most ${MAX_NAME_LENGTH} characters`,
      fix: 'use names such as w1, x, z_2_3',
    });
  }
}

/** The id of a symbol, interning it on first use. */
export function intern(name: string): number {
  let id = ids.get(name);
  if (id === undefined) {
    assertIdentifier(name, 'symbol');
    id = names.length;
    names.push(name);
    ids.set(name, id);
  }
  return id;
}

export function symbolName(id: number): string {
  const n = names[id];
  if (n === undefined) throw new RangeError(`unknown symbol id ${id}`);
  return n;
}

/** Compares names naturally: w2 before w10, z_1_2 before z_1_10. */
const collator = new Intl.Collator('en', { numeric: true });
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
