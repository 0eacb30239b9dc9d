/**
 * Summed entries as the views and derivations show them: the matrix view's
 * LaTeX cells (what the elements draw), its structural window, the LaTeX and
 * text cells of the derivations, all on the reflect example, whose
 * first row is [w2, w1 + w3, 0, 0, 0].
 */
import { describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { STRUCTURAL_ZERO, denseCells, matrixEquation, rowEntries, weightEntries, windowAround } from '../../src/view/equation.ts';
import { type ViewCell, entryToLatex } from '../../src/view/entry.ts';

/** The LaTeX of a view's cell: null (a structural zero) stays null. */
const latex = (c: ViewCell | 'skip') => (c === null || c === 'skip' ? c : entryToLatex(c));
import { matrixCells, rowColumns } from '../../src/latex/cells.ts';
import { derive } from '../../src/latex/derive.ts';

const raw = { input: 5, kernel: 3, padding: 1, paddingMode: 'reflect' };
const spec = normalizeSpec(raw);
const m = convMatrix(spec);

describe('a summed entry in the views', () => {
  it('denseCells: w_{1} + w_{3} at (0, 1) and (4, 3), single weights elsewhere', () => {
    const cells = denseCells(m, weightEntries(spec));
    expect(cells[0]!.map(latex)).toEqual(['w_{2}', 'w_{1} + w_{3}', STRUCTURAL_ZERO, STRUCTURAL_ZERO, STRUCTURAL_ZERO]);
    expect(cells[4]!.map(latex)).toEqual([STRUCTURAL_ZERO, STRUCTURAL_ZERO, STRUCTURAL_ZERO, 'w_{1} + w_{3}', 'w_{2}']);
    expect(matrixEquation(spec, m, []).cells).toEqual(cells);
  });

  it('a negative weight in a sum is subtracted, not added as + -', () => {
    const s = normalizeSpec({ input: 5, kernel: 3, padding: 1, paddingMode: 'reflect', weights: [1, 5, -2] });
    expect(latex(denseCells(convMatrix(s), weightEntries(s))[0]![1]!)).toBe('1 - 2');
    const t = normalizeSpec({ input: 5, kernel: 3, padding: 1, paddingMode: 'reflect', weights: 'w1,w2,-2*w3' });
    expect(latex(denseCells(convMatrix(t), weightEntries(t))[0]![1]!)).toBe('w_{1} - 2 w_{3}');
  });

  it('windowAround sums too; rowEntries keeps one (column, tap) pair per tap', () => {
    const w = windowAround(m, weightEntries(spec), 0);
    expect(w.rows).toEqual([0, 1, 2]);
    expect(w.cells[0]!.map(latex)).toEqual(w.cols.map((c) => (c === 0 ? 'w_{2}' : c === 1 ? 'w_{1} + w_{3}' : STRUCTURAL_ZERO)));
    expect(rowEntries(m, 0)).toEqual({ cols: [0, 1, 1], taps: [1, 0, 2] });
  });

  it('derivation cells: the LaTeX and text of the sum; each column read once', () => {
    const cell = matrixCells(m, spec.weights);
    expect(cell(0, 1)).toEqual({ tex: 'w_{1} + w_{3}', text: 'w1 + w3' });
    expect(cell(0, 2).text).toBe('0');
    expect(rowColumns(m, 0)).toEqual([0, 1]);
  });

  it('explain matrix --format latex writes the sum in K', () => {
    const d = derive('matrix', raw);
    const tex = d.steps.map((s) => (s.type === 'equation' ? s.tex : '')).join('\n');
    expect(tex).toContain('w_{1} + w_{3}');
    expect(tex).toContain('z_{2} \\\\ z_{1} \\\\ z_{2}'); // the padded input shows the copy of z2 first
  });
});
