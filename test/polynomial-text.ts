import { MAX_EXPRESSION_LENGTH, parseExpression } from '../src/algebra/expression.ts';
import { type Polynomial, sumPolys } from '../src/algebra/polynomial.ts';

/**
 * A printed sum read back as a polynomial. Long sums (the 200-channel 1×1
 * example) exceed the expression reader's length limit, so they are read term
 * by term and added up.
 */
export function readSum(text: string): Polynomial {
  return text.length > MAX_EXPRESSION_LENGTH ? sumPolys(text.split(' + ').map((t) => parseExpression(t))) : parseExpression(text);
}
