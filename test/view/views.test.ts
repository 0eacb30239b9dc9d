/**
 * The view functions of issue 19 (window, transposed, matrix, derivation):
 * plain data a renderer reads, the lecture's numbers, and the summary each
 * switches to before its work could block a page (issue 25's element cases).
 */
import { describe, expect, it } from 'vitest';
import { windowView } from '../../src/view/window-view.ts';
import { transposedView } from '../../src/view/transposed-view.ts';
import { checkedMatrixView, matrixView } from '../../src/view/matrix-view.ts';
import { derivationView } from '../../src/view/derivation-view.ts';
import { isSummary } from '../../src/view/summary.ts';
import { type Entry, entryToLatex, entryToText } from '../../src/view/entry.ts';
import { TYPESET_TERMS, productEntries } from '../../src/view/equation.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { symbolParts } from '../../src/algebra/symbol-parts.ts';
import { latexAccentSymbol, latexSymbol } from '../../src/algebra/latex-escape.ts';
import { loadExpressionParser } from '../../src/view/spec-input.ts';

/** Everything in a view is an array, a plain object, a typed array or a primitive: no class instance, no function. */
function classInstances(v: unknown, path = 'view', out: string[] = []): string[] {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'symbol') out.push(path);
    return out;
  }
  if (ArrayBuffer.isView(v)) return out;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype) { out.push(`${path} (${proto?.constructor?.name})`); return out; }
  for (const [k, x] of Object.entries(v)) classInstances(x, `${path}.${k}`, out);
  return out;
}

const LECTURE_WINDOW = { input: '5x5', kernel: '3x3', inputs: '[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]', weights: '[[0,1,2],[2,2,0],[0,1,2]]' };

describe('views are plain data', () => {
  it.each([
    ['window', () => windowView(LECTURE_WINDOW)],
    ['transposed', () => transposedView({ input: '4', kernel: '3', inputs: 'z7,z8,z9,z10' })],
    ['matrix', () => matrixView({ input: '6', kernel: '3' })],
    ['im2col', () => matrixView({ input: '4x4', kernel: '2x2' }, 'im2col')],
    ['derivation', () => derivationView('transposed', {})],
  ])('%s: no class instance or function anywhere, and a structured clone is equal', (_, make) => {
    const v = make();
    expect(classInstances(v)).toEqual([]);
    expect(structuredClone(v)).toEqual(v);
  });

  it('the check catches a class instance (a Polynomial left in a view)', () => {
    const spec = normalizeSpec({ input: 3, kernel: 2 });
    expect(classInstances({ cells: [[spec.weights[0]]] })).toEqual(['view.cells.0.0 (Polynomial)']);
  });
});

describe('windowView', () => {
  it("reproduces the lecture's nine outputs of 5×5 ⊛ 3×3, each frame covering nine cells", () => {
    const v = windowView(LECTURE_WINDOW);
    if (isSummary(v)) throw new Error('expected the full view');
    expect(v.outputCells.map(entryToText)).toEqual(['12', '12', '17', '10', '17', '19', '9', '6', '14']);
    expect(v.frames).toHaveLength(9);
    expect(v.frames[4]!.map((t) => t.cell)).toEqual([6, 7, 8, 11, 12, 13, 16, 17, 18]);
    expect(v.verdict.holds).toBe(true);
  });

  it('45×45 ⊛ 5×5, d 2, p 4 is a summary naming the cells it would draw (issue 25: a 441 ms task)', () => {
    const v = windowView({ input: '45x45', kernel: '5x5', dilation: 2, padding: 4 });
    expect(isSummary(v) && v.summary.reason).toMatch(/4,834 cells/);
  });
});

describe('transposedView', () => {
  it("the lecture's 4 → 6 example: z7…z10 scatter into six outputs, all three forms agree", () => {
    const v = transposedView({ input: '4', kernel: '3', inputs: 'z7,z8,z9,z10' });
    if (isSummary(v)) throw new Error('expected the full view');
    expect(v.scatter.map(entryToText)[0]).toBe('w1*z7');
    expect(v.overlap).toEqual([1, 2, 3, 3, 2, 1]);
    expect(v.reports.scatter.holds && v.reports.zeroInsertion.holds).toBe(true);
  });

  it('20×20, k 4, s 2 is a summary (issue 25: an 862 ms task)', () => {
    expect(isSummary(transposedView({ input: '20x20', kernel: '4x4', stride: 2 }))).toBe(true);
    expect(isSummary(transposedView({ input: '2x2', kernel: '3x3', stride: 2, padding: 1 }))).toBe(false);
  });
});

describe('matrixView and derivationView summaries', () => {
  it('nine (a+b+c+d+f)^8 weights on 6×6 ⊛ 3×3 is a summary before anything is expanded (issue 25: frozen over 144 s)', async () => {
    await loadExpressionParser();
    const weights = Array.from({ length: 9 }, () => '(a+b+c+d+f)^8').join(',');
    const t = performance.now();
    const v = matrixView({ input: '6x6', kernel: '3x3', weights });
    expect(performance.now() - t).toBeLessThan(200);
    expect(isSummary(v) && v.summary.reason).toMatch(/495 terms each/);
    expect(isSummary(matrixView({ input: '6x6', kernel: '3x3', weights: '(a+b)^2,w2,w3,w4,w5,w6,w7,w8,w9' }))).toBe(false);
  });

  it('im2col with 8×8 inputs and 12 → 12 channels is a summary (issue 25: a 1.3 s task); the lecture-sized one is derived', () => {
    expect(isSummary(derivationView('im2col', { input: '8x8', kernel: '3x3', inChannels: 12, outChannels: 12 }))).toBe(true);
    expect(isSummary(derivationView('im2col', { input: '4x4', kernel: '2x2' }))).toBe(false);
  });

  it('a structural view checks after its first paint', () => {
    const v = matrixView({ input: '64x64', kernel: '3x3' });
    if (isSummary(v)) throw new Error('expected the structural view');
    expect(v.eq.typeset).toBe(false);
    expect(v.verdict).toBeNull();
    expect(checkedMatrixView({ input: '64x64', kernel: '3x3' }, v).verdict?.holds).toBe(true);
  });
});

describe('symbols as structure', () => {
  it('reads an identifier into base, index, accent and channel once', () => {
    expect(symbolParts('w12')).toMatchObject({ base: 'w', index: ['12'] });
    expect(symbolParts('z_2_3')).toMatchObject({ base: 'z', index: ['2', '3'] });
    expect(symbolParts('ztilde1')).toMatchObject({ base: 'z', accent: 'tilde', index: ['1'] });
    expect(symbolParts('w1_2')).toMatchObject({ base: 'w', channel: '1', index: ['2'] });
    expect(symbolParts('delta')).toMatchObject({ base: 'delta', index: [] });
    expect(() => symbolParts('\\frac')).toThrow();
  });

  it('prints the LaTeX the printer always wrote', () => {
    expect(['w1', 'w_1_2_3', 'foo', 'alpha', 'ztilde1', 'w1_2', 'deltatilde', 'x_ab'].map(latexSymbol))
      .toEqual(['w_{1}', 'w_{1,2,3}', '\\mathit{foo}', '\\alpha', '\\tilde{z}_{1}', 'w^{(1)}_{2}', '\\tilde{\\delta}', 'x_{\\mathit{ab}}']);
    expect(latexAccentSymbol('z3', 'tilde')).toBe('\\tilde{z}_{3}');
  });

  it('elides long products past the typesetting budget and says how many terms there are', async () => {
    await loadExpressionParser();
    const spec = normalizeSpec({ input: 4, kernel: 3, weights: '(a+b+c+d)^4,w2,w3' });
    const products = productEntries(spec, spec.weights.map((w) => w));
    expect(products[0]!.total).toBe(35);
    expect(products[0]!.terms).toHaveLength(35);
    const many: Entry[] = productEntries(spec, Array.from({ length: 200 }, () => spec.weights[0]!));
    expect(many[0]!.terms.length * 200).toBeLessThanOrEqual(TYPESET_TERMS);
    expect(entryToLatex(many[0]!)).toContain('(35 \\text{ terms})');
  });
});
