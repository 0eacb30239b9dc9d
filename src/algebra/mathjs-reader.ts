import type { MathNode } from 'mathjs';
import { ParseError } from '../errors.ts';
import { dividePoly, failFor, mulFor, powerPoly } from './arithmetic.ts';
import { type Polynomial, constPoly, negPoly, onePoly, subPoly, sumPolys, symbolPoly } from './polynomial.ts';
import { parseRational } from './rational.ts';
import { assertIdentifier } from './symbols.ts';

/** What convmat uses of mathjs: enough to build a parser (the ES module namespace or the CommonJS exports). */
export type MathjsModule = Pick<typeof import('mathjs'), 'create' | 'parseDependencies'>;

export type ExpressionReader = (text: string, field: string) => Polynomial;

/**
 * The expression reader on mathjs's parser, for what plain arithmetic does not
 * cover (implicit products such as `2x`, and clear errors for functions and
 * other operators). mathjs is passed in, never imported here, so that it loads
 * only when such an expression comes (see expression.ts).
 */
export function mathjsReader(mathjs: MathjsModule): ExpressionReader {
  // numbers as BigNumbers, which keep every digit of a literal: read exactly, never through a double
  const math = mathjs.create({ parseDependencies: mathjs.parseDependencies! }, { number: 'BigNumber' });
  return (text, field) => {
    let node: MathNode;
    try {
      node = math.parse(text);
    } catch (e) {
      throw new ParseError({ field, value: text, rule: `is not an expression (${(e as Error).message})` });
    }
    return toPolynomial(node, field, text);
  };
}

function toPolynomial(node: MathNode, field: string, text: string): Polynomial {
  const fail = failFor(field, text);
  const mul = mulFor(field, text);
  const n = node as MathNode & { type: string; value?: unknown; name?: string; op?: string; fn?: string; args?: MathNode[]; content?: MathNode };
  switch (n.type) {
    case 'ConstantNode':
      if (!isNumberValue(n.value)) return fail('only numbers are allowed as constants');
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
        case 'divide': return dividePoly(args[0]!, args[1]!, fail);
        case 'pow': return powerPoly(args[0]!, args[1]!, fail, mul);
        default: return fail(`the operator ${n.op} is not allowed`);
      }
    }
    default:
      return fail(`${n.type.replace('Node', '').toLowerCase()} expressions are not allowed`);
  }
}

function isNumberValue(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'object' && v !== null && (v as { isBigNumber?: boolean }).isBigNumber === true);
}
