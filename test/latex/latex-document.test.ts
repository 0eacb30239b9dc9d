import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import { derivationToLatex, derivationToMarkdown } from '../../src/latex/emit.ts';
import { forLatex, matrixColumns } from '../../src/latex/latex-document.ts';
import { LATEX_CASES, assertEngineLatex } from './latex-cases.ts';

/**
 * The LaTeX output is for pdflatex and lualatex, not KaTeX: xcolor's
 * \textcolor[HTML]{C2410C} instead of KaTeX's \textcolor{#c2410c}, and ASCII
 * only (pdflatex stops on ᵀ, ′ and −; lualatex drops them). The Markdown keeps
 * KaTeX's dialect. test/cli/explain-latex-compile.test.ts compiles the output.
 */
describe('forLatex: KaTeX’s LaTeX for a LaTeX engine', () => {
  it('rewrites KaTeX’s hex colours into xcolor’s HTML model', () => {
    expect(forLatex('\\textcolor{#c2410c}{x}')).toBe('\\textcolor[HTML]{C2410C}{x}');
  });

  it('spells ᵀ, ′, −, Greek letters and combining accents with macros that work in text and in math', () => {
    expect(forLatex('u\u03032 ŷ')).toBe('\\ensuremath{\\tilde{u}}2 \\ensuremath{\\hat{y}}');
    expect(forLatex('Kᵀ, k′ = k − 1, δ, ∂L/∂z, ũ2')).toBe(
      'K\\ensuremath{^{T}}, k\\ensuremath{\'} = k \\ensuremath{-} 1, \\ensuremath{\\delta}, \\ensuremath{\\partial}L/\\ensuremath{\\partial}z, \\ensuremath{\\tilde{u}}2',
    );
  });

  it('shows a character it does not know as its code point, never as itself', () => {
    expect(forLatex('a ☃ b')).toBe('a \\text{\\texttt{U+2603}} b');
  });

  it('counts the columns the widest matrix needs (amsmath stops at 10 unless told)', () => {
    expect(matrixColumns('\\begin{bmatrix}a & b \\\\ c & d\\end{bmatrix}')).toBe(10);
    expect(matrixColumns(`\\begin{bmatrix}${Array(16).fill('x').join(' & ')}\\end{bmatrix}`)).toBe(16);
  });
});

describe.each(LATEX_CASES)('explain %s %j: LaTeX for pdflatex, Markdown for KaTeX', (topic, spec) => {
  const d = spec ? derive(topic, spec as never) : derive(topic);

  it('the LaTeX is ASCII, with xcolor colours and the preamble it needs', () => {
    const tex = derivationToLatex(d);
    expect(tex.match(/[^\x00-\x7f]/g) ?? []).toEqual([]);
    assertEngineLatex(tex);
    expect(tex).not.toMatch(/\\textcolor\{#|U\+[0-9A-F]{4}/);
    expect(tex.startsWith('% needs \\usepackage{amsmath,amssymb,xcolor,arydshln}\n% needs \\setcounter{MaxMatrixCols}{')).toBe(true);
    const doc = derivationToLatex(d, { standalone: true });
    expect(doc).toMatch(/^\\documentclass\{article\}\n[\s\S]*\\begin\{document\}\n\\section\*[\s\S]*\\end\{document\}\n$/);
  });

  it('the Markdown keeps what KaTeX reads', () => {
    const md = derivationToMarkdown(d);
    if (topic === 'window') expect(md).toContain('\\textcolor{#c2410c}');
    expect(md).not.toContain('\\textcolor[HTML]');
  });
});
