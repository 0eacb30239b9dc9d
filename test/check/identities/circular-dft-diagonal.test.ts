import { describe, expect, it } from 'vitest';
import { checkIdentity, convMatrix, materialize, float64Ring, normalizeSpec } from '../../../src/index.ts';
import { SpecError } from '../../../src/errors.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'circular-dft-diagonal';

/**
 * The DFT here is written from its definition with plain loops over dense
 * complex matrices, F[m, i] = Π_a e^{−2πi m_a i_a / n_a}, F⁻¹ = conj(F)/N, and
 * K is built from PyTorch's circular padding (x[−u] = x[n−u]) by hand: none of
 * it comes from src/.
 */
type C = [number, number];
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const add = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];

function indexOf(flat: number, shape: number[]): number[] {
  const out: number[] = [];
  for (let a = shape.length - 1; a >= 0; a--) { out.unshift(flat % shape[a]!); flat = Math.floor(flat / shape[a]!); }
  return out;
}

function dftMatrix(shape: number[], sign: number): C[][] {
  const N = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: N }, (_, m) => Array.from({ length: N }, (_, i) => {
    const mi = indexOf(m, shape), ii = indexOf(i, shape);
    const angle = sign * 2 * Math.PI * mi.reduce((s, x, a) => s + (x * ii[a]!) / shape[a]!, 0);
    const scale = sign > 0 ? 1 / N : 1;
    return [scale * Math.cos(angle), scale * Math.sin(angle)] as C;
  }));
}

function matMul(a: C[][], b: C[][]): C[][] {
  return a.map((row) => b[0]!.map((_, c) => row.reduce<C>((s, x, k) => add(s, mul(x, b[k]![c]!)), [0, 0])));
}

/** F·K·F⁻¹ of a real matrix K over a tensor of shape `shape`. */
function conjugated(k: number[][], shape: number[]): C[][] {
  return matMul(matMul(dftMatrix(shape, -1), k.map((r) => r.map((x) => [x, 0] as C))), dftMatrix(shape, 1));
}

/** K of a 1D circular cross-correlation from its definition: pad x circularly by p0 before, then dot each window. */
function circularK(n: number, w: number[], p0: number): number[][] {
  return Array.from({ length: n }, (_, o) => {
    const row = new Array(n).fill(0);
    w.forEach((wj, j) => { row[(((o + j - p0) % n) + n) % n] += wj; });
    return row;
  });
}

const close = (a: C, b: C) => Math.abs(a[0] - b[0]) < 1e-12 && Math.abs(a[1] - b[1]) < 1e-12;

describe(ID, () => {
  it('holds on random circular specs (1D and 2D, dilation, uneven padding, both modes)', () => {
    holdsForAll(ID, 30);
  });

  it('n = 4, kernel [1, 2, 3], padding 1: the eigenvalues derived by hand are 6, 2 + 2i, −2, 2 − 2i', () => {
    // λ_m = w1·ω^{−m} + w2 + w3·ω^{m} with ω = i: m = 0 → 6, m = 1 → −i + 2 + 3i, m = 2 → −1 + 2 − 3, m = 3 → i + 2 − 3i
    const hand: C[] = [[6, 0], [2, 2], [-2, 0], [2, -2]];
    const spec = { input: 4, kernel: 3, padding: 1, paddingMode: 'circular', weights: '[1,2,3]' } as const;
    const k = materialize(convMatrix(spec), [1, 2, 3], float64Ring);
    expect(k).toEqual(circularK(4, [1, 2, 3], 1));
    const m = conjugated(k, [4]);
    m.forEach((row, r) => row.forEach((x, c) => expect(close(x, r === c ? hand[r]! : [0, 0]), `(${r}, ${c}) = ${x}`).toBe(true)));
    const report = checkIdentity(ID, spec);
    expect(report.holds).toBe(true);
    expect(report.facts.eigenvalues).toEqual(['6 + 0i', '2 + 2i', '-2 + 0i', '2 - 2i']);
  });

  it('2D, dilation and convolution mode: the engine\'s K is diagonalised by the DFT written in this test', () => {
    for (const [spec, w] of [
      [{ input: [3, 4], kernel: [2, 3], padding: [[1, 0], [1, 1]], paddingMode: 'circular', weights: '[[1,2,0.5],[-1,3,2]]' }, [1, 2, 0.5, -1, 3, 2]],
      [{ input: 7, kernel: 3, dilation: 2, padding: [[3, 1]], paddingMode: 'circular', weights: '[2,-1,4]' }, [2, -1, 4]],
    ] as const) {
      const s = normalizeSpec(spec);
      const k = materialize(convMatrix(s), w, float64Ring);
      const m = conjugated(k, [...s.input]);
      m.forEach((row, r) => row.forEach((x, c) => { if (r !== c) expect(Math.hypot(...x), `(${r}, ${c})`).toBeLessThan(1e-9); }));
      expect(checkIdentity(ID, spec).holds).toBe(true);
    }
    // convolution mode flips [1, −1]: K[o, o] = −1, K[o, o+1] = 1, so λ_m = ω^m − 1 and λ_0 = 0
    const diff = checkIdentity(ID, { input: 5, kernel: 2, padding: 'same', paddingMode: 'circular', mode: 'convolution', weights: '[1,-1]' });
    expect(diff.holds).toBe(true);
    expect((diff.facts.eigenvalues as string[])[0]).toBe('0 + 0i');
  });

  it('near miss: a K with one entry changed is not diagonalised, and the report names the rows', () => {
    const spec = { input: 4, kernel: 3, padding: 1, paddingMode: 'circular', weights: '[1,2,3]' } as const;
    const k = circularK(4, [1, 2, 3], 1);
    expect(checkIdentity(ID, spec, { matrix: k }).holds).toBe(true);
    const broken = k.map((r) => [...r]);
    broken[0]![0] = 5;
    const r = checkIdentity(ID, spec, { matrix: broken });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.comparison).toMatch(/off-diagonal/);
    expect(r.differences[0]!.name).toBe('row of λ0');
    // the test's own DFT agrees: the changed entry leaves an off-diagonal 3/4 in every row
    expect(Math.hypot(...conjugated(broken, [4])[0]![1]!)).toBeCloseTo(0.75, 12);
  });

  it('refuses specs outside the hypothesis with the reason, as a SpecError naming the field', () => {
    const refused = (spec: object, field: string, why: RegExp) => {
      let err: unknown;
      try { checkIdentity(ID, spec as never); } catch (e) { err = e; }
      expect(err, JSON.stringify(spec)).toBeInstanceOf(SpecError);
      expect((err as SpecError).field).toBe(field);
      expect((err as Error).message).toMatch(why);
    };
    refused({ input: 6, kernel: 3, padding: 1 }, 'paddingMode', /needs paddingMode circular.*got "zeros"/);
    refused({ input: 6, kernel: 3, padding: 1, paddingMode: 'reflect' }, 'paddingMode', /circulant/);
    refused({ input: 6, kernel: 3, padding: 1, stride: 2, paddingMode: 'circular' }, 'stride', /stride 1/);
    refused({ input: 6, kernel: 3, paddingMode: 'circular' }, 'padding', /maps 6 to 4, so p₀ \+ p₁ must be d\(k−1\) = 2/);
    refused({ input: 6, kernel: 3, padding: 1, paddingMode: 'circular', inChannels: 2 }, 'inChannels', /one input and one output channel/);
    expect(() => checkIdentity(ID, { input: 6, kernel: 3, padding: 1, paddingMode: 'circular', transposed: true })).toThrow(SpecError);
  });
});
