import { it } from 'vitest';
import { normalizeSpec } from '../../../src/geometry/spec.ts';
import { checkMatrix } from '../../../src/check/matrix-check.ts';
import { equationData } from '../../../components/shared/matrix-equation.ts';
import { loadKatex } from '../../../components/shared/katex-block.ts';
import { mount } from './helpers.ts';
it('dbg', async () => {
  const k = await loadKatex();
  await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
  for (const [input, kernel, v] of [['6', '3', 0], ['18', '3', 0], ['7x7', '2x2', 0], ['7x7', '2x2', 1], ['18', '3', 1], ['7x7', '2x2', 2], ['18', '3', 2]] as const) {
    (globalThis as any).variant = v;
    let t = performance.now();
    const spec = normalizeSpec({ input, kernel });
    const c = checkMatrix(spec);
    const t1 = performance.now() - t; t = performance.now();
    const eq = equationData(spec, c.matrix, c.product);
    const t2 = performance.now() - t; t = performance.now();
    let h = k.renderMatrixHtml(eq.cells!, { label: 'K' });
    if ((globalThis as any).variant === 1) h = h.replace(/<span class="convmat-mathml"[\s\S]*?<\/math><\/span>/, '');
    if ((globalThis as any).variant === 2) h = eq.cells!.flat().map((c, i) => `<span data-i="${i}"><i style="font-family:KaTeX_Math">${c.replace(/_\{(\d+)\}/, '</i><sub>$1</sub><i>')}</i></span>`).join('');
    const t3 = performance.now() - t; t = performance.now();
    const div = document.createElement('div'); div.innerHTML = h; document.body.append(div);
    const t4 = performance.now() - t; t = performance.now();
    div.getBoundingClientRect();
    const t5 = performance.now() - t;
    div.remove();
    console.log(input, kernel, v, 'check', t1.toFixed(1), 'eqdata', t2.toFixed(1), 'html', t3.toFixed(1), h.length, 'parse', t4.toFixed(1), 'layout', t5.toFixed(1));
  }
});
