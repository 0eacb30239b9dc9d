import { TOPICS } from '../../src/latex/derive.ts';

/** Every topic's lecture example, and the specs that print the rarer symbols (ũ, δ, Π, a 16-column matrix, a 2D window with stride and padding). */
export const LATEX_CASES: Array<[string, Record<string, unknown> | undefined]> = [
  ...[...TOPICS.keys()].map((t): [string, undefined] => [t, undefined]),
  ['transposed', { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' }],
  ['im2col', { input: 4, kernel: 2, inChannels: 4, outChannels: 4, groups: 2 }],
  ['gradient', { input: 4, kernel: 3, padding: 1, paddingMode: 'reflect' }],
  ['receptive-field', { kernel: 3, dilation: '1,2,4' }],
  ['matrix', { input: 16, kernel: 3 }],
  ['window', { input: '5x5', kernel: '3x3', stride: 2, padding: 1 }],
];

/**
 * The checks a `--format latex` output passes without a LaTeX engine (the
 * compile test runs pdflatex and lualatex where installed): ASCII only, no
 * KaTeX-only hex colour, and balanced braces.
 */
export function assertEngineLatex(tex: string): void {
  const foreign = tex.match(/[^\x00-\x7f]/g);
  if (foreign) throw new Error(`LaTeX output has characters outside ASCII: ${[...new Set(foreign)].join(' ')}`);
  if (/\\textcolor\{#/.test(tex)) throw new Error('LaTeX output has KaTeX\'s \\textcolor{#…}');
  let depth = 0;
  for (const [i, c] of [...tex.replace(/\\[{}]/g, '')].entries()) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) throw new Error(`unbalanced } at ${i}`);
  }
  if (depth !== 0) throw new Error(`${depth} unclosed {`);
}
