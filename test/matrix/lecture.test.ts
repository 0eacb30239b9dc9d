/**
 * Every matrix example of the lecture, with its own names and numbers: the
 * matrix entries and K·z as printed (compared as polynomials), the output
 * names, shapes and the verdict of the check.
 */
import { describe, expect, it } from 'vitest';
import type { Polynomial } from '../../src/algebra/polynomial.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { termOrder } from '../../src/check/term-order.ts';
import { nonzeros } from '../../src/matrix/csr.ts';
import { materialize } from '../../src/matrix/csr.ts';
import { lectureCase, lectureCases } from '../cases.ts';
import { readSum } from '../polynomial-text.ts';

function expectPoly(got: Polynomial, text: string, where: string): void {
  expect(got, where).toEqualPolynomial(readSum(text));
}

describe.each(lectureCases.map((c) => [c.id, c] as const))('lecture example %s', (_, c) => {
  const check = checkMatrix(c.spec);
  const e = c.expected;

  it('the matrix equals the sliding window', () => {
    expect(check.report.holds).toBe(true);
    expect(check.report.comparisons.map((x) => x.compared)).toEqual([check.matrix.rows]);
  });

  if (e.shape !== undefined) it('has the shape and output size of the lecture', () => {
    expect({ rows: check.matrix.rows, cols: check.matrix.cols }).toEqual(e.shape);
    expect(check.spec.output).toEqual(e.output);
    if (e.nonzeros !== undefined) expect(nonzeros(check.matrix)).toBe(e.nonzeros);
  });

  if (e.matrix !== undefined) it('has the printed matrix entries', () => {
    const dense = materialize(check.matrix, check.spec.weights, polynomialRing);
    expect(dense.length).toBe(e.matrix!.length);
    dense.forEach((row, r) => {
      expect(row.length).toBe(e.matrix![r]!.length);
      row.forEach((p, col) => expectPoly(p, e.matrix![r]![col]!, `K[${r}][${col}]`));
    });
  });

  if (e.product !== undefined) it('gives K·z as printed', () => {
    e.product!.forEach((text, r) => expectPoly(check.product[r]!, text, `(K·z)[${r}]`));
  });

  if (e.values !== undefined) it('gives the printed numbers', () => {
    expect(check.product.length).toBe(e.values!.length);
    e.values!.forEach((v, r) => expectPoly(check.product[r]!, String(v), `(K·z)[${r}]`));
  });

  if (e.outputNames !== undefined) it('names the outputs as the lecture does', () => {
    expect(check.spec.outputNames).toEqual(e.outputNames);
  });
});

describe('lecture term order in print', () => {
  it('reads K·z as w1 z1 + w2 z2 + w3 z3 and Kᵀ·z as w3 z8 + w2 z9 + w1 z10', () => {
    const k = checkMatrix(lectureCase('w-z-regular').spec);
    expect(polynomialToText(k.product[0]!, { rank: termOrder(k.spec) })).toBe('w1*z1 + w2*z2 + w3*z3');
    const t = checkMatrix(lectureCase('w-z-transposed').spec);
    expect(polynomialToText(t.product[3]!, { rank: termOrder(t.spec) })).toBe('w3*z8 + w2*z9 + w1*z10');
    const a = checkMatrix(lectureCase('padded-xyz').spec);
    expect(polynomialToText(a.product[1]!, { rank: termOrder(a.spec) })).toBe('a*x + b*y + c*z');
  });
});
