import { describe, expect, it } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { columnTexts, expectWellFormed, step } from './topics-helpers.ts';

describe('flatten: vec(·) and its index table', () => {
  const d = derive('flatten');
  it('row-major by default: z1 … z9 in order, column-major positions beside them', () => {
    const t = step(d, 'table', /Index table/);
    expect(t.header).toEqual(['row-major position', 'index', 'element', 'column-major position']);
    expect(columnTexts(t, 2)).toEqual(['z1', 'z2', 'z3', 'z4', 'z5', 'z6', 'z7', 'z8', 'z9']);
    expect(columnTexts(t, 1).slice(0, 4)).toEqual(['(0, 0)', '(0, 1)', '(0, 2)', '(1, 0)']);
    expect(columnTexts(t, 3)).toEqual(['0', '3', '6', '1', '4', '7', '2', '5', '8']);
  });
  it('golden LaTeX of vec(X)', () => {
    expect(step(d, 'equation', /vec\(X\)/).tex).toBe(
      '\\begin{bmatrix}z_{1} & z_{2} & z_{3} \\\\ z_{4} & z_{5} & z_{6} \\\\ z_{7} & z_{8} & z_{9}\\end{bmatrix}_{X} \\;\\to\\; \\operatorname{vec}(X) = '
      + '\\begin{bmatrix}z_{1} \\\\ z_{2} \\\\ z_{3} \\\\ z_{4} \\\\ z_{5} \\\\ z_{6} \\\\ z_{7} \\\\ z_{8} \\\\ z_{9}\\end{bmatrix}',
    );
  });
  it('column-major option: z1, z4, z7, … and W with permuted columns', () => {
    const c = derive('flatten', { input: '3x3', kernel: '2x2', order: 'column-major' } as never);
    expect(columnTexts(step(c, 'table', /Index table/), 2)).toEqual(['z1', 'z4', 'z7', 'z2', 'z5', 'z8', 'z3', 'z6', 'z9']);
    expect(derivationToText(c)).toContain('⎡w1  w3  0   w2  w4  0   0   0   0 ⎤');
    expectWellFormed(c);
  });
  it('long tensors keep head and tail of the table; multi-channel parses', () => {
    const big = derive('flatten', { input: '6x6', kernel: 3, inChannels: 2, outChannels: 1 });
    const rows = step(big, 'table', /Index table/).rows;
    expect(rows.length).toBe(16);
    expect(rows.some((r) => r[0]!.text === '…')).toBe(true);
    expect(rows.at(-1)![1]!.text).toBe('(1, 5, 5)');
    expectWellFormed(big);
  });
  it('parses and W·vec(X) agrees with the sliding window', () => expectWellFormed(d));
});
