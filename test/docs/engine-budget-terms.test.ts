import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachProduct } from '../oracle.ts';
import { pageText } from './page-elements.ts';

/**
 * The engine budget's term counts, recounted from the definition by the
 * independent oracle (every multiply-add of a valid 3×3 correlation), and
 * every place that states them: the Performance page, the README's table, the
 * bench's labels and budgets, and the recorded benchmark names. A 256×256
 * input gives 254² · 9 = 580,644 terms (571,536 was a 254×254 input).
 */
const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

function oracleTerms(n: number): number {
  let terms = 0;
  forEachProduct([1, n, n], [1, 1, 3, 3], {}, () => { terms++; });
  return terms;
}

const grouped = (x: number) => x.toLocaleString('en-US');

describe('the engine budget: product terms of an n×n input with a 3×3 kernel', () => {
  const counts = new Map([64, 256].map((n) => [n, oracleTerms(n)]));

  it('the oracle counts 34,596 at 64×64 and 580,644 at 256×256', () => {
    expect(counts.get(64)).toBe(34_596);
    expect(counts.get(256)).toBe(580_644);
  });

  it('performance.html and the README state the recounted number at 256×256, and the README its budget per term', () => {
    const terms = grouped(counts.get(256)!);
    expect(pageText('performance.html')).toContain(`At 256×256 (254² × 9 = ${terms} terms)`);
    expect(pageText('performance.html')).toContain(`${grouped(counts.get(64)!)} product terms`);
    const row = read('README.md').match(/256×256 input, 3×3 kernel \(([\d,]+) terms\) \| ≤ ([\d.]+) µs\/term \((\d+) ms\)/);
    expect(row?.[1]).toBe(terms);
    expect(Number(row![3])).toBe(Math.round((counts.get(256)! * Number(row![2])) / 1000));
    for (const text of [pageText('performance.html'), read('README.md')]) expect(text).not.toMatch(/571,536/);
  });

  it('the bench labels its cases with the recounted terms, and its 256×256 budget is the README\'s', () => {
    const bench = read('test/engine.bench.ts');
    const budget = read('README.md').match(/256×256 input, 3×3 kernel \([\d,]+ terms\) \| [^|]*\((\d+) ms\)/)![1];
    for (const n of [64, 256]) {
      const label = bench.match(new RegExp(`bench\\('${n}×${n} \\(([\\d,]+) terms; budget (\\d+) ms\\)', \\(\\) => assertEqual\\(${n}\\)`));
      expect(label?.[1], `${n}×${n}`).toBe(grouped(counts.get(n)!));
      if (n === 256) expect(label![2]).toBe(budget);
    }
    const names = (JSON.parse(read('docs/data/benchmarks.json')) as { results: { file: string; name: string }[] }).results
      .filter((r) => r.file === 'test/engine.bench.ts').map((r) => r.name);
    expect(names.some((x) => x.startsWith(`256×256 (${grouped(counts.get(256)!)} terms;`))).toBe(true);
    expect(names.join('\n')).not.toMatch(/571/);
  });
});
