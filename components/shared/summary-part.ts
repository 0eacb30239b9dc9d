import { html, type TemplateResult } from 'lit';
import type { ViewSummary } from '../../src/view/view-parts.ts';

/**
 * A view's summary form (src/view: what is not drawn, the limit passed, the
 * facts still known) as DOM: part="summary", shown at once instead of a
 * drawing that would block the page.
 */
export function summaryTemplate(s: ViewSummary): TemplateResult {
  return html`<div part="summary" role="note">
    <p><strong>Too large to show ${s.what} here:</strong> ${s.reason}.</p>
    ${s.facts.map((f) => html`<p>${f}</p>`)}
    <p class="caption">Try a smaller input (the lecture's examples are 4 to 7 wide), or use the CLI, which works within the engine's limits.</p>
  </div>`;
}
