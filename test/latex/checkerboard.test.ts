import { describe, expect, it } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import type { EquationStep } from '../../src/latex/derivation.ts';
import { expectWellFormed, matrixTexts } from './topics-helpers.ts';

const counts = (d: ReturnType<typeof derive>) => d.steps.filter((s): s is EquationStep => s.type === 'equation' && /Taps landing/.test(s.title))
  .map((s) => matrixTexts(s, 1).map((r) => r.map(Number)));

describe('checkerboard: overlap counts and the divisibility rule', () => {
  const d = derive('checkerboard');
  it('k = 3, s = 2 overlaps unevenly; the contrast k = 4 is uniform inside', () => {
    const [given, contrast] = counts(d);
    expect(given).toEqual([[1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1]]);
    expect(contrast).toEqual([[1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1]]);
    // the taps add up to k per input in both (5 inputs)
    expect(given![0]!.reduce((a, b) => a + b)).toBe(15);
    expect(contrast![0]!.reduce((a, b) => a + b)).toBe(20);
  });
  it('golden LaTeX and text', () => {
    const s = d.steps.find((x) => x.type === 'equation')!;
    expect(s.tex).toBe('\\text{overlap} = \\begin{bmatrix}1 & 1 & 2 & 1 & 2 & 1 & 2 & 1 & 2 & 1 & 1\\end{bmatrix}');
    const text = derivationToText(d);
    expect(text).toContain('Interior counts: 1, 2: uneven, a checkerboard pattern. The rule predicts uneven.');
    expect(text).toContain('Interior counts: 2: uniform, no checkerboard. The rule predicts uniform.');
  });
  it('2D: the checkerboard itself (k = 3, s = 2), and a regular spec is taken as its transposed one', () => {
    const g = derive('checkerboard', { input: '3x3', kernel: 3, stride: 2 });
    const [given] = counts(g);
    expect(given![2]).toEqual([2, 2, 4, 2, 4, 2, 2]);
    expectWellFormed(g);
  });
  it('divisible given (k = 4, s = 2) contrasts with k = 5; stride 1 has no contrast', () => {
    const g = derive('checkerboard', { input: 4, kernel: 4, stride: 2, transposed: true });
    expect(derivationToText(g)).toContain('contrast: k = 5, s = 2');
    expect(counts(derive('checkerboard', { input: 4, kernel: 3, transposed: true }))).toHaveLength(1);
    expectWellFormed(g);
  });
  it('parses and rule and counts agree', () => expectWellFormed(d));
});
