import { describe, expect, it } from 'vitest';
import { getIdentity } from '../../../src/check/identities/catalogue.ts';
import { type OraclePaddingMode, oracleConv } from '../../oracle.ts';

/**
 * conv-dense-equivalence says where its W is Toeplitz: stride 1 with zeros or
 * circular padding. W is built here by the independent oracle (one unit input
 * at a time, weights 1, 10, 100, … so that no two taps or sums of taps
 * coincide), and its diagonals are read off it: constant for stride 1 with
 * zeros or circular padding, shifted by s per row for stride s, broken at the
 * border rows for reflect and replicate.
 */
interface Case { n: number[]; k: number[]; stride?: number; padding?: number; mode?: OraclePaddingMode }

function denseW({ n, k, stride = 1, padding = 0, mode = 'zeros' }: Case): number[][] {
  const size = n.reduce((a, b) => a * b, 1);
  const w = { data: Array.from({ length: k.reduce((a, b) => a * b, 1) }, (_, j) => 10 ** j), shape: [1, 1, ...k] };
  const p = { stride: n.map(() => stride), padding: n.map(() => [padding, padding] as [number, number]), paddingMode: mode };
  const columns = Array.from({ length: size }, (_, i) => oracleConv({ data: Array.from({ length: size }, (_, c) => (c === i ? 1 : 0)), shape: [1, ...n] }, w, p).data);
  return columns[0]!.map((_, o) => columns.map((col) => col[o]!));
}

/** Every entry equals the one `rows` down and `cols` right of it (where both exist). */
function shiftInvariant(m: number[][], rows: number, cols: number): boolean {
  return m.every((row, o) => row.every((v, i) => m[o + rows]?.[i + cols] === undefined || m[o + rows]![i + cols] === v));
}

/** Doubly block Toeplitz for a 2D input n0×n1 and output o0×o1: blocks depend on the row offset only, and each is Toeplitz. */
function doublyBlockToeplitz(m: number[][], o1: number, n1: number): boolean {
  const block = (r: number, c: number) => m.slice(r * o1, (r + 1) * o1).map((row) => row.slice(c * n1, (c + 1) * n1));
  const br = m.length / o1, bc = m[0]!.length / n1;
  for (let r = 0; r < br; r++) for (let c = 0; c < bc; c++) {
    if (!shiftInvariant(block(r, c), 1, 1)) return false;
    if (r + 1 < br && c + 1 < bc && JSON.stringify(block(r, c)) !== JSON.stringify(block(r + 1, c + 1))) return false;
  }
  return true;
}

describe('conv-dense-equivalence: where W is Toeplitz', () => {
  it('1D, stride 1, zeros or circular padding: W is Toeplitz (with circular padding its band wraps into the corners)', () => {
    for (const mode of ['zeros', 'circular'] as const) {
      const w = denseW({ n: [6], k: [3], padding: 1, mode });
      expect(shiftInvariant(w, 1, 1), mode).toBe(true);
    }
    expect(denseW({ n: [6], k: [3], padding: 1, mode: 'circular' })[0]![5]).toBe(1); // w1 reads z6 through the wrap
  });

  it('2D, stride 1, zeros or circular padding: W is doubly block Toeplitz', () => {
    for (const mode of ['zeros', 'circular'] as const) {
      expect(doublyBlockToeplitz(denseW({ n: [4, 4], k: [3, 3], padding: 1, mode }), 4, 4), mode).toBe(true);
    }
    expect(doublyBlockToeplitz(denseW({ n: [4, 4], k: [3, 3] }), 2, 4)).toBe(true);
  });

  it('stride 2: not Toeplitz; each row is the row above shifted by 2 columns', () => {
    const w = denseW({ n: [7], k: [3], stride: 2 });
    expect(shiftInvariant(w, 1, 1)).toBe(false);
    expect(shiftInvariant(w, 1, 2)).toBe(true);
  });

  it('reflect and replicate padding: the border rows sum taps onto the copied input, so W is not Toeplitz', () => {
    const reflect = denseW({ n: [6], k: [3], padding: 1, mode: 'reflect' });
    expect(reflect[0]!.slice(0, 2)).toEqual([10, 101]); // z2 | z1 z2 …: w1 and w3 both read z2
    const replicate = denseW({ n: [6], k: [3], padding: 1, mode: 'replicate' });
    expect(replicate[0]!.slice(0, 2)).toEqual([11, 100]); // z1 | z1 z2 …: w1 and w2 both read z1
    for (const w of [reflect, replicate]) expect(shiftInvariant(w, 1, 1)).toBe(false);
  });

  it('the catalogue states exactly these conditions', () => {
    const text = getIdentity('conv-dense-equivalence').holdsWhen;
    expect(text).toMatch(/With stride 1 and zeros or circular padding, W is Toeplitz: banded Toeplitz in 1D .*doubly block Toeplitz in 2D/);
    expect(text).toMatch(/with stride s > 1 each row is the row above shifted by s columns/);
    expect(text).toMatch(/with reflect or replicate padding the border rows add the taps/);
    expect(text).not.toMatch(/^[^.]*\. W is banded Toeplitz/);
  });
});
