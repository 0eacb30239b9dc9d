import type { Derivation, Step } from './derivation.ts';
import { escapeLatexText } from '../algebra/latex-escape.ts';
import { forLatex, latexDocument, latexPreamble } from './latex-document.ts';

/**
 * LaTeX and Markdown out of a derivation. Pure string functions: titles and
 * notes are escaped here, the math comes escaped from the steps. The LaTeX is
 * for pdflatex and lualatex (forLatex: xcolor's colours, ASCII only); the
 * Markdown keeps KaTeX's dialect, for the KaTeX or MathJax that renders it.
 */
export interface LatexOptions {
  /** a whole document (\documentclass … \end{document}) instead of a fragment headed by the preamble it needs */
  standalone?: boolean;
}

export function derivationToLatex(d: Derivation, opts: LatexOptions = {}): string {
  const out = [`\\section*{${escapeLatexText(d.title, 2000)}}`, ''];
  for (const s of d.steps) {
    out.push(`\\paragraph{${escapeLatexText(s.title, 2000)}}`);
    out.push(s.type === 'note' ? escapeLatexText(s.text, 5000) : `\\[\n${s.tex}\n\\]`, '');
  }
  const body = forLatex(`${out.join('\n')}\n`);
  if (opts.standalone) return latexDocument(body);
  return `${latexPreamble(body).split('\n').map((line) => `% needs ${line}`).join('\n')}\n${body}`;
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
