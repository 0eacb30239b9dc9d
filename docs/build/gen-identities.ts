import { identities } from '../../src/check/identities/catalogue.ts';
import { renderTex } from '../../src/render/katex-render.ts';
import { escapeHtml } from './html-text.ts';

/**
 * The Identities page's body, from the engine's catalogue: for each identity
 * its statement (typeset at build time), where it holds and fails, its
 * parameters, and a panel the site script brings to life (a live check of
 * the lecture's instance and a form). The panel's fallback is the same
 * check, run at build time.
 */
export function generateIdentities(): string {
  const index = `<ul class="identity-index">${identities.map((i) => `<li><a href="#${i.id}">${escapeHtml(i.title)}</a></li>`).join('')}</ul>`;
  const sections = identities.map((i) => {
    const example = i.examples[0];
    const report = i.check(example);
    const params = i.parameters.map((p) => `<tr><td>${renderTex(p.symbol)}</td><td><code>${escapeHtml(p.field)}</code></td><td>${escapeHtml(p.range)}</td></tr>`).join('');
    return `<section class="identity"><h2 id="${i.id}">${escapeHtml(i.title)}</h2>
<p class="identity-id">id <code>${i.id}</code></p>
<div class="statement">${renderTex(i.statement, { display: true })}</div>
<p><strong>Holds:</strong> ${escapeHtml(i.holdsWhen)}</p>
<p><strong>Does not hold:</strong> ${escapeHtml(i.failsWhen)}</p>
<div class="table-wrap"><table><caption>Parameters</caption><thead><tr><th>symbol</th><th>field</th><th>valid range</th></tr></thead><tbody>${params}</tbody></table></div>
<div class="identity-live" data-identity="${i.id}" data-spec="${escapeHtml(JSON.stringify(example))}">
<div class="fallback"><p>Lecture instance <code>${escapeHtml(JSON.stringify(example))}</code>: ${report.holds ? '✓' : '✗'} ${escapeHtml(report.summary)} (checked when the site was built).</p></div>
</div></section>`;
  });
  return `${index}\n${sections.join('\n')}`;
}
