/**
 * The near miss of padding modes: a K that keeps only one addend of a summed
 * entry (w1 + w3 written as w3, as a builder that lets the last tap win would)
 * is caught by checkMatrix and checkMatrixNumeric, which name the output of
 * that row; on random specs with reflect or replicate padding too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMatrix, checkMatrixNumeric } from '../../src/check/matrix-check.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import type { ConvMatrix } from '../../src/matrix/csr.ts';
import { randomCase } from '../matrix/random-spec.ts';

/** The stored triples where a column repeats the one before it in the same row: the second addend of a summed entry. */
function secondAddends(m: ConvMatrix): Array<{ row: number; at: number }> {
  const out: Array<{ row: number; at: number }> = [];
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]! + 1; k < m.rowPtr[r + 1]!; k++) if (m.colIndex[k] === m.colIndex[k - 1]) out.push({ row: r, at: k });
  }
  return out;
}

/** The matrix without triple `at` (one addend of its entry dropped). */
function dropTriple(m: ConvMatrix, at: number): ConvMatrix {
  const keep = (_: number, k: number) => k !== at;
  const rowPtr = m.rowPtr.map((p) => (p > at ? p - 1 : p));
  return { ...m, rowPtr, colIndex: m.colIndex.filter(keep), tap: m.tap.filter(keep) };
}

describe('a summed entry with an addend missing is caught', { timeout: 60_000 }, () => { // room for property runs on a loaded machine
  it('reflect, n = 5, k = 3, padding 1: K[0][1] = w3 instead of w1 + w3 fails at z6, symbolically and numerically', () => {
    const spec = normalizeSpec({ input: 5, kernel: 3, padding: 1, paddingMode: 'reflect' });
    const m = convMatrix(spec);
    const [first] = secondAddends(m);
    expect(first).toEqual({ row: 0, at: 2 }); // row 0 stores (0, w2), (1, w1), (1, w3)
    const bad = dropTriple(m, first!.at - 1); // drop w1: the entry reads w3 alone
    const check = checkMatrix(spec, { matrix: bad });
    expect(check.report.holds).toBe(false);
    expect(check.report.differences).toHaveLength(1);
    expect(check.report.differences[0]).toMatchObject({ name: 'z6', index: 0 });
    expect(check.report.differences[0]!.difference).toEqualPolynomial('-w1*z2');
    const numeric = checkMatrixNumeric(spec, 1, { matrix: bad });
    expect(numeric.holds).toBe(false);
    expect(numeric.differences[0]?.name).toBe('z6');
    expect(checkMatrix(spec, { matrix: m }).report.holds).toBe(true);
  });

  it('on random specs with reflect or replicate padding', () => {
    let caught = 0;
    fc.assert(fc.property(randomCase({ transposed: false, paddingModes: true, maxDims: 2 }), fc.nat(), fc.nat(), (c, pick, seed) => {
      const spec = normalizeSpec(c.spec);
      const m = convMatrix(spec);
      const sums = secondAddends(m);
      fc.pre(sums.length > 0);
      const { row, at } = sums[pick % sums.length]!;
      const bad = dropTriple(m, at);
      const check = checkMatrix(spec, { matrix: bad });
      expect(check.report.holds).toBe(false);
      expect(check.report.differences[0]?.name).toBe(spec.outputNames[row]);
      const numeric = checkMatrixNumeric(spec, seed, { matrix: bad });
      expect(numeric.holds).toBe(false);
      expect(numeric.differences[0]?.name).toBe(spec.outputNames[row]);
      caught++;
    }), { numRuns: 150 });
    expect(caught).toBeGreaterThan(20);
  });
});
