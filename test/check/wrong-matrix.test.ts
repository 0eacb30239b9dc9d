/**
 * A check must fail on a wrong matrix: corrupting one entry of a ConvMatrix
 * (its tap, or its column) makes checkMatrix and checkMatrixNumeric report
 * equal = false and name the output entry of the corrupted row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMatrix, checkMatrixNumeric } from '../../src/check/matrix-check.ts';
import { describeReport } from '../../src/check/report.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { type ConvMatrix, convMatrix, nonzeros } from '../../src/matrix/conv-matrix.ts';
import { lectureCase } from '../cases.ts';
import { randomCase } from '../matrix/random-spec.ts';

function rowOf(m: ConvMatrix, entry: number): number {
  let r = 0;
  while (m.rowPtr[r + 1]! <= entry) r++;
  return r;
}

function corrupt(m: ConvMatrix, entry: number, what: 'tap' | 'column', taps: number): ConvMatrix {
  const tap = m.tap.slice(), colIndex = m.colIndex.slice();
  if (what === 'tap') tap[entry] = (tap[entry]! + 1) % taps;
  else colIndex[entry] = (colIndex[entry]! + 1) % m.cols;
  return { ...m, tap, colIndex };
}

describe('a wrong matrix is caught', { timeout: 60_000 }, () => { // room for property runs on a loaded machine; no timing is asserted
  it('names z8 when w2 in row 2 of the lecture matrix becomes w3', () => {
    const spec = normalizeSpec(lectureCase('w-z-regular').spec);
    const m = convMatrix(spec);
    const entry = m.rowPtr[1]! + 1; // K[1][2] = w2
    expect(m.tap[entry]).toBe(1);
    const check = checkMatrix(spec, { matrix: corrupt(m, entry, 'tap', 3) });
    expect(check.report.holds).toBe(false);
    expect(check.report.comparisons[0]?.mismatchCount).toBe(1);
    expect(check.report.differences[0]).toMatchObject({ index: 1, name: 'z8', left: 'w1*z2 + w3*z3 + w3*z4', right: 'w1*z2 + w2*z3 + w3*z4' });
    expect(describeReport(check.report)).toContain('z8');
    const numeric = checkMatrixNumeric(spec, 1, { matrix: corrupt(m, entry, 'tap', 3) });
    expect(numeric.holds).toBe(false);
    expect(numeric.differences[0]?.name).toBe('z8');
  });

  it('on random specs, for a changed tap or a moved column, symbolically and numerically', () => {
    fc.assert(fc.property(randomCase({ maxDims: 2 }), fc.nat(), fc.constantFrom<'tap' | 'column'>('tap', 'column'), fc.nat(), (c, pick, what, seed) => {
      const spec = normalizeSpec(c.spec);
      const m = convMatrix(spec);
      const taps = spec.weights.length;
      fc.pre(nonzeros(m) > 0 && (what === 'column' ? m.cols > 1 : taps > 1));
      const entry = pick % nonzeros(m);
      const bad = corrupt(m, entry, what, taps);
      const row = rowOf(m, entry);
      const check = checkMatrix(spec, { matrix: bad });
      expect(check.report.holds).toBe(false);
      expect(check.report.comparisons[0]?.mismatchCount).toBe(1);
      expect(check.report.differences[0]?.index).toBe(row);
      expect(check.report.differences[0]?.name).toBe(spec.outputNames[row]);
      const numeric = checkMatrixNumeric(spec, seed, { matrix: bad });
      expect(numeric.holds).toBe(false);
      expect(numeric.differences[0]?.name).toBe(spec.outputNames[row]);
      // and the untouched matrix passes
      expect(checkMatrix(spec, { matrix: m }).report.holds).toBe(true);
    }), { numRuns: 150 });
  });
});
