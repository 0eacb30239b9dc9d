import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import type { EquationStep, MatrixPart, Step } from '../../src/latex/derivation.ts';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { assertParses } from './helpers.ts';

/** The lecture's Example 2 and Example 3, held against the numbers it prints (as polynomials, never LaTeX strings). */
const equation = (steps: readonly Step[], title: RegExp) => {
  const s = steps.find((x) => x.type === 'equation' && title.test(x.title));
  if (!s) throw new Error(`no equation step ${title}`);
  return s as EquationStep;
};
const matrixParts = (s: EquationStep) => s.parts.filter((p): p is MatrixPart => p.type === 'matrix');
const column = (m: MatrixPart) => m.cells.map((r) => r[0]!.text);
const grid = (m: MatrixPart) => m.cells.map((r) => r.map((c) => c.text));

describe('Example 2 as the lecture shows it: X on [0, a, b, c, d, 0], then Xᵀ a', () => {
  const d = derive('transposed', { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });

  it('x ∗ a = X a: X is the 4×6 matrix on the padded input [0, a, b, c, d, 0]', () => {
    const s = equation(d.steps, /∗ a = X a/);
    const [X, a, prod] = matrixParts(s);
    expect(X!.label?.text).toBe('X');
    expect(grid(X!)).toEqual([
      ['x', 'y', 'z', '0', '0', '0'], ['0', 'x', 'y', 'z', '0', '0'], ['0', '0', 'x', 'y', 'z', '0'], ['0', '0', '0', 'x', 'y', 'z'],
    ]);
    expect(column(a!)).toEqual(['0', 'a', 'b', 'c', 'd', '0']);
    expect(column(prod!)).toEqualPolynomial(['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y']);
    expect(s.parts[0]).toMatchObject({ type: 'math', text: 'x ∗ a = X a =' });
  });

  it('x ∗ᵀ a = Xᵀ a: the 6×4 transpose applied to a..d gives ax, ay+bx, az+by+cx, bz+cy+dx, cz+dy, dz', () => {
    const s = equation(d.steps, /∗ᵀ a = Xᵀ a/);
    const [Xt, a, prod, names] = matrixParts(s);
    expect(Xt!.label?.text).toBe('Xᵀ');
    expect([Xt!.rows, Xt!.cols]).toEqual([6, 4]);
    expect(column(a!)).toEqual(['a', 'b', 'c', 'd']);
    expect(column(prod!)).toEqualPolynomial(['a*x', 'a*y + b*x', 'a*z + b*y + c*x', 'b*z + c*y + d*x', 'c*z + d*y', 'd*z']);
    // transposed outputs carry the tilde, on a letter that is neither a weight nor an input
    expect(column(names!)).toEqual(['ũ1', 'ũ2', 'ũ3', 'ũ4', 'ũ5', 'ũ6'].map((n) => n.normalize('NFD')));
    expect(s.title).toMatch(/transposed convolution with padding 0, 4 up to 6/);
  });

  it('says this is the change in padding, and keeps PyTorch’s padding 1 (4 → 4) as Xᵀ a cropped, checked by the engine', () => {
    const note = d.steps.find((s) => s.type === 'note' && /change in padding/.test(s.title));
    expect(note?.type === 'note' && note.text).toMatch(/transposed convolution with padding 0/);
    const v = d.steps.find((s) => s.type === 'verdict' && /PyTorch/.test(s.title));
    expect(v?.type === 'verdict' && v.equal).toBe(true);
    expect(v?.title).toMatch(/4 → 4/);
    expect(d.steps.filter((s) => s.type === 'verdict').every((s) => s.type === 'verdict' && s.equal)).toBe(true);
  });

  it('states the lecture’s rule (p′ = k − 1, s′ = s) beside the general one (p′ = d(k − 1) − p)', () => {
    const rule = d.steps.find((s) => s.type === 'note' && /regular convolution/.test(s.title));
    expect(rule?.type === 'note' && rule.text).toMatch(/p′ = k − 1/);
    expect(rule?.type === 'note' && rule.text).toMatch(/p′ = d\(k − 1\) − p/);
    expect(rule?.type === 'note' && rule.text).toMatch(/s > 1 its s′ = s means the s − 1 zeros inserted/);
  });

  it('every step typesets, and the text form shows no y beside the weight y', () => {
    for (const s of d.steps) assertParses(s.tex);
    expect(derivationToText(d)).not.toMatch(/\by\d/);
  });
});

describe('Example 3 as a transposed spec: Kᵀ [z7..z10] = z̃1..z̃6', () => {
  const d = derive('transposed', { input: 4, kernel: 3, transposed: true, inputs: 'z7,z8,z9,z10' });
  it('maps four to six with the lecture entries and the tilde names', () => {
    const s = equation(d.steps, /Kᵀ times the input/);
    const [K, , prod, names] = matrixParts(s);
    expect([K!.rows, K!.cols]).toEqual([6, 4]);
    expect(column(prod!)).toEqualPolynomial(['w1*z7', 'w2*z7 + w1*z8', 'w3*z7 + w2*z8 + w1*z9', 'w3*z8 + w2*z9 + w1*z10', 'w3*z9 + w2*z10', 'w3*z10']);
    expect(names!.cells.map((r) => r[0]!.tex)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `\\tilde{z}_{${i}}`));
  });
});
