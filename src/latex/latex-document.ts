/**
 * A derivation's LaTeX for a LaTeX engine rather than KaTeX. The steps carry
 * KaTeX's dialect, which two things in them break under pdflatex: xcolor
 * reads `\textcolor{#c2410c}` as a macro parameter (it wants
 * `\textcolor[HTML]{C2410C}`), and pdflatex stops on Unicode it has no
 * definition for (ᵀ, ′, −, δ …), which lualatex silently drops. `forLatex`
 * rewrites both, so the result is plain ASCII that pdflatex and lualatex both
 * compile; KaTeX keeps reading the steps as they are.
 */

/** Every character the derivations write, as LaTeX that works in text and in math mode. */
const MATH: Record<string, string> = {
  '×': '\\times', '·': '\\cdot', '−': '-', '′': "'", '∂': '\\partial', '→': '\\to', '←': '\\leftarrow', '↑': '\\uparrow',
  '↓': '\\downarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow', '⋆': '\\star', '∗': '\\ast', '⊛': '\\circledast',
  '⊗': '\\otimes', '⊙': '\\odot', '∘': '\\circ', '≠': '\\neq', '≤': '\\leq', '≥': '\\geq', '≈': '\\approx', '≡': '\\equiv',
  '±': '\\pm', '∈': '\\in', '∞': '\\infty', '√': '\\surd', '⌊': '\\lfloor', '⌋': '\\rfloor', '⌈': '\\lceil', '⌉': '\\rceil',
  '⋮': '\\vdots', '⋯': '\\cdots', '…': '\\ldots', '∑': '\\sum', '∏': '\\prod', '✓': '\\checkmark', '✗': '\\times', 'ℝ': '\\mathbb{R}',
  'ᵀ': '^{T}', '½': '\\tfrac{1}{2}',
  'α': '\\alpha', 'β': '\\beta', 'γ': '\\gamma', 'δ': '\\delta', 'ε': '\\varepsilon', 'θ': '\\theta', 'λ': '\\lambda',
  'μ': '\\mu', 'π': '\\pi', 'σ': '\\sigma', 'τ': '\\tau', 'φ': '\\varphi', 'ω': '\\omega',
  'Δ': '\\Delta', 'Σ': '\\Sigma', 'Π': '\\Pi', 'Ω': '\\Omega',
};
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹', SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const TEXT: Record<string, string> = { '–': '--', '—': '---', '‘': '`', '’': "'", '“': '``', '”': "''", '\u00a0': '~' };
const COMBINING: Record<string, string> = { '\u0303': '\\tilde', '\u0302': '\\hat', '\u0304': '\\bar', '\u0301': '\\acute', '\u0300': '\\grave' };

/** One character (or a letter with a combining accent) as ASCII LaTeX; anything unknown as its code point, visibly. */
function replacement(c: string): string {
  const accent = COMBINING[c.slice(-1)];
  if (accent && c.length === 2) return `\\ensuremath{${accent}{${c[0]}}}`;
  if (MATH[c] !== undefined) return `\\ensuremath{${MATH[c]}}`;
  if (SUPERSCRIPTS.includes(c)) return `\\ensuremath{^{${SUPERSCRIPTS.indexOf(c)}}}`;
  if (SUBSCRIPTS.includes(c)) return `\\ensuremath{_{${SUBSCRIPTS.indexOf(c)}}}`;
  if (TEXT[c] !== undefined) return `\\text{${TEXT[c]}}`;
  return `\\text{\\texttt{U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}}`;
}

/** KaTeX's LaTeX as LaTeX for pdflatex and lualatex: xcolor's HTML colours, and no character outside ASCII. */
export function forLatex(tex: string): string {
  return tex
    .replace(/\\textcolor\{#([0-9a-fA-F]{6})\}/g, (_m, hex: string) => `\\textcolor[HTML]{${hex.toUpperCase()}}`)
    .normalize('NFD') // ũ, ŷ, é: a letter and a combining accent
    .replace(/.[\u0300-\u0304]|[^\x00-\x7f]/gu, replacement);
}

export const LATEX_PACKAGE_LIST = ['amsmath', 'amssymb', 'xcolor', 'arydshln'] as const;

/** amsmath's matrices stop at 10 columns unless told: the most columns any row of `tex` has, at least 10. */
export function matrixColumns(tex: string): number {
  let most = 10;
  for (const row of tex.split('\\\\')) most = Math.max(most, row.split('&').length);
  return most;
}

/** What a document needs around `body`: the packages, and room for the widest matrix. */
export function latexPreamble(body: string): string {
  return `\\usepackage{${LATEX_PACKAGE_LIST.join(',')}}\n\\setcounter{MaxMatrixCols}{${matrixColumns(body)}}`;
}

/** A whole document around `body` (pdflatex or lualatex, A4 landscape so wide matrices fit). */
export function latexDocument(body: string): string {
  return `\\documentclass{article}\n\\usepackage[a4paper,landscape,margin=1.5cm]{geometry}\n${latexPreamble(body)}\n\\begin{document}\n${body}\\end{document}\n`;
}
