import { LimitError, ParseError } from '../errors.ts';
import { type Polynomial, addPoly, constPoly, mulPoly, negPoly, onePoly, subPoly, symbolPoly } from './polynomial.ts';
import { ONE, parseRational, rdiv } from './rational.ts';
import { assertIdentifier } from './symbols.ts';

/**
 * Arithmetic on names and numbers, read without mathjs: numbers, names,
 * + − · /, whole powers and parentheses (`1/2`, `2*w1`, `-(x+y)/3`, `a^2`),
 * with mathjs's precedence (− binds looser than ^, ^ groups to the right). It
 * returns undefined for anything else (implicit products such as `2x`,
 * functions, other operators), which the caller hands to mathjs. The rules on
 * division and powers live here, for both readers.
 */
export const EXPRESSION_FIX = 'use numbers, names, + - * /, and whole powers';

export type Fail = (why: string) => never;

export function failFor(field: string, text: string): Fail {
  return (why) => { throw new ParseError({ field, value: text, rule: why, fix: EXPRESSION_FIX }); };
}

/** The most terms one expanded entry may have ((a+b+c)^6 has 28; (20 names)^6 would have 177,100). */
export const MAX_EXPRESSION_TERMS = 1000;

export type Mul = (a: Polynomial, b: Polynomial) => Polynomial;

/** a·b for one entry, refused before an m-term by n-term product forms more terms than an entry may have. */
export function mulFor(field: string, text: string): Mul {
  const tooMany = (n: number): never => {
    const over = n > MAX_EXPRESSION_TERMS * 16;
    throw new LimitError({
      field, value: text.length > 40 ? undefined : text,
      rule: `expands to ${over ? 'more than ' : ''}${Math.min(n, MAX_EXPRESSION_TERMS * 16).toLocaleString('en-US')} terms; an entry may have at most ${MAX_EXPRESSION_TERMS.toLocaleString('en-US')}`,
      fix: 'expand less: use a name for the repeated factor, or a lower power',
    });
  };
  return (a, b) => {
    if (a.size * b.size > MAX_EXPRESSION_TERMS * 16) tooMany(a.size * b.size);
    const p = mulPoly(a, b);
    if (p.size > MAX_EXPRESSION_TERMS) tooMany(p.size);
    return p;
  };
}

export function dividePoly(a: Polynomial, b: Polynomial, fail: Fail): Polynomial {
  const c = b.constantValue();
  if (!c || c.n === 0) return fail('division is only by a nonzero number');
  return mulPoly(a, constPoly(rdiv(ONE, c)));
}

export const MAX_POWER = 16;

export function powerPoly(a: Polynomial, exponent: Polynomial, fail: Fail, mul: Mul): Polynomial {
  const e = exponent.constantValue();
  if (!e || e.d !== 1 || typeof e.n !== 'number' || e.n < 0 || e.n > MAX_POWER) return fail(`powers must be whole numbers from 0 to ${MAX_POWER}`);
  let r = onePoly;
  for (let i = 0; i < e.n; i++) r = mul(r, a);
  return r;
}

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([\p{L}_$][\p{L}\p{N}_$]*)|([-+*/^()]))/uy;

type Token = { kind: 'number' | 'name' | 'op'; text: string };

function tokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    out.push(m[1] !== undefined ? { kind: 'number', text: m[1] } : m[2] !== undefined ? { kind: 'name', text: m[2] } : { kind: 'op', text: m[3]! });
  }
  return out;
}

/** The polynomial of `text`, or undefined when it is not plain arithmetic (see above). */
export function parseArithmetic(text: string, field: string): Polynomial | undefined {
  const ts = tokens(text);
  if (!ts || ts.length === 0) return undefined;
  const fail = failFor(field, text);
  const mul = mulFor(field, text);
  let i = 0;
  const NOT_ARITHMETIC = Symbol('not arithmetic');
  const peek = () => ts[i];
  const isOp = (t: Token | undefined, ...ops: string[]) => t?.kind === 'op' && ops.includes(t.text);

  const expr = (): Polynomial => {
    let left = term();
    while (isOp(peek(), '+', '-')) left = ts[i++]!.text === '+' ? addPoly(left, term()) : subPoly(left, term());
    return left;
  };
  const term = (): Polynomial => {
    let left = unary();
    while (isOp(peek(), '*', '/')) left = ts[i++]!.text === '*' ? mul(left, unary()) : dividePoly(left, unary(), fail);
    return left;
  };
  const unary = (): Polynomial => {
    if (isOp(peek(), '-')) { i++; return negPoly(unary()); }
    if (isOp(peek(), '+')) { i++; return unary(); }
    const base = primary();
    if (isOp(peek(), '^')) { i++; return powerPoly(base, unary(), fail, mul); }
    return base;
  };
  const primary = (): Polynomial => {
    const t = ts[i++];
    let p: Polynomial | undefined;
    if (t?.kind === 'number') p = constPoly(parseRational(t.text, field));
    else if (t?.kind === 'name') p = undefined;
    else if (isOp(t, '(')) {
      p = expr();
      if (!isOp(ts[i++], ')')) throw NOT_ARITHMETIC;
    } else throw NOT_ARITHMETIC;
    const next = peek();
    if (next && (next.kind !== 'op' || next.text === '(')) throw NOT_ARITHMETIC; // an implicit product or a call: mathjs's rules
    if (p) return p;
    assertIdentifier(t!.text, field); // a name: every other token returned or threw above
    return symbolPoly(t!.text);
  };

  try {
    const p = expr();
    return i === ts.length ? p : undefined;
  } catch (e) {
    if (e === NOT_ARITHMETIC) return undefined;
    throw e;
  }
}
