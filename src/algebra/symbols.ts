import { NameError } from '../errors.ts';

/**
 * Interned symbols. A symbol is a small integer id; its name is an identifier
 * that both mathjs and SymPy parse (letter first, then letters, digits, `_`).
 */
const ids = new Map<string, number>();
const names: string[] = [];

export const MAX_NAME_LENGTH = 64;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * Words a reader of the JSON contract parses as something other than a
 * symbol. mathjs: operators and constants. Python: keywords. SymPy: the
 * names `parse_expr`/`sympify` resolve from `from sympy import *` to a
 * constant, a function or a class (a weight called `beta` or `sin` would
 * come back as the function), kept to the words a user might choose: the
 * constants, one-letter helpers, elementary and special functions, and the
 * core classes.
 */
const RESERVED = new Set([
  // mathjs operators and constants
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'end', 'true', 'false', 'null', 'undefined',
  'Infinity', 'NaN', 'pi', 'e', 'E', 'i', 'I', 'PI', 'tau', 'phi', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT1_2', 'SQRT2',
  // Python keywords
  'lambda', 'if', 'else', 'for', 'while', 'def', 'class', 'import', 'from', 'as', 'is', 'None', 'True', 'False',
  'return', 'pass', 'with', 'yield', 'global', 'del', 'try', 'except', 'raise', 'assert', 'break', 'continue', 'elif',
  'finally', 'nonlocal', 'async', 'await',
  // SymPy constants and one-letter helpers
  'oo', 'zoo', 'nan', 'S', 'N', 'O', 'Q', 'EulerGamma', 'Catalan', 'GoldenRatio', 'TribonacciConstant',
  // SymPy elementary functions
  'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'asin', 'acos', 'atan', 'acot', 'asec', 'acsc', 'atan2', 'sinc',
  'sinh', 'cosh', 'tanh', 'coth', 'sech', 'csch', 'asinh', 'acosh', 'atanh', 'acoth', 'asech', 'acsch',
  'exp', 'log', 'ln', 'sqrt', 'cbrt', 'root', 'real_root', 'Abs', 'abs', 'sign', 're', 'im', 'arg', 'conjugate',
  'floor', 'ceiling', 'frac', 'Max', 'Min', 'Mod', 'gcd', 'lcm', 'factorial', 'binomial', 'prime', 'divisors',
  // SymPy special functions
  'gamma', 'beta', 'zeta', 'eta', 'erf', 'erfc', 'erfi', 'Ei', 'Si', 'Ci', 'li', 'Li', 'polylog', 'lerchphi',
  'digamma', 'polygamma', 'loggamma', 'LambertW', 'Heaviside', 'DiracDelta', 'KroneckerDelta', 'LeviCivita',
  'besselj', 'bessely', 'besseli', 'besselk', 'jn', 'yn', 'hyper', 'bernoulli', 'euler', 'fibonacci', 'lucas',
  'catalan', 'harmonic', 'legendre', 'hermite', 'laguerre', 'chebyshevt', 'chebyshevu', 'jacobi',
  'ff', 'rf', 'Ynm', 'Znm',
  // SymPy classes and helpers that parse as themselves
  'Symbol', 'Symbols', 'symbols', 'Function', 'Matrix', 'Integer', 'Rational', 'Float', 'Number', 'Poly', 'Expr',
  'Add', 'Mul', 'Pow', 'Sum', 'Product', 'Integral', 'Derivative', 'Limit', 'Piecewise', 'Lambda', 'Tuple',
  'Eq', 'Ne', 'Lt', 'Le', 'Gt', 'Ge', 'And', 'Or', 'Not', 'Xor', 'Implies', 'Interval', 'FiniteSet', 'Union',
  'Intersection', 'EmptySet', 'Dummy', 'Wild', 'Id', 'var', 'sympify', 'diff', 'integrate', 'limit', 'series',
  'simplify', 'expand', 'factor', 'solve', 'subs', 'evalf', 'nsimplify', 'latex', 'srepr', 'pprint',
  'QQ', 'ZZ', 'RR', 'CC', 'GF', 'FF', 'EX',
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
        ? 'is reserved: SymPy, mathjs or Python read it as a constant, function or keyword, not as a symbol'
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

/**
 * How a name is typeset: its head and its subscripts. `w1`, `w_1` and `w__1`
 * are all w with subscript 1; `z_2_3` is z with subscripts 2, 3; `x_` is x.
 * The LaTeX printer reads names through this, and specs refuse two names that
 * typeset alike.
 */
export function nameParts(name: string): { head: string; subs: string[] } {
  const parts = name.split('_').filter((p) => p !== '');
  let head = parts[0]!;
  const subs = parts.slice(1);
  const trailing = /^([A-Za-z]+)(\d+)$/.exec(head);
  if (trailing && subs.length === 0) {
    head = trailing[1]!;
    subs.push(trailing[2]!);
  }
  return { head, subs };
}

/**
 * One spelling per typeset form: equal exactly when two names typeset alike.
 * It is the name itself for every name without a doubled or trailing `_`
 * and not of the form `w_1` (which is spelled `w1`), so the names convmat
 * generates (w1, z_2_3, y4) are their own spelling.
 */
export function typesetSpelling(name: string): string {
  const { head, subs } = nameParts(name);
  if (subs.length === 1 && /^[A-Za-z]+$/.test(head) && /^\d+$/.test(subs[0]!)) return head + subs[0]!;
  return [head, ...subs].join('_');
}

const TWO_PART = /^[A-Za-z]+_\d+$/;
const isOwnSpelling = (n: string) => n.indexOf('_') < 0 || (!n.includes('__') && !n.endsWith('_') && !TWO_PART.test(n));

/**
 * Names given by their rule rather than listed (geometry/name-family.ts): a
 * stem and an index. Its names differ only in their digits, so its first name
 * tells whether every name is its own spelling.
 */
export interface NameRule {
  readonly length: number;
  at(i: number): string;
  has(name: string): boolean;
}

/**
 * Refuses two different names (across the groups) that typeset alike, naming
 * both. Only names that are not their own spelling can clash, so the check
 * costs one scan unless such names occur; a rule whose names are their own
 * spelling is not listed, only asked whether it holds a spelling.
 */
export function assertTypesetDistinct(groups: ReadonlyArray<{ field: string; names: readonly string[] | NameRule | null }>): void {
  const lists: Array<{ field: string; names: readonly string[] }> = [];
  const rules: Array<{ field: string; rule: NameRule }> = [];
  for (const { field, names } of groups) {
    if (names === null) continue;
    if (Array.isArray(names)) lists.push({ field, names });
    else {
      const rule = names as NameRule;
      if (rule.length === 0 || isOwnSpelling(rule.at(0))) rules.push({ field, rule });
      else lists.push({ field, names: Array.from({ length: rule.length }, (_, i) => rule.at(i)) });
    }
  }
  const odd: Array<{ name: string; field: string }> = [];
  for (const { field, names } of lists) for (const n of names) if (!isOwnSpelling(n)) odd.push({ name: n, field });
  if (odd.length === 0) return;
  const owner = new Map<string, { name: string; field: string }>();
  for (const { field, names } of lists) for (const n of names) if (isOwnSpelling(n)) owner.set(n, { name: n, field });
  for (const o of odd) {
    const key = typesetSpelling(o.name);
    const ruled = rules.find((r) => r.rule.has(key));
    const prev = owner.get(key) ?? (ruled && { name: key, field: ruled.field });
    if (prev && prev.name !== o.name) {
      throw new NameError({
        field: o.field, value: o.name,
        rule: `typesets like ${prev.name}${prev.field === o.field ? '' : ` in ${prev.field}`}`,
        fix: 'rename one of them so that every symbol looks different',
      });
    }
    owner.set(key, o);
  }
}
