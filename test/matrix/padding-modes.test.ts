/**
 * K with PyTorch's padding modes, held against things outside the index map:
 * the independent oracle (numerically and coefficient by coefficient), the
 * issue's printed row [w2, w1 + w3, 0, 0, 0], and the definition of a
 * circulant (block-circulant in 2D) matrix for circular padding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { type Polynomial, addPoly, constPoly, mulPoly, sumPolys, symbolPoly, zeroPoly } from '../../src/algebra/polynomial.ts';
import { rational } from '../../src/algebra/rational.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { forEachCell, materialize, nonzeros, storedTaps, tapsAt, transposeMatrix } from '../../src/matrix/csr.ts';
import { im2colMatrix } from '../../src/matrix/im2col.ts';
import { matVec } from '../../src/matrix/products.ts';
import { lcg, oracleConv, randomTensor, type Tensor } from '../oracle.ts';
import { randomCase } from './random-spec.ts';

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);
const w = (...names: string[]) => sumPolys(names.map((n) => symbolPoly(n)));

describe('K with padding modes = the oracle', { timeout: 60_000 }, () => { // room for property runs on a loaded machine
  it('numerically (float64 ring, integer data) on random 1–3D specs with every mode', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(randomCase({ transposed: false, paddingModes: true }), fc.nat(), (c, seed) => {
      const spec = normalizeSpec(c.spec);
      seen.add(spec.paddingMode);
      const r = lcg(seed);
      const x = randomTensor(c.inShape, r), wt = randomTensor(c.weightShape, r);
      const want = oracleConv(x, wt, c.oracle);
      expect(spec.outputShape).toEqual(want.shape);
      expect(matVec(convMatrix(spec), wt.data, x.data, float64Ring)).toEqual(want.data);
      // Z (im2col) holds the same products with the roles exchanged, summed entries included
      expect(matVec(im2colMatrix(spec), x.data, wt.data, float64Ring)).toEqual(want.data);
    }), { numRuns: 300 });
    expect([...seen].sort()).toEqual(['circular', 'reflect', 'replicate', 'zeros']);
  });

  it('symbolically: every entry of K is the oracle\'s sum of weights (coefficient of w_j·z_i)', () => {
    fc.assert(fc.property(randomCase({ transposed: false, paddingModes: true, maxDims: 2 }), (c) => {
      fc.pre(prod(c.inShape) * prod(c.weightShape) <= 400);
      const spec = normalizeSpec(c.spec);
      const m = convMatrix(spec);
      const dense = materialize(m, spec.weights, polynomialRing);
      // by bilinearity, oracle(e_i, e_j)[r] is the coefficient of w_j in K[r][i]
      const want: Polynomial[][] = dense.map((row) => row.map(() => zeroPoly));
      const unit = (shape: number[], at: number): Tensor => ({ shape, data: Array.from({ length: prod(shape) }, (_, t) => +(t === at)) });
      for (let j = 0; j < prod(c.weightShape); j++) {
        for (let i = 0; i < prod(c.inShape); i++) {
          oracleConv(unit(c.inShape, i), unit(c.weightShape, j), c.oracle).data.forEach((coef, row) => {
            if (coef !== 0) want[row]![i] = addPoly(want[row]![i]!, mulPoly(constPoly(rational(coef)), spec.weights[j]!));
          });
        }
      }
      expect(dense.flat()).toEqualPolynomial(want.flat());
      // the symbolic product is K·z with the summed entries
      expect(matVec(m, spec.weights, spec.inputs, polynomialRing)).toEqualPolynomial(
        want.map((row) => sumPolys(row.map((e, i) => mulPoly(e, spec.inputs[i]!)))));
    }), { numRuns: 120 });
  });
});

describe('the issue\'s example and the CSR layout of summed entries', () => {
  const spec = normalizeSpec({ input: 5, kernel: 3, padding: 1, paddingMode: 'reflect' });
  const m = convMatrix(spec);

  it('reflect, n = 5, k = 3, padding 1: the first row is [w2, w1 + w3, 0, 0, 0], the last its mirror', () => {
    const dense = materialize(m, spec.weights, polynomialRing);
    expect(dense[0]).toEqualPolynomial([w('w2'), w('w1', 'w3'), zeroPoly, zeroPoly, zeroPoly]);
    expect(dense[4]).toEqualPolynomial([zeroPoly, zeroPoly, zeroPoly, w('w1', 'w3'), w('w2')]);
  });

  it('a summed entry is one entry with its taps ascending; nonzeros counts it once', () => {
    expect(tapsAt(m, 0, 1)).toEqual([0, 2]);
    expect(tapsAt(m, 0, 0)).toEqual([1]);
    expect(tapsAt(m, 0, 2)).toEqual([]);
    const cells: string[] = [];
    forEachCell(m, (r, c, taps) => { if (r === 0) cells.push(`${c}:${taps.join('+')}`); });
    expect(cells).toEqual(['0:1', '1:0+2']);
    expect([storedTaps(m), nonzeros(m)]).toEqual([15, 13]); // 5 rows × 3 taps, two of them summed
  });

  it('Kᵀ keeps a summed entry together: (Kᵀ)[1][0] = w1 + w3', () => {
    const t = transposeMatrix(m);
    expect(tapsAt(t, 1, 0)).toEqual([0, 2]);
    expect(materialize(t, spec.weights, polynomialRing)[1]![0]).toEqualPolynomial(w('w1', 'w3'));
  });

  it('replicate: the edge input takes every tap on padding (w1 + w2 + w3 with padding 2 and k = 3)', () => {
    const s = normalizeSpec({ input: 4, kernel: 3, padding: 2, paddingMode: 'replicate' });
    const dense = materialize(convMatrix(s), s.weights, polynomialRing);
    expect(dense[0]).toEqualPolynomial([w('w1', 'w2', 'w3'), zeroPoly, zeroPoly, zeroPoly]);
    expect(dense[1]).toEqualPolynomial([w('w1', 'w2'), w('w3'), zeroPoly, zeroPoly]);
  });
});

describe('circular padding gives a circulant K (stride 1, output size = input size)', () => {
  /** K[r][c] of a circulant matrix depends only on (c − r) mod n: its first row, shifted. */
  it('1D: K[r][c] = K[0][(c − r) mod n], and K[0][c] sums the w_j with (j − p₀) mod n = c', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), (k, extra) => {
      const n = Math.max(k, 1) + extra;
      const total = k - 1, p0 = Math.floor(total / 2);
      fc.pre(p0 <= n && total - p0 <= n);
      const s = normalizeSpec({ input: n, kernel: k, padding: [[p0, total - p0]], paddingMode: 'circular' });
      const K = materialize(convMatrix(s), s.weights, polynomialRing);
      expect([K.length, K[0]!.length]).toEqual([n, n]);
      const first = Array.from({ length: n }, (_, c) =>
        sumPolys(s.weights.filter((_, j) => (((j - p0) % n) + n) % n === c)));
      expect(K[0]).toEqualPolynomial(first);
      for (let r = 0; r < n; r++) expect(K[r]).toEqualPolynomial(first.map((_, c) => first[(((c - r) % n) + n) % n]!));
    }), { numRuns: 40 });
  });

  it('2D: block-circulant with circulant blocks, K[(a,b)][(c,d)] = K[(0,0)][((c−a) mod h, (d−b) mod w)]', () => {
    const [h, wd] = [3, 4];
    const s = normalizeSpec({ input: [h, wd], kernel: [3, 3], padding: 1, paddingMode: 'circular' });
    const K = materialize(convMatrix(s), s.weights, polynomialRing);
    const mod = (x: number, n: number) => ((x % n) + n) % n;
    for (let a = 0; a < h; a++) for (let b = 0; b < wd; b++) {
      const row = K[a * wd + b]!;
      const want = row.map((_, col) => K[0]![mod(Math.floor(col / wd) - a, h) * wd + mod((col % wd) - b, wd)]!);
      expect(row).toEqualPolynomial(want);
    }
    // and K[(0,0)] holds w at (j_a − 1, j_b − 1) wrapped: w1 (tap (0,0)) at input (h−1, w−1)
    expect(K[0]![(h - 1) * wd + (wd - 1)]).toEqualPolynomial(symbolPoly('w1'));
  });
});
