import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/algebra/expression.ts';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { expectWellFormed, matrixTexts, step } from './topics-helpers.ts';

describe('dilation: a kernel interleaved with zeros', () => {
  const d = derive('dilation');
  const kernel = step(d, 'equation', /interleaved/);
  it('golden LaTeX: w1 w2 w3 with d = 2 is w1 0 w2 0 w3', () => {
    expect(kernel.tex).toBe('\\begin{bmatrix}w_{1} & w_{2} & w_{3}\\end{bmatrix} \\;\\xrightarrow{\\,d\\,=\\,2\\,}\\; \\begin{bmatrix}w_{1} & 0 & w_{2} & 0 & w_{3}\\end{bmatrix}');
  });
  it('the zero-inserted kernel equals the lecture\'s, as polynomials', () => {
    const got = matrixTexts(kernel, 2)[0]!;
    const lecture = ['w1', '0', 'w2', '0', 'w3'];
    expect(got).toHaveLength(5);
    got.forEach((g, i) => expect(parseExpression(g)).toEqualPolynomial(parseExpression(lecture[i]!)));
  });
  it('golden text of K with the dilated band', () => {
    expect(derivationToText(d)).toContain('  ⎡w1  0   w2  0   w3  0   0 ⎤          ⎡w1  0   w2  0   w3  0   0 ⎤\n');
    expect(derivationToText(d)).toContain('[w1  w2  w3] -(d=2)-> [w1  0  w2  0  w3]');
  });
  it('span d(k−1)+1 = 5 in the table', () => {
    expect(step(d, 'table', /span/).rows[0]!.map((c) => c.text)).toEqual(['1', '3', '2', '5']);
  });
  it('parses in KaTeX and every verdict passes, also 2D and multi-channel', () => {
    expectWellFormed(d);
    expectWellFormed(derive('dilation', { input: '7x7', kernel: '2x2', dilation: 2, inChannels: 2, outChannels: 1 }));
  });
});
