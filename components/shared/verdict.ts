import { html, type TemplateResult } from 'lit';
import { type CheckReport, comparedEntries } from '../../src/check/report.ts';

/** The verdict badge every checking element shows: part="verdict", data-verdict pass | fail. */
export function verdictTemplate(report: CheckReport, description: string, symbolic = true): TemplateResult {
  const pass = report.holds;
  const how = symbolic ? 'exactly' : 'numerically, seeded random values';
  const label = pass ? `${report.comparisons.map((c) => `${c.left} = ${c.right}`).join(', ')} ✓` : `✗ ${description}`;
  return html`<div part="verdict" data-verdict=${pass ? 'pass' : 'fail'} title=${description}>${label}
    <span class="sr-only">(${comparedEntries(report)} entries compared ${how})</span></div>`;
}

/** A verdict from a plain boolean and a message (for checks that are not vector comparisons). */
export function simpleVerdict(pass: boolean, label: string): TemplateResult {
  return html`<div part="verdict" data-verdict=${pass ? 'pass' : 'fail'}>${pass ? '✓ ' : '✗ '}${label}</div>`;
}
