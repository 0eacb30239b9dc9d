import { html, nothing, type TemplateResult } from 'lit';
import { type SummaryView, isSummary } from '../../src/view/summary.ts';

export { type SummaryView, isSummary };

/**
 * The summary form of a view (src/view/summary.ts) as DOM: the shapes, the
 * sizes and the limit passed, in part="summary". Views decide when to
 * switch; elements only draw it (`summaryTemplate`).
 */
export function summaryTemplate(v: SummaryView, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const e = v.summary.estimate;
  const x = (s: readonly number[] | null) => (s && s.length ? s.join('×') : '?');
  const ch = (c: number) => (c > 1 ? `${c} channels of ` : '');
  return html`<div part="summary" role="note">
    <p><strong>Too large to show ${v.summary.what} here:</strong> ${v.summary.reason}.</p>
    ${e ? html`<p>input ${ch(e.inChannels)}${x(e.input)} · kernel ${x(e.kernel)} · output ${ch(e.outChannels)}${x(e.output)}
      · ${e.taps.toLocaleString('en-US')} multiply-adds</p>` : nothing}
    ${(v.summary.facts ?? []).map((f) => html`<p>${f}</p>`)}
    ${extra}
    <p class="caption">Try a smaller input (the lecture's examples are 4 to 7 wide), or use the CLI
      (<code>convmat matrix --json</code>), which handles it in the engine's limits.</p>
  </div>`;
}
