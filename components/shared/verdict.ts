import { html, type TemplateResult } from 'lit';
import type { EquivalenceReport } from '../../src/check/equivalence.ts';

/** The verdict badge every checking element shows: part="verdict", data-verdict pass | fail. */
export function verdictTemplate(report: EquivalenceReport, description: string, symbolic = true): TemplateResult {
  const pass = report.equal;
  const how = symbolic ? 'exactly' : 'numerically, seeded random values';
  const label = pass ? `${report.left} = ${report.right} ✓` : `✗ ${description}`;
  return html`<div part="verdict" data-verdict=${pass ? 'pass' : 'fail'} title=${description}>${label}
    <span class="sr-only">(${report.compared} entries compared ${how})</span></div>`;
}

/** A verdict from a plain boolean and a message (for checks that are not vector comparisons). */
export function simpleVerdict(pass: boolean, label: string): TemplateResult {
  return html`<div part="verdict" data-verdict=${pass ? 'pass' : 'fail'}>${pass ? '✓ ' : '✗ '}${label}</div>`;
}
