import { assertIdentifier } from './symbols.ts';
import { GREEK, type SymbolParts, symbolParts } from './symbol-parts.ts';

/**
 * The one place where anything from a user becomes LaTeX. Free text goes
 * through `latexText` (inside \text{}), symbol names through `latexSymbol`
 * (identifiers only), numbers through `latexNumber`. Nothing else is spliced.
 */
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#',
  '^': '\\textasciicircum{}', '_': '\\_', '%': '\\%', '~': '\\textasciitilde{}',
  // not special to LaTeX, but Markdown and HTML pipelines may read them as tags
  '<': '\\textless{}', '>': '\\textgreater{}',
};

/**
 * Characters KaTeX has no text-mode metrics for (it warns "No character
 * metrics" and guesses their width), written as math inside the text: the
 * labels of comparisons (`Kᵀ·y`, `δ`) are typeset as they are meant.
 */
export const GREEK_LETTERS: Readonly<Record<string, string>> = {
  'α': 'alpha', 'β': 'beta', 'γ': 'gamma', 'δ': 'delta', 'ε': 'epsilon', 'ζ': 'zeta', 'η': 'eta', 'θ': 'theta', 'ι': 'iota', 'κ': 'kappa',
  'λ': 'lambda', 'μ': 'mu', 'ν': 'nu', 'ξ': 'xi', 'π': 'pi', 'ρ': 'rho', 'σ': 'sigma', 'τ': 'tau', 'υ': 'upsilon', 'φ': 'phi', 'χ': 'chi', 'ψ': 'psi', 'ω': 'omega',
};
const GREEK_GLYPHS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GREEK_LETTERS).map(([c, name]) => [name, c]));

/** The glyph of a lowercase Greek letter's name (`delta` → δ), as KaTeX sets `\\delta`; undefined for any other name. */
export function greekGlyph(name: string): string | undefined {
  return Object.hasOwn(GREEK_GLYPHS, name) ? GREEK_GLYPHS[name] : undefined;
}
const TEXT_AS_MATH: Record<string, string> = {
  'ᵀ': '^{\\mathsf{T}}', '⊛': '\\circledast', '≠': '\\neq', '∑': '\\sum', '✓': '\\checkmark', '✗': '\\times', '⁻': '^{-}',
  '⁰': '^{0}', '¹': '^{1}', '²': '^{2}', '³': '^{3}', '₀': '_{0}', '₁': '_{1}', '₂': '_{2}', '₃': '_{3}',
  ...Object.fromEntries(Object.entries(GREEK_LETTERS).map(([c, name]) => [c, `\\${name}`])),
};
const NEEDS_MATH = new RegExp(`[${Object.keys(TEXT_AS_MATH).join('')}]+`, 'gu');

/** Escapes free text for use inside `\text{…}`; drops control characters and caps the length. */
export function escapeLatexText(s: string, maxLength = 200): string {
  const clipped = s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
  return clipped.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\{}$&#^_%~<>]/g, (c) => TEXT_ESCAPES[c]!)
    .replace(NEEDS_MATH, (run) => `$${[...run].map((c) => `{${TEXT_AS_MATH[c]!}}`).join('')}$`);
}

export function latexText(s: string, maxLength = 200): string {
  return `\\text{${escapeLatexText(s, maxLength)}}`;
}

/**
 * LaTeX of an identifier: `w1` → `w_{1}`, `w_1_2_3` → `w_{1,2,3}`, `foo` → `\mathit{foo}`, `alpha` → `\alpha`.
 * Throws for anything that is not an identifier, so no raw text reaches KaTeX.
 */
export function latexSymbol(name: string): string {
  return symbolToLatex(symbolParts(name));
}

/** LaTeX of a symbol's parts (symbol-parts.ts): its letters, accent, channel superscript and subscripts. */
export function symbolToLatex(s: SymbolParts, outerAccent?: keyof typeof ACCENTS): string {
  const stem = latexStem(s.base);
  const inner = s.accent ? `${ACCENTS[s.accent]}{${stem}}` : stem;
  const base = outerAccent ? `${ACCENTS[outerAccent]}{${inner}}` : inner;
  const channel = s.channel === undefined ? '' : `^{(${s.channel})}`;
  return s.index.length ? `${base}${channel}_{${s.index.map(subscriptPart).join(',')}}` : `${base}${channel}`;
}

/** A name's letters: `z`, `\mathit{foo}`, `\delta`. */
function latexStem(head: string): string {
  if (GREEK.has(head)) return `\\${head}`;
  return head.length === 1 ? head : `\\mathit{${head}}`;
}

function subscriptPart(p: string): string {
  return /^\d+$/.test(p) || p.length === 1 ? p : `\\mathit{${p}}`;
}

/** LaTeX of a finite number (integers and decimals as written, never exponent soup). */
export function latexNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : x < 0 ? '-\\infty' : '\\text{NaN}';
  const s = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m ? `${m[1]} \\times 10^{${Number(m[2])}}` : s;
}

const ACCENTS = { tilde: '\\tilde', hat: '\\hat', bar: '\\bar' } as const;

/** An identifier with an accent on its head: `z1` with 'tilde' → `\\tilde{z}_{1}` (the lecture's z̃₁). */
export function latexAccentSymbol(name: string, accent: keyof typeof ACCENTS): string {
  return symbolToLatex(symbolParts(name), accent);
}

/**
 * How a name reads in plain text: identifiers as they are, except an accent
 * spelled SymPy's way, which becomes a combining mark: `ztilde1` → z̃1.
 */
export function displayName(name: string): string {
  const m = /^([A-Za-z])(tilde|hat|bar)(\d.*)?$/.exec(name);
  return m ? textAccentSymbol(`${m[1]}${m[3] ?? ''}`, m[2] as keyof typeof ACCENTS) : name;
}

/** The text form of an accented identifier, with a combining accent after its first letter (z̃1). */
export function textAccentSymbol(name: string, accent: keyof typeof ACCENTS): string {
  assertIdentifier(name, 'symbol');
  const mark = { tilde: '\u0303', hat: '\u0302', bar: '\u0304' }[accent];
  return `${name[0]}${mark}${name.slice(1)}`;
}
