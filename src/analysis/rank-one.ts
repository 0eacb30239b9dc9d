import { SpecError } from '../errors.ts';
import { type EntryValue, entryToPolynomial, parseEntrySource } from '../algebra/entries.ts';
import { type Polynomial, constPoly, equalsPoly, mulPoly, subPoly } from '../algebra/polynomial.ts';
import { polynomialToText } from '../algebra/print.ts';
import { ONE, rdiv } from '../algebra/rational.ts';

/**
 * Is a 2D kernel the outer product of a column and a row (rank 1), and which
 * ones? Exact: a kernel A is rank 1 when it is not zero and every 2×2 minor
 * A[i][j]·A[p][q] − A[i][q]·A[p][j] vanishes (a test that needs no division,
 * so it holds for symbolic entries too). The factors are read off the first
 * nonzero entry A[p][q] (the first nonzero number, if any): row = A[p][·],
 * column = A[·][q] / A[p][q], so the column has a 1 at row p
 * (Sobel: [1,2,1]ᵀ · [1,0,−1]).
 */
export type KernelInput = ReadonlyArray<ReadonlyArray<EntryValue>> | string;

export type RankOneResult =
  | { rank1: true; column: Polynomial[]; row: Polynomial[]; pivot: [number, number] }
  | {
    rank1: false;
    reason: string;
    /** the first nonvanishing 2×2 minor: rows [p, i], columns [q, j] (pivot first), and its determinant */
    minor: { rows: [number, number]; cols: [number, number]; value: Polynomial } | null;
  };

/** Reads a 2D kernel (nested array of numbers, names, expressions or polynomials; or JSON text) into exact polynomials. */
export function readKernel2D(kernel: KernelInput, field = 'kernel'): Polynomial[][] {
  if (Array.isArray(kernel) && kernel.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'object'))) {
    const rows = kernel as ReadonlyArray<ReadonlyArray<Polynomial>>;
    if (rows.length === 0 || rows.some((r) => r.length !== rows[0]!.length || r.length === 0)) {
      throw new SpecError({ field, value: rows.map((r) => r.length), rule: 'must be a non-empty rectangular 2D array' });
    }
    return rows.map((r) => [...r]);
  }
  const src = parseEntrySource(kernel, field);
  if (src.kind !== 'list' || !src.shape || src.shape.length !== 2) {
    throw new SpecError({ field, value: kernel, rule: 'must be a 2D array such as [[1,0,-1],[2,0,-2],[1,0,-1]]' });
  }
  const [h, w] = src.shape as [number, number];
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => entryToPolynomial(src.items[i * w + j]!, `${field}[${i}][${j}]`)));
}

export function factorRankOne(kernel: KernelInput): RankOneResult {
  const a = readKernel2D(kernel);
  const pivot = findPivot(a, true) ?? findPivot(a, false);
  if (!pivot) return { rank1: false, reason: 'the kernel is zero (rank 0)', minor: null };
  const [p, q] = pivot;
  const apq = a[p]![q]!;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i]!.length; j++) {
      const value = subPoly(mulPoly(a[i]![j]!, apq), mulPoly(a[i]![q]!, a[p]![j]!));
      if (!value.isZero()) {
        return {
          rank1: false,
          reason: `rank ≥ 2: the minor of rows ${p},${i} and columns ${q},${j} is ${polynomialToText(value)}, not 0`,
          minor: { rows: [p, i], cols: [q, j], value },
        };
      }
    }
  }
  const c = apq.constantValue();
  if (c === undefined) {
    return {
      rank1: false,
      reason: `rank 1 over rational functions, but the pivot ${polynomialToText(apq)} is not a number, so the column cannot be divided exactly`,
      minor: null,
    };
  }
  const inv = constPoly(rdiv(ONE, c));
  return { rank1: true, column: a.map((r) => mulPoly(r[q]!, inv)), row: [...a[p]!], pivot };
}

/** The first nonzero entry in row-major order (with `numeric`, the first nonzero number). */
function findPivot(a: Polynomial[][], numeric: boolean): [number, number] | null {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i]!.length; j++) {
      const v = a[i]![j]!;
      if (!v.isZero() && (!numeric || v.constantValue() !== undefined)) return [i, j];
    }
  }
  return null;
}

/** column ⊗ row: the kernel K[i][j] = column[i]·row[j]. */
export function outerProduct(column: readonly Polynomial[], row: readonly Polynomial[]): Polynomial[][] {
  return column.map((c) => row.map((r) => mulPoly(c, r)));
}

/** True when the factors multiply back to the kernel, entry by entry. */
export function isFactorization(kernel: KernelInput, column: readonly Polynomial[], row: readonly Polynomial[]): boolean {
  const a = readKernel2D(kernel);
  const b = outerProduct(column, row);
  return a.length === b.length && a.every((r, i) => r.length === b[i]!.length && r.every((v, j) => equalsPoly(v, b[i]![j]!)));
}
