import { bench, describe } from 'vitest';
import 'katex';
import '../../../components/define.ts';

/**
 * Rendering budgets of DESIGN.md, in a real Chromium: attribute to finished
 * render (spec, matrix, check, typesetting, DOM). Run with
 *   npx vitest bench --run --project browser test/browser/components/render.bench.ts
 */
async function render(markup: string): Promise<void> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await (host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  host.remove();
}

describe('lecture examples (budget 5 ms each)', () => {
  bench('conv-matrix 6 ⊛ 3, equation', () => render('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>'));
  bench('conv-matrix transposed 4 → 6', () => render('<conv-matrix input="4" kernel="3" transposed show="equation"></conv-matrix>'));
  bench('conv-window 5×5 ⊛ 3×3', () => render(`<conv-window input="5x5" kernel="3x3"
    inputs="[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]" weights="[[0,1,2],[2,2,0],[0,1,2]]"></conv-window>`));
  bench('conv-transposed 4 → 6, three forms', () => render('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>'));
  bench('conv-checkerboard k=3 s=2', () => render('<conv-checkerboard kernel="3" stride="2"></conv-checkerboard>'));
  bench('conv-receptive-field TCN 1,2,4', () => render('<conv-receptive-field kernel="3" dilation="1,2,4"></conv-receptive-field>'));
  bench('conv-separable Sobel + costs', () => render('<conv-separable></conv-separable>'));
});

describe('symbolic matrices', () => {
  bench('16×18 (budget 5 ms)', () => render('<conv-matrix input="18" kernel="3"></conv-matrix>'));
  bench('36×49 (budget 30 ms)', () => render('<conv-matrix input="7x7" kernel="2x2"></conv-matrix>'));
  bench('3844×4096 structural view, 64×64 ⊛ 3×3 (never freezes)', () => render('<conv-matrix input="64x64" kernel="3x3"></conv-matrix>'), { iterations: 5 });
});
