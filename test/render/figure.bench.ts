/**
 * Figures render in milliseconds (issue 20): the lecture's window as SVG,
 * TikZ and static HTML, every frame of it animated, and the 32×32 window
 * animated (the largest window a figure draws before the summary).
 * Run: npx vitest bench --run --project node test/render/figure.bench.ts
 */
import { bench, describe } from 'vitest';
import { renderFigure } from '../../src/render/figure.ts';

const LECTURE = { input: '5x5', kernel: '3x3', stride: 2, padding: 1 };

describe('renderFigure', () => {
  bench('window 5×5, svg, one frame', () => { renderFigure(LECTURE, { view: 'window' }); });
  bench('window 5×5, svg, animated', () => { renderFigure(LECTURE, { view: 'window', animate: true }); });
  bench('window 5×5, tikz standalone', () => { renderFigure(LECTURE, { view: 'window', format: 'tikz', standalone: true }); });
  bench('window 5×5, html (KaTeX)', () => { renderFigure(LECTURE, { view: 'window', format: 'html' }); });
  bench('transposed 3×3, stride 2, svg', () => { renderFigure({ input: '3x3', kernel: '3x3', stride: 2 }, { view: 'transposed' }); });
  bench('window 32×32, svg, animated (900 frames)', () => { renderFigure({ input: '32x32', kernel: '3x3' }, { view: 'window', animate: true }); }, { iterations: 5 });
});
