import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/algebra/expression.ts';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { columnTexts, expectWellFormed, matrixTexts, step } from './topics-helpers.ts';

const samePolys = (got: string[], want: string[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => expect(parseExpression(g), `${g} vs ${want[i]}`).toEqualPolynomial(parseExpression(want[i]!)));
};

describe('separable: Sobel', () => {
  const d = derive('separable');
  it('golden LaTeX: G_x = [1,2,1]ᵀ[1,0,−1]', () => {
    expect(step(d, 'equation', /column times a row/).tex).toBe(
      'G = \\begin{bmatrix}1 & 0 & -1 \\\\ 2 & 0 & -2 \\\\ 1 & 0 & -1\\end{bmatrix} = \\begin{bmatrix}1 \\\\ 2 \\\\ 1\\end{bmatrix} \\begin{bmatrix}1 & 0 & -1\\end{bmatrix}',
    );
  });
  it('the factors and the lecture\'s [−1,0,1] variant, by value', () => {
    const s = step(d, 'equation', /column times a row/);
    samePolys(matrixTexts(s, 3).map((r) => r[0]!), ['1', '2', '1']);
    samePolys(matrixTexts(s, 4)[0]!, ['1', '0', '-1']);
    const f = step(d, 'equation', /flipped/);
    samePolys(matrixTexts(f, 1).flat(), ['-1', '0', '1', '-2', '0', '2', '-1', '0', '1']);
    samePolys(matrixTexts(f, 4)[0]!, ['-1', '0', '1']);
    expect(derivationToText(d)).toContain('flip(G) = ⎢-2  0  2⎥ = ⎢2⎥ [-1  0  1]');
  });
  it('the lecture\'s multiplication counts: 81 against 45 + 27 = 72', () => {
    const t = step(d, 'table', /Multiplications/);
    // the columns say what they count: multiplications (every tap, the kernel's zeros included) and, apart, the nonzeros of K
    expect(t.header.slice(3, 5)).toEqual(['multiplications', 'nonzeros of K']);
    expect(columnTexts(t, 3).map(Number)).toEqual([81, 45, 27]);
    expect(columnTexts(t, 4).map(Number)).toEqual([54, 45, 18]);
    // 54 and 18 are the nonzero entries of the matrices the derivation prints
    const nonzeroEntries = (title: RegExp) => matrixTexts(step(d, 'equation', title), title.source.includes('multiplied') ? 1 : 0).flat().filter((x) => x !== '0').length;
    expect(nonzeroEntries(/multiplied/)).toBe(54);
    expect(nonzeroEntries(/Stage 2/)).toBe(18);
    expect(step(d, 'note', /What is counted/).text).toMatch(/54, 45, 18 against 81, 45, 27/);
    expect(step(d, 'equation', /against/).parts[0]!).toMatchObject({ text: '81 against 45 + 27 = 72', tex: '81 \\quad\\text{against}\\quad 45 + 27 = 72' });
  });
  it('K2·K1 = K of G, checked by the engine; parses in KaTeX', () => {
    const k = step(d, 'equation', /multiplied/);
    samePolys(matrixTexts(k, 1)[0]!.slice(0, 11), ['1', '0', '-1', '0', '0', '2', '0', '-2', '0', '0', '1']);
    expectWellFormed(d);
  });
  it('a kernel that is not rank 1 says so and uses symbolic factors', () => {
    const g = derive('separable', { input: '4x4', kernel: '2x2' });
    expect(step(g, 'note', /Not separable/).text).toMatch(/rank ≥ 2/);
    expectWellFormed(g);
  });
});

describe('depthwise separable: the lecture\'s tables', () => {
  const table = (d: ReturnType<typeof derive>) => columnTexts(step(d, 'table', /Multiplications/), 4).map((t) => Number(t.replace(/.*= /, '').replace(/,/g, '')));
  it('3 → 128 channels, 3×3, 5×5 outputs: 86,400 against 675 + 9,600 = 10,275', () => {
    const d = derive('depthwise');
    expect(table(d)).toEqual([86_400, 675, 9_600]);
    expect(step(d, 'equation', /against/).tex).toBe('86{,}400 \\quad\\text{against}\\quad 675 + 9{,}600 = 10{,}275');
    expect(columnTexts(step(d, 'table', /Multiplications/), 4)[0]).toBe('3 × 3 × 3 × 5 × 5 × 128 = 86,400');
    expectWellFormed(d);
  });
  it('3 → 256 channels, 5×5, 8×8 outputs: 1,228,800 against 4,800 + 49,152 = 53,952', () => {
    const d = derive('depthwise', { input: '12x12', kernel: '5x5', inChannels: 3, outChannels: 256 });
    expect(table(d)).toEqual([1_228_800, 4_800, 49_152]);
    expect(step(d, 'equation', /against/).parts[0]!.type === 'math' && step(d, 'equation', /against/).parts[0]!).toMatchObject({ text: '1,228,800 against 4,800 + 49,152 = 53,952' });
  });
  it('D is block diagonal with block lines, P·D = K with W[o,c] = P[o,c]·D[c]', () => {
    const d = derive('depthwise', { input: 5, kernel: 3, inChannels: 3, outChannels: 2 });
    const D = step(d, 'equation', /depthwise matrix D/);
    expect(D.tex).toMatch(/^\\left\[\\begin\{array\}\{ccccc\|ccccc\|ccccc\}/);
    expect(matrixTexts(D, 0)[0]!.slice(5).every((t) => t === '0')).toBe(true);
    const K = step(d, 'equation', /product is K/);
    samePolys(matrixTexts(K, 1)[0]!.slice(0, 6), ['p_1_1_1*d_1_1_1', 'p_1_1_1*d_1_1_2', 'p_1_1_1*d_1_1_3', '0', '0', 'p_1_2_1*d_2_1_1']);
    expectWellFormed(d);
  });
});
