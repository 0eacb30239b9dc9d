import { describe, expect, it } from 'vitest';
import { assertEngineLatex } from './latex-cases.ts';
import { derive } from '../../src/latex/derive.ts';
import { derivationToLatex } from '../../src/latex/emit.ts';
import { explainCommand } from '../../src/cli/explain.ts';
import { latexSymbol } from '../../src/algebra/latex-escape.ts';
import { assertParses } from './helpers.ts';
import { expectWellFormed, matrixTexts, step } from './topics-helpers.ts';

/** explain gradient: δ = ∂L/∂y, ∂L/∂z = Kᵀδ and ∂L/∂w = Zᵀδ written out, checked by the engine. */
describe('explain gradient', () => {
  it('the lecture\'s 1D example: Kᵀ is the banded transpose, each ∂L/∂z_i gathers the δ whose windows read z_i', () => {
    const d = derive('gradient', { input: 6, kernel: 3 });
    expectWellFormed(d);
    const dz = step(d, 'equation', /input gradient/);
    // parts: text, Kᵀ, δ, =, products, =, names
    expect(matrixTexts(dz, 1)).toEqual([
      ['w1', '0', '0', '0'], ['w2', 'w1', '0', '0'], ['w3', 'w2', 'w1', '0'],
      ['0', 'w3', 'w2', 'w1'], ['0', '0', 'w3', 'w2'], ['0', '0', '0', 'w3'],
    ]);
    // written here from the definition: z_i is read by output o through tap i − o + 1
    const want = [1, 2, 3, 4, 5, 6].map((i) => [1, 2, 3, 4].filter((o) => i - o >= 0 && i - o <= 2).map((o) => `delta${o}*w${i - o + 1}`).join(' + '));
    expect(matrixTexts(dz, 4).map((r) => r[0]!)).toEqualPolynomial(want);
    expect(matrixTexts(dz, 6).map((r) => r[0]!)).toEqual(['∂L/∂z1', '∂L/∂z2', '∂L/∂z3', '∂L/∂z4', '∂L/∂z5', '∂L/∂z6']);
    const dw = step(d, 'equation', /weight gradient/);
    expect(matrixTexts(dw, 1)).toEqual([['z1', 'z2', 'z3', 'z4'], ['z2', 'z3', 'z4', 'z5'], ['z3', 'z4', 'z5', 'z6']]);
    expect(matrixTexts(dw, 4).map((r) => r[0]!)).toEqualPolynomial([1, 2, 3].map((j) => [1, 2, 3, 4].map((o) => `delta${o}*z${o + j - 1}`).join(' + ')));
    const delta = step(d, 'equation', /δ, the gradient/);
    expect(delta.tex).toContain('\\partial L/\\partial z_{7}');
    expect(delta.tex).toContain('\\delta_{4}');
  });

  it('a 2D stride-2 spec with channels: the output padding that restores n, the correlation with δ dilated by 2', () => {
    const d = derive('gradient', { input: '5x6', kernel: '3x3', stride: 2, padding: 1, inChannels: 2, outChannels: 2 });
    expectWellFormed(d);
    expect(step(d, 'note', /transposed convolution/).text).toMatch(/= 0×1 restores the input size 5×6/);
    expect(step(d, 'note', /correlation/).text).toMatch(/kernel is δ \(size 3×3\), with dilation s = 2×2 and stride d = 1×1.*one correlation per output channel/);
  });

  it('reflect padding: K with summed entries, Kᵀδ as the transposed convolution folded onto the copied inputs', () => {
    const d = derive('gradient', { input: 4, kernel: 3, padding: 1, paddingMode: 'reflect' });
    expectWellFormed(d);
    const dz = step(d, 'equation', /input gradient/);
    expect(matrixTexts(dz, 1)[1]).toEqual(['w1 + w3', 'w2', 'w1', '0']);
    expect(step(d, 'note', /folded/).text).toMatch(/reflect padding the padding cells copy inputs/);
    expect(step(d, 'note', /correlation/).text).toMatch(/reflect-padded input/);
  });

  it('δ is typeset as the letter: Greek names print as Greek letters, with SymPy\'s accents; other words stay italic words', () => {
    expect(latexSymbol('delta4')).toBe('\\delta_{4}');
    expect(latexSymbol('delta_2_3')).toBe('\\delta_{2,3}');
    expect(latexSymbol('deltatilde1')).toBe('\\tilde{\\delta}_{1}');
    expect(latexSymbol('ztilde1')).toBe('\\tilde{z}_{1}');
    expect(latexSymbol('crowbar')).toBe('\\mathit{crowbar}');
    expect(latexSymbol('deltas')).toBe('\\mathit{deltas}');
  });

  it('elides large specs and refuses a transposed one, naming the field', () => {
    const d = derive('gradient', { input: 40, kernel: 3 });
    expectWellFormed(d);
    expect(derivationToLatex(d)).toContain('\\vdots');
    // ∂L/∂w_j sums over the 38 outputs: its first 8 terms and the count
    const dw = matrixTexts(step(d, 'equation', /weight gradient/), 4).map((r) => r[0]!);
    expect(dw[0]).toBe('delta1*z1 + delta2*z2 + delta3*z3 + delta4*z4 + delta5*z5 + delta6*z6 + delta7*z7 + delta8*z8 + … (38 terms)');
    expect(step(d, 'equation', /weight gradient/).tex).toContain('\\cdots \\; (38 \\text{ terms})');
    expect(() => derive('gradient', { input: 4, kernel: 3, transposed: true })).toThrow(/transposed: the gradient topic derives the backward pass of a regular convolution/);
  });

  it('convmat explain gradient --input 6 --kernel 3 in every format', async () => {
    for (const format of ['text', 'latex', 'markdown', 'html', 'json']) {
      let out = '';
      const code = await explainCommand.run(['gradient', '--input', '6', '--kernel', '3', '--format', format], { out: (t) => { out += t; }, err: () => {}, readStdin: async () => '' });
      expect(code, format).toBe(0);
      if (format === 'json') expect(JSON.parse(out).topic).toBe('gradient');
      if (format === 'text') expect(out).toContain('∂L/∂w = Zᵀ δ');
      if (format === 'html') expect(out).toContain('class="katex-display"');
      if (format === 'latex') assertEngineLatex(out);
      if (format === 'markdown') for (const block of out.match(/\$\$\n[\s\S]*?\n\$\$/g) ?? []) assertParses(block.slice(3, -3));
    }
  }, 60_000);
});
