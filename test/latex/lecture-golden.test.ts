import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/algebra/expression.ts';
import { LECTURE_WINDOW_EXAMPLE, derive } from '../../src/latex/derive.ts';
import type { EquationStep, MatrixPart } from '../../src/latex/derivation.ts';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { matrices } from './helpers.ts';

/** The lecture's printed entries, compared as polynomials (not strings). */
function column(step: EquationStep, part: number): string[] {
  const p = step.parts[part]!;
  if (p.type !== 'matrix') throw new Error('not a matrix');
  return p.cells.map((r) => r[0]!.text);
}
function expectPolys(actual: string[], lecture: string[]): void {
  expect(actual).toHaveLength(lecture.length);
  actual.forEach((a, i) => expect(parseExpression(a), `${a} vs ${lecture[i]}`).toEqualPolynomial(parseExpression(lecture[i]!)));
}
const eq = (d: ReturnType<typeof derive>, title: RegExp) => d.steps.find((s) => s.type === 'equation' && title.test(s.title)) as EquationStep;

describe('Example 3: K z = z7..z10', () => {
  const d = derive('matrix', { input: 6, kernel: 3 });
  const step = eq(d, /K times/);
  it('golden LaTeX', () => {
    expect(step.tex).toBe(
      '\\begin{bmatrix}w_{1} & w_{2} & w_{3} & 0 & 0 & 0 \\\\ 0 & w_{1} & w_{2} & w_{3} & 0 & 0 \\\\ 0 & 0 & w_{1} & w_{2} & w_{3} & 0 \\\\ 0 & 0 & 0 & w_{1} & w_{2} & w_{3}\\end{bmatrix}_{K} '
      + '\\begin{bmatrix}z_{1} \\\\ z_{2} \\\\ z_{3} \\\\ z_{4} \\\\ z_{5} \\\\ z_{6}\\end{bmatrix}_{z} = '
      + '\\begin{bmatrix}w_{1} z_{1} + w_{2} z_{2} + w_{3} z_{3} \\\\ w_{1} z_{2} + w_{2} z_{3} + w_{3} z_{4} \\\\ w_{1} z_{3} + w_{2} z_{4} + w_{3} z_{5} \\\\ w_{1} z_{4} + w_{2} z_{5} + w_{3} z_{6}\\end{bmatrix} = '
      + '\\begin{bmatrix}z_{7} \\\\ z_{8} \\\\ z_{9} \\\\ z_{10}\\end{bmatrix}',
    );
  });
  it('entries equal the lecture polynomials', () => {
    expectPolys(column(step, 3), ['w1*z1 + w2*z2 + w3*z3', 'w1*z2 + w2*z3 + w3*z4', 'w1*z3 + w2*z4 + w3*z5', 'w1*z4 + w2*z5 + w3*z6']);
    expect(column(step, 5)).toEqual(['z7', 'z8', 'z9', 'z10']);
  });
  it('golden text', () => {
    expect(derivationToText(d)).toContain(
      '  ⎡w1  w2  w3  0   0   0 ⎤   ⎢z2⎥     ⎡w1*z1 + w2*z2 + w3*z3⎤   ⎡z7 ⎤\n'
      + '  ⎢0   w1  w2  w3  0   0 ⎥   ⎢z3⎥   = ⎢w1*z2 + w2*z3 + w3*z4⎥ = ⎢z8 ⎥\n',
    );
  });
});

describe('Example 2: padded input [0, a, b, c, d, 0]ᵀ with weights x, y, z', () => {
  const d = derive('matrix', { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });
  const step = eq(d, /padded input/);
  it('golden LaTeX shows the zeros', () => {
    expect(step.tex).toBe(
      '\\begin{bmatrix}x & y & z & 0 & 0 & 0 \\\\ 0 & x & y & z & 0 & 0 \\\\ 0 & 0 & x & y & z & 0 \\\\ 0 & 0 & 0 & x & y & z\\end{bmatrix} '
      + '\\begin{bmatrix}0 \\\\ a \\\\ b \\\\ c \\\\ d \\\\ 0\\end{bmatrix} = '
      + '\\begin{bmatrix}a y + b z \\\\ a x + b y + c z \\\\ b x + c y + d z \\\\ c x + d y\\end{bmatrix}',
    );
  });
  it('entries equal the lecture polynomials', () => {
    expectPolys(column(step, 3), ['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y']);
  });
  it('every verdict passes', () => expect(d.steps.filter((s) => s.type === 'verdict').every((s) => s.equal)).toBe(true));
});

describe('Example 3 transposed: Kᵀ [z7..z10] = z̃1..z̃6', () => {
  const d = derive('transposed', { input: 6, kernel: 3 });
  const step = eq(d, /Kᵀ times/);
  it('entries equal the lecture polynomials', () => {
    expectPolys(column(step, 3), ['w1*z7', 'w2*z7 + w1*z8', 'w3*z7 + w2*z8 + w1*z9', 'w3*z8 + w2*z9 + w1*z10', 'w3*z9 + w2*z10', 'w3*z10']);
  });
  it('golden LaTeX of the product and the tilde names', () => {
    expect(step.tex).toContain('_{K^{T}}');
    expect(step.tex).toContain('\\begin{bmatrix}w_{1} z_{7} \\\\ w_{2} z_{7} + w_{1} z_{8} \\\\ w_{3} z_{7} + w_{2} z_{8} + w_{1} z_{9}');
    expect(step.tex).toMatch(/\\tilde\{z\}_\{1\} \\\\ .*\\tilde\{z\}_\{6\}\\end\{bmatrix\}$/);
    expect(derivationToText(d)).toContain('z̃6');
  });
  it('has the learned-weights remark and three passing verdicts of the forms', () => {
    expect(d.steps.some((s) => s.type === 'note' && /learned/.test(s.text))).toBe(true);
    const verdicts = d.steps.filter((s) => s.type === 'verdict');
    expect(verdicts.map((v) => v.title)).toEqual([expect.stringMatching(/Scatter/), expect.stringMatching(/Zero insertion/)]);
    expect(verdicts.every((v) => v.equal)).toBe(true);
  });
});

describe('the 5×5 ⊛ 3×3 sliding window', () => {
  const d = derive('window', LECTURE_WINDOW_EXAMPLE);
  const frames = d.steps.filter((s) => s.type === 'equation' && /^Window/.test(s.title)) as EquationStep[];
  it('has nine frames, one per output, each linked to its output', () => {
    expect(frames).toHaveLength(9);
    frames.forEach((f, i) => expect(f.highlights[0]!.output).toBe(i));
  });
  it('frame 1 writes the kernel subscripts over the covered cells (the lecture: 3₀ 3₁ 2₂ / 0₂ 0₂ 1₀ / 3₀ 1₁ 2₂)', () => {
    const grid = frames[0]!.parts[0]!;
    if (grid.type !== 'matrix') throw new Error();
    expect(grid.cells.slice(0, 3).map((r) => r.slice(0, 3).map((c) => c.text))).toEqual([['3₀', '3₁', '2₂'], ['0₂', '0₂', '1₀'], ['3₀', '1₁', '2₂']]);
    expect(grid.cells[0]![3]!.text).toBe('1');
  });
  it('frame 5 covers the centre (the lecture: 0₀ 1₁ 3₂ / 1₂ 2₂ 2₀ / 0₀ 0₁ 2₂)', () => {
    const grid = frames[4]!.parts[0]!;
    if (grid.type !== 'matrix') throw new Error();
    expect(grid.cells.slice(1, 4).map((r) => r.slice(1, 4).map((c) => c.text))).toEqual([['0₀', '1₁', '3₂'], ['1₂', '2₂', '2₀'], ['0₀', '0₁', '2₂']]);
  });
  it('ends in [[12,12,17],[10,17,19],[9,6,14]]', () => {
    const final = matrices(d).at(-1)!;
    expect(final.cells.map((r) => r.map((c) => Number(c.text)))).toEqual([[12, 12, 17], [10, 17, 19], [9, 6, 14]]);
    expect(eq(d, /feature map/).tex).toBe('\\begin{bmatrix}12 & 12 & 17 \\\\ 10 & 17 & 19 \\\\ 9 & 6 & 14\\end{bmatrix}');
  });
});

describe('2D block Toeplitz', () => {
  const d = derive('block', { input: '4x4', kernel: '3x3' });
  it('draws block lines and names equal blocks', () => {
    expect(eq(d, /K times/).tex).toMatch(/^\\left\[\\begin\{array\}\{cccc\|cccc\|cccc\|cccc\}/);
    expect(eq(d, /matrix of/).tex).toBe('K = \\begin{bmatrix}R_{1} & R_{2} & R_{3} & 0 \\\\ 0 & R_{1} & R_{2} & R_{3}\\end{bmatrix}');
    expect(d.steps[0]!.type === 'note' && d.steps[0]!.text).toMatch(/row-major/);
  });
});

describe('3D: triply block Toeplitz, shown as blocks of blocks of bands', () => {
  const d = derive('block', { input: '3x3x3', kernel: '2x2x2' });
  const grid = (s: EquationStep) => (s.parts[2]! as MatrixPart).cells.map((r) => r.map((c) => c.text));
  it('K is a matrix of slice blocks S, each S a matrix of row blocks R, each R a band', () => {
    const outer = eq(d, /^K as a 2×3 matrix of 4×9 blocks, each mapping an input slice to an output slice/);
    expect(grid(outer)).toEqual([['S1', 'S2', '0'], ['0', 'S1', 'S2']]);
    const s1 = eq(d, /^S1 as a 2×3 matrix of 2×3 blocks, each mapping an input row to an output row/);
    expect(grid(s1)).toEqual([['R1', 'R2', '0'], ['0', 'R1', 'R2']]);
    const s2 = eq(d, /^S2 as a/);
    expect(grid(s2)).toEqual([['R3', 'R4', '0'], ['0', 'R3', 'R4']]);
    const r1 = eq(d, /^Block R1: a band/);
    expect(grid(r1)).toEqual([['w1', 'w2', '0'], ['0', 'w1', 'w2']]);
    // the last band: w7, w8 of the second slice of the kernel, second row
    expect(grid(eq(d, /^Block R4: a band/))).toEqual([['w7', 'w8', '0'], ['0', 'w7', 'w8']]);
  });
  it('says a block maps a slice to a slice in 3D', () => {
    const note = d.steps[0]!;
    expect(note.type === 'note' && note.text).toMatch(/maps one input slice to one output slice/);
    expect(note.type === 'note' && note.text).not.toMatch(/Each block of K maps one input row/);
  });
});
