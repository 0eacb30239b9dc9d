import katex from 'katex';
import { KATEX_OPTIONS } from '../../src/render/katex-render.ts';
import type { Derivation, MatrixPart } from '../../src/latex/derivation.ts';

/** Throws unless `tex` typesets with the options every surface renders with (throwOnError, trust: false, bounds). */
export function assertParses(tex: string): void {
  katex.renderToString(tex, { ...KATEX_OPTIONS, output: 'mathml', displayMode: true });
}

/** Every LaTeX string a derivation holds: each step, each part, each cell. */
export function allTex(d: Derivation): string[] {
  const out: string[] = [];
  for (const s of d.steps) {
    out.push(s.tex);
    if (s.type === 'equation') for (const p of s.parts) {
      if (p.type === 'math') out.push(p.tex);
      else { for (const row of p.cells) for (const c of row) out.push(c.tex); if (p.label) out.push(p.label.tex); }
    }
    if (s.type === 'table') for (const row of s.rows) for (const c of row) out.push(c.tex);
  }
  return out;
}

export function matrices(d: Derivation): MatrixPart[] {
  return d.steps.flatMap((s) => (s.type === 'equation' ? s.parts.filter((p): p is MatrixPart => p.type === 'matrix') : []));
}
