/**
 * A check must fail on a wrong matrix: corrupting one entry of a ConvMatrix
 * (its tap, or its column) makes checkMatrix and checkMatrixNumeric report
 * equal = false and name the output entry of the corrupted row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Polynomial, subPoly, symbolPoly } from '../../src/algebra/polynomial.ts';
import { composeLayers } from '../../src/analysis/composition.ts';
import { checkComposition } from '../../src/check/composition-check.ts';
import { depthwiseSeparableCheck, spatiallySeparableCheck } from '../../src/check/separable-check.ts';
import { checkIdentity } from '../../src/check/identities/catalogue.ts';
import { checkMatrix, checkMatrixNumeric } from '../../src/check/matrix-check.ts';
import { type CheckReport, MAX_DIFFERENCES, describeCheckReport, describeReport } from '../../src/check/report.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { type ConvMatrix, nonzeros } from '../../src/matrix/csr.ts';
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
    // two wrong rows: both named, in order, each with its own difference
    const two = checkMatrix(spec, { matrix: corrupt(corrupt(m, entry, 'tap', 3), m.rowPtr[3]!, 'tap', 3) });
    expect(two.report.differences.map((d) => d.name)).toEqual(['z8', 'z10']);
    expect(two.report.differences.map((d) => d.difference)).toEqualPolynomial(['w3*z3 - w2*z3', 'w2*z4 - w1*z4']);
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

const q = symbolPoly('q'); // the wrong weight

/** One tap replaced by q. */
function corrupted(kernel: readonly Polynomial[], tap: number): Polynomial[] {
  return kernel.map((w, j) => (j === tap ? q : w));
}

/** The report fails at exactly `names` (the first MAX_DIFFERENCES listed, in order), each with left − right = its difference (= `difference` when given). */
function expectDifferences(r: CheckReport, names: string[], difference?: Polynomial | string): void {
  expect(r.holds).toBe(false);
  expect(r.comparisons.find((c) => !c.equal)?.mismatchCount).toBe(names.length);
  expect(r.differences.map((d) => d.name)).toEqual(names.slice(0, MAX_DIFFERENCES));
  for (const d of r.differences) {
    if (difference !== undefined) expect(d.difference).toEqualPolynomial(difference);
    expect(`(${d.left}) - (${d.right})`).toEqualPolynomial(d.difference);
  }
  expect(describeCheckReport(r)).toContain(`counterexample at ${names[0]}`);
}

describe('a wrong matrix or kernel is caught by every check, at the entries where it lands', () => {
  it('spatially separable: the first kernel tap wrong differs at K[3i+j, 5i+j], for each of the 3×3 outputs', () => {
    const spec = { input: '5x5', kernel: '3x3' };
    const right = spatiallySeparableCheck(spec);
    expect(right.report.holds).toBe(true);
    const r = spatiallySeparableCheck(spec, { kernel: corrupted(right.kernel, 0) });
    const names = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => `K[${3 * i + j},${5 * i + j}]`));
    expectDifferences(r.report, names, subPoly(right.kernel[0]!, q));
  });

  it('depthwise separable: W[0,0,0] wrong differs in output channel 0 only, at input channel 0', () => {
    const spec = { input: '4x4', kernel: 3, inChannels: 2, outChannels: 2 };
    const right = depthwiseSeparableCheck(spec);
    expect(right.report.holds).toBe(true);
    const r = depthwiseSeparableCheck(spec, 1, { kernel: corrupted(right.kernel, 0) });
    const names = [0, 1].flatMap((i) => [0, 1].map((j) => `K[${2 * i + j},${4 * i + j}]`));
    expectDifferences(r.report, names, subPoly(right.kernel[0]!, q));
  });

  it('composition: the composed kernel\'s first tap wrong differs at K[r, r] for each of the 5 outputs', () => {
    const first = { kernel: 3 }, second = { kernel: 2 };
    const composed = composeLayers(first, second);
    expect(checkComposition(first, second, 8, composed).report.holds).toBe(true);
    const r = checkComposition(first, second, 8, { ...composed, weights: corrupted(composed.weights, 0) });
    expectDifferences(r.report, [0, 1, 2, 3, 4].map((o) => `K[${o},${o}]`), 'a1*b1 - q');
  });

  it('1×1 convolution: M[1][0] wrong differs along the whole row Y[1, ·]', () => {
    const spec = { input: '2x2', kernel: 1, inChannels: 2, outChannels: 2 };
    const mixing = [['w_1_1_1', 'w_1_2_1'], ['w_2_1_1', 'w_2_2_1']]; // the lecture's w_{o,c,j}, numbered from 1
    expect(checkIdentity('pointwise-channel-matmul', spec, { mixing }).holds).toBe(true);
    mixing[1]![0] = 'q';
    const r = checkIdentity('pointwise-channel-matmul', spec, { mixing });
    // Y[1,p] = M[1,0]·X[0,p] + M[1,1]·X[1,p]: only the first term changes: the claim (left) minus K·z (right) is (q − w_2_1_1)·z_1_(p+1)
    [0, 1, 2, 3].forEach((p) => expect(r.differences[p]!.difference).toEqualPolynomial(`q*z_1_${p + 1} - w_2_1_1*z_1_${p + 1}`));
    expectDifferences(r, [0, 1, 2, 3].map((p) => `Y[1,${p}]`));
  });

  it('dense layer: W[2][4] wrong differs at z9 only', () => {
    const w = [0, 1, 2, 3].map((o) => [0, 1, 2, 3, 4, 5].map((i) => (i - o >= 0 && i - o < 3 ? `w${i - o + 1}` : 0)));
    expect(checkIdentity('conv-dense-equivalence', { input: 6, kernel: 3 }, { weights: w }).holds).toBe(true);
    w[2]![4] = 'q';
    const r = checkIdentity('conv-dense-equivalence', { input: 6, kernel: 3 }, { weights: w });
    expectDifferences(r, ['z9'], 'q*z5 - w3*z5');
  });
});
