import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { explainCommand } from '../../src/cli/explain.ts';
import { assertParses } from '../latex/helpers.ts';
import { assertEngineLatex } from '../latex/latex-cases.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await explainCommand.run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, readStdin: async () => '' });
  return { code, out, err };
}

describe('convmat explain', () => {
  it.each(['matrix', 'transposed', 'window', 'block'])('%s comes out in every format', async (topic) => {
    for (const format of ['text', 'latex', 'markdown', 'html', 'json']) {
      const r = await run([topic, '--format', format]);
      expect(r.code, `${topic} ${format}`).toBe(0);
      expect(r.out.length).toBeGreaterThan(100);
      if (format === 'json') expect(JSON.parse(r.out).steps.length).toBeGreaterThan(1);
      if (format === 'html') {
        expect(r.out).toMatch(/^<!doctype html>/);
        expect(r.out).toContain('@font-face');
        expect(r.out).toContain('data:font/woff2;base64,');
        expect(r.out).not.toMatch(/<script/i);
        expect(r.out).toContain('class="katex-display"');
      }
      if (format === 'markdown') for (const block of r.out.match(/\$\$\n[\s\S]*?\n\$\$/g) ?? []) assertParses(block.slice(3, -3));
      if (format === 'latex') assertEngineLatex(r.out);
    }
  }, 60_000);
  it('takes spec flags: the lecture padded example in LaTeX', async () => {
    const r = await run(['matrix', '--input', '4', '--kernel', '3', '--padding', '1', '--weights', 'x,y,z', '--inputs', 'a,b,c,d', '--format', 'latex']);
    expect(r.out).toContain('\\begin{bmatrix}0 \\\\ a \\\\ b \\\\ c \\\\ d \\\\ 0\\end{bmatrix}');
  });
  it('prints the window frames as aligned text', async () => {
    const r = await run(['window']);
    expect(r.out).toContain('⎡3₀  3₁  2₂  1  0⎤');
    expect(r.out).toContain('⎡12  12  17⎤');
  });
  it('rejects bad input with a typed error naming the flag', async () => {
    await expect(run(['nope'])).rejects.toThrow(/topic: must be one of/);
    await expect(run(['matrix', '--format', 'pdf'])).rejects.toThrow(ConvmatError);
    await expect(run(['matrix', '--input', '3', '--kernel', '3', '--weights', '\\href{x},b,c'])).rejects.toThrow(ConvmatError);
    await expect(run(['matrix', '--input', '0', '--kernel', '3'])).rejects.toThrow(/--input/);
    await expect(run([])).rejects.toThrow(/topic/);
  }, 60_000);
  it('has help', async () => {
    const r = await run(['--help']);
    expect(r.out).toMatch(/Topics:[\s\S]*window/);
  });
});

describe('convmat explain: the analysis topics', () => {
  it.each(['dilation', 'receptive-field', 'separable', 'depthwise', 'pointwise', 'flatten', 'checkerboard', 'im2col'])('%s comes out in every format', async (topic) => {
    for (const format of ['text', 'latex', 'markdown', 'html', 'json']) {
      const r = await run([topic, '--format', format]);
      expect(r.code, `${topic} ${format}`).toBe(0);
      if (format === 'json') expect(JSON.parse(r.out).topic).toBe(topic);
      if (format === 'html') expect(r.out).toContain('data-verdict="pass"');
      if (format === 'markdown') for (const block of r.out.match(/\$\$\n[\s\S]*?\n\$\$/g) ?? []) assertParses(block.slice(3, -3));
      if (format === 'latex') assertEngineLatex(r.out);
    }
  }, 120_000);
  it('takes the TCN stack as per-layer lists and the second depthwise example as flags', async () => {
    expect((await run(['receptive-field', '--kernel', '3', '--dilation', '1,2,4'])).out).toContain('r3 = 7 + 4*(3-1)*1 = 15');
    expect((await run(['depthwise', '--input', '12x12', '--kernel', '5x5', '--in-channels', '3', '--out-channels', '256'])).out)
      .toContain('1,228,800 against 4,800 + 49,152 = 53,952');
  }, 60_000);
  it('rejects a bad layer with a typed error', async () => {
    await expect(run(['receptive-field', '--kernel', '3', '--dilation', '1,0'])).rejects.toThrow(/dilation\[1\]: must be an integer from 1/);
  });
  it('separable: the text says what it counts, 81 multiplications against 54 nonzeros of K', async () => {
    const r = await run(['separable']);
    expect(r.out).toMatch(/convolution │ kernel │ outputs │ multiplications │ nonzeros of K │ weights/);
    expect(r.out).toMatch(/standard +│ 3×3 +│ 3×3 +│ 81 +│ 54 +│ 9/);
    expect(r.out).toMatch(/horizontal +│ 1×3 +│ 3×3 +│ 27 +│ 18 +│ 3/);
  });
  it('transposed: the lecture\'s Example 2, with Xᵀ a and no output named after a weight', async () => {
    const r = await run(['transposed', '--input', '4', '--kernel', '3', '--padding', '1', '--weights', 'x,y,z', '--inputs', 'a,b,c,d']);
    expect(r.out).toContain('x ∗ a = X a: the padding kept in the input, X is 4×6');
    expect(r.out).toContain('x ∗ᵀ a = Xᵀ a: a transposed convolution with padding 0, 4 up to 6');
    expect(r.out).not.toMatch(/\by[0-9]/);
  });
});

