import type { Derivation, Step } from './derivation.ts';
import { escapeLatexText } from '../algebra/latex-escape.ts';

/**
 * LaTeX and Markdown out of a derivation. Pure string functions: titles and
 * notes are escaped here, the math comes escaped from the steps.
 */
export const LATEX_PACKAGES = '% needs \\usepackage{amsmath,amssymb,xcolor,arydshln}';

export function derivationToLatex(d: Derivation): string {
  const out = [LATEX_PACKAGES, `\\section*{${escapeLatexText(d.title, 2000)}}`, ''];
  for (const s of d.steps) {
    out.push(`\\paragraph{${escapeLatexText(s.title, 2000)}}`);
    out.push(s.type === 'note' ? escapeLatexText(s.text, 5000) : `\\[\n${s.tex}\n\\]`, '');
  }
  return `${out.join('\n')}\n`;
}

export function derivationToMarkdown(d: Derivation): string {
  const out = [`## ${escapeMarkdown(d.title)}`, ''];
  for (const s of d.steps) {
    out.push(`### ${escapeMarkdown(s.title)}`, '');
    out.push(stepMarkdown(s), '');
  }
  return `${out.join('\n')}\n`;
}

function stepMarkdown(s: Step): string {
  if (s.type === 'note') return escapeMarkdown(s.text);
  if (s.type === 'verdict') return `${s.equal ? '✓' : '✗'} ${escapeMarkdown(s.text)}\n\n$$\n${s.tex}\n$$`;
  return `$$\n${s.tex}\n$$`;
}

/** Escapes characters Markdown would read as markup, and HTML. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]#|$~]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
