import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/** `convmat figure` through the real binary: formats, frames, files, help, and one-line bad input. */
const dir = mkdtempSync(join(tmpdir(), 'convmat-figure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kinds = (svg: string) => [...svg.matchAll(/data-kind="(\w+)"/g)].map((m) => m[1]);

describe.concurrent('convmat figure', () => {
  it('writes an SVG to stdout with the cells of the cell contract and the chosen frame', async () => {
    const r = await convmat(['figure', 'window', '--input', '5x5', '--kernel', '3x3', '--stride', '2', '--padding', '1', '--frame', '8']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml[^]*<svg [^>]*viewBox="[^"]+"[^]*<title[^>]*>Sliding window/);
    const k = kinds(r.stdout);
    expect([k.filter((x) => x === 'input').length, k.filter((x) => x === 'padding').length, k.filter((x) => x === 'output').length]).toEqual([25, 24, 9]);
    // frame 8 is the last output, z34 = w1·z19 + w2·z20 + w4·z24 + w5·z25 (the window's corner over padding)
    expect(r.stdout).toContain('>z<tspan dy=".1">34</tspan><tspan dy="-.1" class="b"> = </tspan>w<tspan dy=".1">1</tspan><tspan dy="-.1" class="b">·</tspan>z<tspan dy=".1">19</tspan>');
  });

  it('writes to -o FILE, animated, and as standalone TikZ and html', async () => {
    const file = join(dir, 'w.svg');
    const r = await convmat(['figure', 'window', '--input', '4', '--kernel', '3', '--animate', '-o', file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(file, 'utf8')).toMatch(/<animate attributeName="x" values="[^"]+"/);
    const tikz = await convmat(['figure', 'transposed', '--input', '3', '--kernel', '3', '--stride', '2', '--format', 'tikz', '--standalone']);
    expect(tikz.stdout).toMatch(/^\\documentclass[^]*\\begin\{tikzpicture\}[^]*\\end\{document\}\n$/);
    const html = await convmat(['figure', 'matrix', '--input', '4', '--kernel', '3', '--format', 'html']);
    expect(html.stdout).toMatch(/^<figure class="convmat-figure"[^]*<svg [^]*class="katex[^]*<\/figure>\n$/);
    expect(html.stdout).not.toMatch(/<script/i);
  });

  it('prints its help', async () => {
    const r = await convmat(['figure', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^convmat figure: [^]*--format svg\|tikz\|html[^]*receptive-field/);
  });

  it.each([
    [['figure', 'windw', '--input', '5'], /^convmat: view: is not a figure; the views are window, transposed, matrix, receptive-field, checkerboard \(got "windw"\)\. did you mean window\?$/],
    [['figure', '--input', '5'], /^convmat: view: is required/],
    [['figure', 'window', '--input', '5', '--kernel', '3', '--frame', '3'], /^convmat: --frame: must be an integer from 0 to 2 \(this drawing has 3 frames\) \(got 3\)$/],
    [['figure', 'window', '--input', '5', '--kernel', '3', '--frame', '-1'], /^convmat: --frame: /],
    [['figure', 'window', '--input', '5', '--format', 'svgg'], /^convmat: --format: must be one of svg, tikz, html \(got "svgg"\)\. did you mean svg\?$/],
    [['figure', 'window', '--input', '5', '--standalone'], /^convmat: --standalone: applies to --format tikz only/],
    [['figure', 'checkerboard', '--kernel', '3', '--weights', 'a,b,c'], /^convmat: --weights: does not apply to the checkerboard figure/],
    [['figure', 'window', '--input', '4', '--kernel', '5'], /^convmat: --kernel: /],
  ])('bad input %j: exit 2 with one line', async (args, line) => {
    expect(badInputLine(await convmat(args))).toMatch(line);
  });
});
