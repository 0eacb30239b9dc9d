import { type CheckReport, type Comparison, reportFrom, describeReport } from '../check/report.ts';
import type { Cell, EquationStep, Highlight, NoteStep, Part, TableStep, VerdictStep } from './derivation.ts';
import { latexNumber, latexText } from '../algebra/latex-escape.ts';
import { partTex } from './matrix-part.ts';

/** Constructors of derivation steps; each computes the step's LaTeX from its escaped parts. */
export function equationStep(title: string, parts: readonly Part[], highlights: readonly Highlight[] = []): EquationStep {
  return { type: 'equation', title, tex: parts.map(partTex).join(' '), parts, highlights };
}

export function noteStep(title: string, text: string): NoteStep {
  return { type: 'note', title, text, tex: latexText(text, 2000), highlights: [] };
}

export function tableStep(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): TableStep {
  const head = header.map((h) => latexText(h)).join(' & ');
  const body = rows.map((r) => r.map((c) => c.tex).join(' & ')).join(' \\\\ ');
  const tex = `\\begin{array}{${header.map(() => 'c').join('|')}}${head} \\\\ \\hline ${body}\\end{array}`;
  return { type: 'table', title, header, rows, tex, highlights: [] };
}

/** A verdict from a check report (or from one comparison, as the report of that comparison alone). */
export function verdictStep(title: string, checked: CheckReport | Comparison): VerdictStep {
  const report = 'holds' in checked ? checked : reportFrom([checked]);
  const text = describeReport(report);
  const sides = report.comparisons.map((c) => `${latexText(c.left)} ${c.equal ? '=' : '\\neq'} ${latexText(c.right)}`);
  const tex = `${sides.length ? sides.join(',\\; ') : latexText(report.reason ?? '')} \\quad ${report.holds ? '\\checkmark' : '\\times'}`;
  return { type: 'verdict', title, equal: report.holds, text, tex, highlights: [] };
}

export function textCell(s: string): Cell {
  return { tex: latexText(s), text: s };
}

export function numberCell(n: number): Cell {
  return { tex: latexNumber(n), text: String(n) };
}
