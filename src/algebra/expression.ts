import { create, parseDependencies, type MathNode } from 'mathjs';
import { LimitError, ParseError } from '../errors.ts';
import {
  type Polynomial, constPoly, mulPoly, negPoly, onePoly, subPoly, sumPolys, symbolPoly,
} from './polynomial.ts';
import { polynomialToText } from './print.ts';
import { parseRational, rdiv } from './rational.ts';
import { setExpressionParser } from './entries.ts';
import { assertIdentifier } from './symbols.ts';

/**
 * User expressions (`1/2`, `2*w1`, `-(x+y)/3`) read by mathjs's parser and
 * turned into exact polynomials. Only +, −, ·, division by a constant and
 * whole powers are accepted; anything else is a ParseError naming the field.
 * Importing this module installs it as the spec's expression parser.
 */
const math = create({ parseDependencies });

export const MAX_EXPRESSION_LENGTH = 500;
/** The most terms one expanded entry may have ((a+b+c)^6 has 28; (20 names)^6 would have 177,100). */
export const MAX_EXPRESSION_TERMS = 1000;

export function parseExpression(text: string, field = 'expression'): Polynomial {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ParseError({ field, value: text, rule: `expressions are at most ${MAX_EXPRESSION_LENGTH} characters` });
  }
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (e) {
    throw new ParseError({ field, value: text, rule: `is not an expression (${(e as Error).message})` });
  }
  return toPolynomial(node, field, text);
}

function toPolynomial(node: MathNode, field: string, text: string): Polynomial {
  // a product of an m-term and an n-term polynomial forms m·n terms: refused before they are formed
  const mul = (a: Polynomial, b: Polynomial): Polynomial => {
    if (a.size * b.size > MAX_EXPRESSION_TERMS * 16) tooMany(a.size * b.size);
    const p = mulPoly(a, b);
    if (p.size > MAX_EXPRESSION_TERMS) tooMany(p.size);
    return p;
  };
  const tooMany = (n: number): never => {
    throw new LimitError({
      field, value: text.length > 40 ? undefined : text,
      rule: `expands to ${n > MAX_EXPRESSION_TERMS * 16 ? 'more than ' : ''}${Math.min(n, MAX_EXPRESSION_TERMS * 16).toLocaleString('en-US')} terms; an entry may have at most ${MAX_EXPRESSION_TERMS.toLocaleString('en-US')}`,
      fix: 'expand less: use a name for the repeated factor, or a lower power',
    });
  };
  const fail = (why: string): never => { throw new ParseError({ field, value: text, rule: why, fix: 'use numbers, names, + - * /, and whole powers' }); };
  const n = node as MathNode & { type: string; value?: unknown; name?: string; op?: string; fn?: string; args?: MathNode[]; content?: MathNode };
  switch (n.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number' && typeof n.value !== 'string') return fail('only numbers are allowed as constants');
      return constPoly(parseRational(String(n.value), field));
    case 'SymbolNode':
      assertIdentifier(n.name, field);
      return symbolPoly(n.name);
    case 'ParenthesisNode':
      return toPolynomial(n.content!, field, text);
    case 'OperatorNode': {
      const args = n.args!.map((a) => toPolynomial(a, field, text));
      switch (n.fn) {
        case 'add': return sumPolys(args);
        case 'subtract': return subPoly(args[0]!, args[1]!);
        case 'multiply': return args.reduce(mul, onePoly);
        case 'unaryMinus': return negPoly(args[0]!);
        case 'unaryPlus': return args[0]!;
        case 'divide': {
          const c = args[1]!.constantValue();
          if (!c || c.n === 0) return fail('division is only by a nonzero number');
          const inv = rdiv({ n: 1, d: 1 }, c);
          return mulPoly(args[0]!, constPoly(inv));
        }
        case 'pow': {
          const e = args[1]!.constantValue();
          if (!e || e.d !== 1 || e.n < 0 || e.n > 16) return fail('powers must be whole numbers from 0 to 16');
          let r = onePoly;
          for (let i = 0; i < e.n; i++) r = mul(r, args[0]!);
          return r;
        }
        default: return fail(`the operator ${n.op} is not allowed`);
      }
    }
    default:
      return fail(`${n.type.replace('Node', '').toLowerCase()} expressions are not allowed`);
  }
}

/** Text of a polynomial parsed back by mathjs: the round trip the CLI's JSON relies on. */
export function roundTrip(p: Polynomial): Polynomial {
  return parseExpression(polynomialToText(p));
}

setExpressionParser(parseExpression);
