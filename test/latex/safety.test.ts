import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { TOPICS, derive } from '../../src/latex/derive.ts';
import { derivationToLatex, derivationToMarkdown } from '../../src/latex/emit.ts';
import { escapeLatexText, latexSymbol, latexText } from '../../src/algebra/latex-escape.ts';
import { noteStep, tableStep, textCell } from '../../src/latex/steps.ts';
import { derivationToHtml } from '../../src/cli/explain-html.ts';
import { renderMatrixHtml, renderTex } from '../../src/render/katex-render.ts';
import { allTex, assertParses } from './helpers.ts';

const EXAMPLES: Array<[string, object | undefined]> = [
  ...[...TOPICS.keys()].map((t) => [t, undefined] as [string, undefined]),
  ['matrix', { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' }],
  ['matrix', { input: 5, kernel: 3, stride: 2, padding: 1, weights: '1/2,-1,2' }],
  ['matrix', { input: 4, kernel: 3, transposed: true }],
  ['matrix', { input: 5, kernel: 2, inChannels: 2, outChannels: 2 }],
  ['transposed', { input: '3x3', kernel: 3, stride: 2, padding: 1 }],
  ['block', { input: '3x3x3', kernel: '2x2x2' }],
  ['window', { input: 7, kernel: 3, dilation: 2 }],
];

describe('every emitted string parses in KaTeX (throwOnError, trust: false)', () => {
  it.each(EXAMPLES)('%s %j', (topic, spec) => {
    const d = derive(topic, spec as never);
    for (const tex of allTex(d)) expect(() => assertParses(tex), tex).not.toThrow();
    expect(() => derivationToHtml(d)).not.toThrow();
  });
});

const HOSTILE = [
  '\\href{javascript:alert(1)}{x}', '\\def\\x{\\x\\x}\\x', '\\htmlClass{evil}{x}', '<img src=x onerror=alert(1)>',
  '{{{', '}}', 'a}b{c', '$x$', '\\\\', 'x'.repeat(100_000), 'w1\u0000', 'π', '',
];

describe('injection corpus', () => {
  it.each(HOSTILE.map((h) => [h.slice(0, 40), h]))('as a weight or input name: %s', (_, h) => {
    for (const field of ['weights', 'inputs'] as const) {
      const spec = { input: 3, kernel: 2, [field]: `${h},${h === 'b' ? 'c' : 'b'}${field === 'inputs' ? ',q' : ''}` };
      let d;
      try {
        d = derive('matrix', spec);
      } catch (e) {
        expect(e).toBeInstanceOf(ConvmatError);
        continue;
      }
      // accepted only as a value (never as raw LaTeX): nothing hostile reaches the strings
      for (const tex of allTex(d)) {
        expect(tex).not.toMatch(/\\href|\\def|\\htmlClass|<img|onerror/);
        assertParses(tex);
      }
    }
  });
  it('latexSymbol rejects every hostile name', () => {
    for (const h of HOSTILE) expect(() => latexSymbol(h)).toThrow(ConvmatError);
  });
  it.each(HOSTILE.map((h) => [h.slice(0, 40), h]))('as free text (titles, notes, table headers): %s', (_, h) => {
    const tex = latexText(h);
    assertParses(tex);
    expect(tex).not.toMatch(/\\href|\\def|\\htmlClass/);
    expect(tex.length).toBeLessThan(1300);
    assertParses(noteStep(h, h).tex);
    assertParses(tableStep(h, [h, h], [[textCell(h), textCell(h)]]).tex);
    const d = { topic: 'x', title: h, steps: [noteStep(h, h), tableStep(h, [h], [[textCell(h)]])] };
    expect(derivationToHtml(d)).not.toMatch(/<img/i);
    expect(derivationToMarkdown(d)).not.toMatch(/<img/);
    expect(derivationToLatex(d)).not.toMatch(/\\href|\\def\\x|\\htmlClass/);
  });
  it('escapeLatexText caps length and drops control characters', () => {
    expect(escapeLatexText('x'.repeat(100_000)).length).toBe(200);
    expect(escapeLatexText('a\u0000b')).toBe('a b');
  });
  it('the renderer itself refuses unsafe commands (trust: false) and macro bombs (maxExpand)', () => {
    expect(renderTex('\\href{javascript:alert(1)}{x}')).not.toMatch(/href="javascript/);
    expect(renderTex('\\htmlClass{evil}{x}')).not.toMatch(/class="[^"]*evil/);
    expect(() => renderTex('\\def\\a{\\a\\a}\\a')).toThrow();
    expect(() => renderTex('{')).toThrow();
    expect(() => renderMatrixHtml([['w_{1}', '{']])).toThrow();
    expect(renderMatrixHtml([['0']], { ariaLabel: '"><img onerror=alert(1)>' })).not.toMatch(/<img/);
  });
});
