import { describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { pageElements, pageText, specOf } from './page-elements.ts';

/**
 * docs/padding-modes.html: the rows the text states, worked out by hand from
 * PyTorch's padding (reflect z2 | z1…z5 | z4, replicate z1 | … | z5, circular
 * z5 | … | z1), are the rows of the matrices its elements show.
 */
const PAGE = 'padding-modes.html';
const text = pageText(PAGE);
const matrices = pageElements(PAGE).filter((e) => e.tag === 'conv-matrix');

function rows(mode: string): string[][] {
  const e = matrices.find((m) => m.attrs['padding-mode'] === mode && m.attrs.input === '5');
  expect(e, `a 1D <conv-matrix padding-mode="${mode}">`).toBeDefined();
  const dense = polynomialMatrix(normalizeSpec(specOf(e!)));
  return dense.map((r) => r.map((p) => polynomialToText(p)));
}

describe(PAGE, () => {
  it('shows the four modes side by side on one example', () => {
    const windows = pageElements(PAGE).filter((e) => e.tag === 'conv-window' && e.attrs.input === '5');
    expect(windows.map((w) => w.attrs['padding-mode'] ?? 'zeros').sort()).toEqual(['circular', 'reflect', 'replicate', 'zeros']);
  });

  it.each([
    ['reflect', ['w2', 'w1 + w3', '0', '0', '0'], ['0', '0', '0', 'w1 + w3', 'w2']],
    ['replicate', ['w1 + w2', 'w3', '0', '0', '0'], ['0', '0', '0', 'w1', 'w2 + w3']],
    ['circular', ['w2', 'w3', '0', '0', 'w1'], ['w3', '0', '0', 'w1', 'w2']],
  ])('%s: the first row [%s] and the last as the text states them', (mode, first, last) => {
    const K = rows(mode);
    expect(K[0]).toEqual(first);
    expect(K[4]).toEqual(last);
    expect(text).toContain(`[${first.join(', ')}]`);
    if (mode !== 'circular') expect(text).toContain(`[${last.join(', ')}]`);
  });

  it('the circulant’s first column, as the DFT paragraph states it', () => {
    expect(rows('circular').map((r) => r[0])).toEqual(['w2', 'w1', '0', '0', 'w3']);
    expect(text).toContain('[w2, w1, 0, 0, w3]');
  });
});
