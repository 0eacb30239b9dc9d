import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import { headTail } from '../../src/latex/elide.ts';
import { assertParses, matrices } from './helpers.ts';

describe('structured elision of big matrices', () => {
  it.each([6, 16, 17, 30, 100, 1000])('1D input %i, kernel 3', (n) => {
    const d = derive('matrix', { input: n, kernel: 3 });
    const K = matrices(d)[0]!;
    expect(K.rows).toBe(n - 2);
    expect(K.cells.length).toBeLessThanOrEqual(16);
    expect(K.cells[0]!.length).toBeLessThanOrEqual(25);
    const tex = d.steps.find((s) => s.type === 'equation')!.tex;
    assertParses(tex);
    if (n > 16) expect(tex).toContain('\\vdots'); // the input vector z
    if (n - 2 > 16) {
      expect(tex).toContain('\\cdots');
      expect(tex).toContain('\\ddots');
      // first and last rows and columns are kept, and the band is visible at both ends
      expect(K.rowIndex[0]).toBe(0);
      expect(K.rowIndex.at(-1)).toBe(n - 3);
      expect(K.colIndex[0]).toBe(0);
      expect(K.colIndex.at(-1)).toBe(n - 1);
      expect(K.cells[0]!.slice(0, 3).map((c) => c.text)).toEqual(['w1', 'w2', 'w3']);
      expect(K.cells.at(-1)!.slice(-3).map((c) => c.text)).toEqual(['w1', 'w2', 'w3']);
    }
    if (n <= 16) expect(tex).not.toMatch(/\\[vcd]dots/);
  });
  it.each([[7, 2], [16, 3], [64, 3]])('2D input %i×%i stays within the limits', (n, k) => {
    const d = derive('matrix', { input: `${n}x${n}`, kernel: `${k}x${k}` });
    for (const m of matrices(d)) {
      expect(m.cells.length).toBeLessThanOrEqual(16);
      expect(m.cells[0]!.length).toBeLessThanOrEqual(25);
    }
    for (const s of d.steps) assertParses(s.tex);
  });
  it('honours custom limits', () => {
    const d = derive('matrix', { input: 12, kernel: 3 }, { limits: { maxRows: 5, maxCols: 7 } });
    const K = matrices(d)[0]!;
    expect(K.cells.length).toBe(5);
    expect(K.rowIndex).toEqual([0, 1, null, 8, 9]);
  });
  it('headTail keeps both ends', () => {
    expect(headTail(10, 5)).toEqual([0, 1, null, 8, 9]);
    expect(headTail(4, 5)).toEqual([0, 1, 2, 3]);
  });
});
