import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import type { NoteStep } from '../../src/latex/derivation.ts';
import { lcg, oracleConv, oracleConvTranspose } from '../oracle.ts';

/**
 * The transposed derivation's "As a regular convolution" note states
 * p′ = d(k − 1) − p with the padding the forms actually use. Each stated p′ is
 * read back from the text and checked by the independent oracle: the stride-1
 * correlation of the zero-inserted input, padded by the stated p′ (cropped when
 * negative), with the flipped kernel, equals the oracle's transposed
 * convolution with that padding. Example 2 (x, y, z over a, b, c, d, p = 1)
 * shows Xᵀ, padding 0, so p′ = 2; PyTorch's padding 1 gives p′ = 1.
 */
interface Case { n: number; k: number; s?: number; d?: number; p: number; op?: number }

function agrees({ n, k, s = 1, d = 1, p, op = 0 }: Case, before: number, after: number): boolean {
  const rand = lcg(n * 31 + k * 7 + p);
  const x = Array.from({ length: n }, () => Math.round(rand() * 10) - 5);
  const w = Array.from({ length: k }, () => Math.round(rand() * 10) - 5);
  const want = oracleConvTranspose({ data: x, shape: [1, n] }, { data: w, shape: [1, 1, k] }, { stride: [s], dilation: [d], padding: [[p, p]], outputPadding: [op] });
  const inserted = Array.from({ length: (n - 1) * s + 1 }, (_, i) => (i % s === 0 ? x[i / s]! : 0));
  try {
    const got = oracleConv({ data: inserted, shape: [1, inserted.length] }, { data: [...w].reverse(), shape: [1, 1, k] }, { dilation: [d], padding: [[before, after]] });
    return JSON.stringify(got) === JSON.stringify(want);
  } catch {
    return false; // an empty output: the stated padding cannot be right
  }
}

function rule(spec: Record<string, unknown>): string {
  return (derive('transposed', spec).steps.find((s) => s.title === 'As a regular convolution') as NoteStep).text;
}

const STATED = /here with p = (\d+): [^:]*?= (-?\d+) before and [^:]*?= (-?\d+) after/;
const TORCH = /With PyTorch's padding (\d+) the same rule gives [^,]*?= (-?\d+) before and [^,]*?= (-?\d+) after/;

describe('transposed: p′ = d(k − 1) − p with the padding actually used', () => {
  it('Example 2: the forms are those of Xᵀ (p = 0, p′ = 2); PyTorch’s padding 1 gives p′ = 1', () => {
    const text = rule({ input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });
    const [, p, before, after] = text.match(STATED)!.map(Number);
    expect([p, before, after]).toEqual([0, 2, 2]);
    expect(agrees({ n: 4, k: 3, p: 0 }, before!, after!)).toBe(true);
    expect(text).toMatch(/These are the forms of Xᵀ, whose padding is 0/);
    const [, tp, tb, ta] = text.match(TORCH)!.map(Number);
    expect([tp, tb, ta]).toEqual([1, 1, 1]);
    expect(agrees({ n: 4, k: 3, p: 1 }, tb!, ta!)).toBe(true);
    expect(agrees({ n: 4, k: 3, p: 1 }, 2, 2)).toBe(false); // the old text's 2 for p = 1
  });

  it.each<[string, Case, Record<string, unknown>]>([
    ['stride 2, padding 1, output padding 1', { n: 3, k: 3, s: 2, p: 1, op: 1 }, { input: 3, kernel: 3, stride: 2, padding: 1, outputPadding: 1, transposed: true }],
    ['dilation 2, padding 1', { n: 4, k: 2, d: 2, p: 1 }, { input: 4, kernel: 2, dilation: 2, padding: 1, transposed: true }],
    ['padding 3 > d(k − 1): p′ = −1 crops', { n: 5, k: 3, p: 3 }, { input: 5, kernel: 3, padding: 3, transposed: true }],
    ['the lecture’s z7..z10 back to six (padding 0)', { n: 4, k: 3, p: 0 }, { input: 4, kernel: 3, transposed: true }],
  ])('%s: the stated p′ reproduces the transposed convolution', (_name, c, spec) => {
    const text = rule(spec);
    const [, p, before, after] = text.match(STATED)!.map(Number);
    expect(p).toBe(c.p);
    expect(agrees(c, before!, after!)).toBe(true);
    expect(agrees(c, before! + 1, after!)).toBe(false);
    expect(text).not.toMatch(TORCH);
  });
});
