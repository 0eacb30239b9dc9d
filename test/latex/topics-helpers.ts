import { expect } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import type { Derivation, EquationStep, Step, TableStep } from '../../src/latex/derivation.ts';
import { allTex, assertParses } from './helpers.ts';

/** Shared by the topic tests: find steps by title, check every string parses, every verdict passes. */
export function step<T extends Step['type']>(d: Derivation, type: T, title: RegExp): Extract<Step, { type: T }> {
  const s = d.steps.find((x) => x.type === type && title.test(x.title));
  if (!s) throw new Error(`no ${type} step matching ${title} in ${d.steps.map((x) => x.title).join(' | ')}`);
  return s as Extract<Step, { type: T }>;
}

export function expectWellFormed(d: Derivation): void {
  for (const tex of allTex(d)) expect(() => assertParses(tex), tex).not.toThrow();
  const verdicts = d.steps.filter((s) => s.type === 'verdict');
  expect(verdicts.length).toBeGreaterThan(0);
  for (const v of verdicts) expect(v.equal, v.text).toBe(true);
  expect(derivationToText(d).length).toBeGreaterThan(100);
}

export function columnTexts(t: TableStep, j: number): string[] {
  return t.rows.map((r) => r[j]!.text);
}

export function matrixTexts(s: EquationStep, part: number): string[][] {
  const p = s.parts[part]!;
  if (p.type !== 'matrix') throw new Error('not a matrix');
  return p.cells.map((r) => r.map((c) => c.text));
}
