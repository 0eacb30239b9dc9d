import katex from 'katex';
import { bench, describe } from 'vitest';
import { polynomialToLatex } from '../../src/algebra/print.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { materialize } from '../../src/matrix/csr.ts';
import { KATEX_OPTIONS, clearRenderCache, renderMatrixHtml } from '../../src/render/katex-render.ts';

/**
 * Render budget (DESIGN.md): a 16×18 symbolic matrix ≤ 5 ms, a 36×49 one ≤ 30 ms.
 * One KaTeX bmatrix of the whole matrix against renderMatrixHtml, which
 * typesets each distinct cell once (cache cleared before every run: cold).
 */
function cellsOf(spec: object): string[][] {
  const s = normalizeSpec(spec);
  return materialize(convMatrix(s), s.weights, polynomialRing).map((row) => row.map((p) => polynomialToLatex(p)));
}
const bmatrix = (cells: string[][]) => `\\begin{bmatrix}${cells.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;

for (const [name, spec] of [['16×18 (1D, n=18, k=3)', { input: 18, kernel: 3 }], ['36×49 (2D, 7×7, k=2×2)', { input: '7x7', kernel: '2x2' }]] as const) {
  const cells = cellsOf(spec);
  const tex = bmatrix(cells);
  describe(name, () => {
    bench('katex bmatrix', () => { katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: true }); });
    bench('renderMatrixHtml (cold cell cache)', () => { clearRenderCache(); renderMatrixHtml(cells, { label: 'K' }); });
    bench('renderMatrixHtml (warm cell cache)', () => { renderMatrixHtml(cells, { label: 'K' }); });
  });
}
