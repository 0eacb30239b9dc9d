import { describe, expect, it } from 'vitest';
import { matrixView } from '../../src/view/matrix-view.ts';
import { ELIDED_ROW, vectorRows } from '../../src/view/equation.ts';

describe('vector elision beside a matrix (issue 24)', () => {
  it('keeps a vector no taller than its matrix (or short) whole', () => {
    expect(vectorRows(6, 4)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(vectorRows(9, 2)).toHaveLength(9);
    expect(vectorRows(20, 18)).toHaveLength(20);
  });

  it("cuts the 9 × 25 example's 25 inputs to head, ⋮, tail: 11 rows beside K's 9", () => {
    expect(vectorRows(25, 9)).toEqual([0, 1, 2, 3, 4, null, 20, 21, 22, 23, 24]);
  });

  it('the matrix view of 5×5 ⊛ 3×3 carries the cut z with the source index of each row', () => {
    const v = matrixView({ input: '5x5', kernel: '3x3' });
    if (!('eq' in v)) throw new Error('expected a matrix view');
    expect(v.eq.zRows).toEqual([0, 1, 2, 3, 4, null, 20, 21, 22, 23, 24]);
    expect(v.eq.z[5]).toBe(ELIDED_ROW);
    const names = v.eq.z.filter((e) => e !== ELIDED_ROW).map((e) => (typeof e === 'string' ? e : e.terms[0]!.factors[0]!.symbol.index[0]));
    expect(names).toEqual(['1', '2', '3', '4', '5', '21', '22', '23', '24', '25']);
  });
});
