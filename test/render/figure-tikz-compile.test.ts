import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FigureOptions, renderFigure } from '../../src/render/figure.ts';
import { runProcess } from '../cli/run-cli.ts';

/**
 * `--format tikz --standalone` is a document pdflatex compiles: every view,
 * Greek, accented and multi-index names, a summary, and an animation (one
 * page per frame, counted in the PDF). Skipped only where pdflatex is not
 * installed (.ci/run installs texlive). Written to a temporary folder.
 */
function installed(cmd: string): boolean {
  try { execFileSync('which', [cmd], { stdio: 'ignore' }); return true; } catch { return false; }
}

const dir = mkdtempSync(join(tmpdir(), 'convmat-tikz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: Array<[string, Record<string, unknown>, FigureOptions]> = [
  ['window-padded', { input: '5x5', kernel: '3x3', stride: 2, padding: 1 }, { view: 'window', frame: 4 }],
  ['window-names', { input: '3x3', kernel: '2x2', weights: 'alpha,wtilde,w_1_2,foo', inputs: 'zhat1,delta,b,c,d,g,h,k,m' }, { view: 'window' }],
  ['window-reflect', { input: 4, kernel: 3, padding: 2, paddingMode: 'reflect', weights: '[1,-2,0.5]', inputs: '[3,1,4,1]' }, { view: 'window' }],
  ['transposed', { input: '3x3', kernel: '3x3', stride: 2, outputPadding: 1 }, { view: 'transposed', frame: 7 }],
  ['matrix', { input: 4, kernel: 3, padding: 1, paddingMode: 'replicate' }, { view: 'matrix', frame: 2 }],
  ['receptive-field-1d', { kernel: 3, stride: 2, input: 15 }, { view: 'receptive-field' }],
  ['receptive-field-2d', { kernel: '3x3', stride: 2, input: '9x9' }, { view: 'receptive-field' }],
  ['checkerboard', { kernel: 3, stride: 2, input: '6x6' }, { view: 'checkerboard' }],
  ['summary', { input: '200x200', kernel: 3 }, { view: 'window' }],
  ['animated', { input: 5, kernel: 3, stride: 2 }, { view: 'window', animate: true }],
];

describe.skipIf(!installed('pdflatex'))('TikZ figures compile with pdflatex', () => {
  it.each(CASES)('%s', async (name, spec, options) => {
    writeFileSync(join(dir, `${name}.tex`), renderFigure(spec as never, { ...options, format: 'tikz', standalone: true }));
    const run = await runProcess('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], undefined, { cwd: dir });
    const log = readFileSync(join(dir, `${name}.log`), 'utf8');
    expect(run.code, log.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
    expect(log).not.toMatch(/Missing character|Unicode character|Undefined color/);
    // one page per frame when animated (5 inputs, kernel 3, stride 2: 2 outputs)
    const pages = Number(/Output written on .*\((\d+) pages?/.exec(log)?.[1]);
    expect(pages).toBe(options.animate ? 2 : 1);
  }, 120_000);

  it('an animated tikzpicture in a Beamer frame gives one slide per frame (\\only overlays)', async () => {
    const picture = renderFigure({ input: 6, kernel: 3 }, { view: 'window', format: 'tikz', animate: true });
    writeFileSync(join(dir, 'beamer.tex'), `\\documentclass{beamer}\n\\usepackage{amsmath,amssymb,tikz}\n\\begin{document}\n\\begin{frame}\n${picture}\\end{frame}\n\\end{document}\n`);
    const run = await runProcess('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'beamer.tex'], undefined, { cwd: dir });
    const log = readFileSync(join(dir, 'beamer.log'), 'utf8');
    expect(run.code, log.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
    expect(Number(/Output written on .*\((\d+) pages?/.exec(log)?.[1])).toBe(4); // 6 inputs, kernel 3: 4 outputs
  }, 120_000);
});
