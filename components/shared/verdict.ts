import { html, type TemplateResult } from 'lit';
import type { VerdictView } from '../../src/view/verdict.ts';

/** The verdict badge every checking element shows: part="verdict", data-verdict pass | fail. */
export function verdictTemplate(v: VerdictView): TemplateResult {
  const how = v.exact ? 'exactly' : 'numerically, seeded random values';
  const label = v.holds ? `${v.compared.join(', ')} ✓` : `✗ ${v.description}`;
  return html`<div part="verdict" data-verdict=${v.holds ? 'pass' : 'fail'} title=${v.description}>${label}
    <span class="sr-only">(${v.entries} entries compared ${how})</span></div>`;
}

/** A verdict from a plain boolean and a message (for checks that are not vector comparisons). */
export function simpleVerdict(pass: boolean, label: string): TemplateResult {
  return html`<div part="verdict" data-verdict=${pass ? 'pass' : 'fail'}>${pass ? '✓ ' : '✗ '}${label}</div>`;
}
